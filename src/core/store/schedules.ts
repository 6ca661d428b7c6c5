import type { UserRef } from '../channel.js';

export interface Schedule {
  /** `subscriberKey()` of the channel or user. */
  subscriber: string;
  /** Digest kind id, e.g. `daily-brief`. */
  digest: string;
  /** A node-cron expression (5 fields, or 6 with seconds). */
  cron: string;
  timezone: string;
  /** Post "nothing new since ..." when a digest is empty. */
  announceEmpty: boolean;
  setBy: UserRef;
  pausedAt: string | null;
  pausedReason: string | null;
  updatedAt: string;
}

export type NewSchedule = Pick<Schedule, 'subscriber' | 'digest' | 'cron' | 'timezone' | 'announceEmpty' | 'setBy'>;

export interface ScheduleRepo {
  /** Creates or replaces the schedule for (subscriber, digest); clears any pause. */
  set(schedule: NewSchedule): Promise<Schedule>;
  remove(subscriber: string, digest: string): Promise<boolean>;
  get(subscriber: string, digest: string): Promise<Schedule | null>;
  listFor(subscriber: string): Promise<Schedule[]>;
  listAll(): Promise<Schedule[]>;
  pause(subscriber: string, digest: string, reason: string): Promise<void>;
}
