export { ingestDocument } from './ingest-document.js';
export { ingestPaths } from './ingest-paths.js';
export { ingestUrls, type UrlBatchOptions, type UrlTarget } from './ingest-urls.js';
export type * from './types.js';
