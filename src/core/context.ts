import type { Subscriber } from './channel.js';
import type { CommandDef } from './command.js';
import type { Logger } from './logger.js';
import type { Reply } from './reply.js';
import type { Store } from './store/index.js';

export interface Settings {
  /** The slash command's name without the slash, `brief` by default. */
  commandName: string;
  defaultTimezone: string;
  /** The shortest allowed interval between two runs of a schedule, in seconds. */
  scheduleMinIntervalSec: number;
  /** Items per page; sized so a page fits every platform's smallest budget. */
  pageSize: number;
}

export interface TopicInfo {
  id: string;
  label: string;
  description?: string;
}

/** A topic as the taxonomy defines it (built-in data or TOPICS_FILE): what the extractor matches. */
export interface TopicDef extends TopicInfo {
  /** Regular-expression sources, matched case-insensitively on word boundaries. */
  phrases: string[];
  /** Phrases inside which a hit must not count. */
  exclude: string[];
  /** Weighted hits needed for this topic (the extractor's SALIENCE by default). */
  salience?: number;
}

export interface DigestKindInfo {
  id: string;
  summary: string;
}

/** Composes digests without sending them (previews), supplied by the scheduler. */
export interface DigestService {
  kinds(): readonly DigestKindInfo[];
  /** The next digest for a subscriber, not moving any watermark. Empty list when nothing is new. */
  preview(subscriber: Subscriber, digest: string, since?: Date): Promise<Reply[]>;
}

/** Lets commands tell the running scheduler that a schedule changed. */
export interface SchedulerPort {
  refresh(subscriber: string, digest: string): Promise<void>;
  /** Null when the cron expression is valid, else what is wrong with it. */
  validateCron(cron: string): string | null;
  /** The next `count` run times of a cron expression in a timezone. */
  nextRuns(cron: string, timezone: string, count: number, from?: Date): Date[];
}

/** Everything a command may use; assembled once by main.ts. */
export interface CommandContext {
  store: Store;
  now(): Date;
  settings: Settings;
  commands: readonly CommandDef[];
  topics: readonly TopicInfo[];
  digests: DigestService;
  scheduler: SchedulerPort;
  log: Logger;
}
