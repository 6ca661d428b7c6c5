import type { DeliveryRepo } from './deliveries.js';
import type { DocumentRepo } from './documents.js';
import type { MeetingRepo } from './meetings.js';
import type { ScheduleRepo } from './schedules.js';
import type { SourceRepo } from './sources.js';
import type { SubscriptionRepo } from './subscriptions.js';
import type { TopicRewrite } from './topic-rewrite.js';

export type * from './deliveries.js';
export type * from './documents.js';
export { SEARCH_COUNT_CAP } from './documents.js';
export type * from './meetings.js';
export type * from './schedules.js';
export type * from './sources.js';
export type * from './subscriptions.js';
export type * from './topic-rewrite.js';

/**
 * The storage port. SQLite and PostgreSQL implement it and pass one contract
 * suite (test/contracts/store-contract.ts).
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  documents: DocumentRepo;
  meetings: MeetingRepo;
  sources: SourceRepo;
  subscriptions: SubscriptionRepo;
  schedules: ScheduleRepo;
  deliveries: DeliveryRepo;
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  /**
   * Writes new topics for documents and meetings in one transaction on every backend (all
   * or nothing), with the topic index rows that topic filters and counts read. An unknown
   * id fails the whole call.
   */
  rewriteTopics(rewrite: TopicRewrite): Promise<void>;
  close(): Promise<void>;
  /**
   * Optional: runs `fn` with its writes grouped. SQLite makes it one transaction (a savepoint
   * when nested), so many small writes commit once, and a `fn` that throws leaves none of its
   * writes (earlier and enclosing ones stay). PostgreSQL may run `fn` as is. While `fn` runs,
   * every caller of this store shares the group: use it only around store calls and local
   * work, never around a network wait.
   */
  batch?<T>(fn: () => Promise<T>): Promise<T>;
}
