export { ingestDocument } from './ingest-document.js';
export { ingestPaths } from './ingest-paths.js';
export { ingestUrls, type UrlBatchOptions, type UrlTarget } from './ingest-urls.js';
export type * from './types.js';
export { pollDue, startPoller, type Poller, type PollerOptions } from './poller.js';
export { pollSource, type PollOutcome, type PollSourceOptions } from './poll-source.js';
export { watchInbox, type InboxOptions, type InboxWatcher } from './inbox-watcher.js';
export { meetingsToJson, meetingJson } from './export-json.js';
export { formatProgress, formatSummary, progressPrinter } from './report.js';
