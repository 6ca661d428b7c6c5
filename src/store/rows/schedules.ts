import type { NewSchedule, Schedule } from '../../core/index.js';
import { fromBool, toBool } from './values.js';

export interface ScheduleRow {
  subscriber: string;
  digest: string;
  cron: string;
  timezone: string;
  announce_empty: number;
  set_by: string;
  paused_at: string | null;
  paused_reason: string | null;
  updated_at: string;
}

export const SCHEDULE_COLUMNS = 'subscriber, digest, cron, timezone, announce_empty, set_by, paused_at, paused_reason, updated_at';

/**
 * The values of a schedule upsert, in the order subscriber, digest, cron, timezone,
 * announce_empty, set_by, updated_at (pausing is cleared in the statement itself).
 */
export function scheduleValues(schedule: NewSchedule, now: string): unknown[] {
  return [schedule.subscriber, schedule.digest, schedule.cron, schedule.timezone, fromBool(schedule.announceEmpty), schedule.setBy, now];
}

export function toSchedule(row: ScheduleRow): Schedule {
  return {
    subscriber: row.subscriber,
    digest: row.digest,
    cron: row.cron,
    timezone: row.timezone,
    announceEmpty: toBool(row.announce_empty),
    setBy: row.set_by,
    pausedAt: row.paused_at,
    pausedReason: row.paused_reason,
    updatedAt: row.updated_at,
  };
}
