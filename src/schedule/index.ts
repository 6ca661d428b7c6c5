export { latestSlot, minIntervalSec, nextRuns, validateCron, validateTimezone } from './cron-time.js';
export { DeliveryEngine, markKey, type DeliveryEngineOptions, type DeliveryOutcome, type DeliveryPlan, type DeliveryStep } from './delivery-engine.js';
export { Digests } from './digest-service.js';
export { Scheduler, type SchedulerOptions } from './scheduler.js';
export { SourceAnnouncer } from './source-announcer.js';
export { loadWindow, type DigestWindow } from './window.js';
export { select, composeReply } from './compose.js';
export { DEFAULT_RETRY, type RetryPolicy } from './send-retry.js';
