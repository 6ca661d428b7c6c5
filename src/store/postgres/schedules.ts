import type { NewSchedule, Schedule, ScheduleRepo } from '../../core/index.js';
import { fromBool, toBool } from '../sqlite/rows.js';
import type { PgDb } from './pg-db.js';

interface ScheduleRow {
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

const COLUMNS = 'subscriber, digest, cron, timezone, announce_empty, set_by, paused_at, paused_reason, updated_at';

function toSchedule(row: ScheduleRow): Schedule {
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

export class PgScheduleRepo implements ScheduleRepo {
  constructor(private readonly db: PgDb) {}

  async set(schedule: NewSchedule): Promise<Schedule> {
    const row = await this.db.get<ScheduleRow>(
      `INSERT INTO schedules (subscriber, digest, cron, timezone, announce_empty, set_by, paused_at, paused_reason, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, NULL, NULL, $7)
       ON CONFLICT (subscriber, digest) DO UPDATE SET
         cron = excluded.cron, timezone = excluded.timezone, announce_empty = excluded.announce_empty,
         set_by = excluded.set_by, paused_at = NULL, paused_reason = NULL, updated_at = excluded.updated_at
       RETURNING ${COLUMNS}`,
      schedule.subscriber,
      schedule.digest,
      schedule.cron,
      schedule.timezone,
      fromBool(schedule.announceEmpty),
      schedule.setBy,
      this.db.now(),
    );
    return toSchedule(row!);
  }

  async remove(subscriber: string, digest: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM schedules WHERE subscriber = $1 AND digest = $2', subscriber, digest)) > 0;
  }

  async get(subscriber: string, digest: string): Promise<Schedule | null> {
    const row = await this.db.get<ScheduleRow>(`SELECT ${COLUMNS} FROM schedules WHERE subscriber = $1 AND digest = $2`, subscriber, digest);
    return row ? toSchedule(row) : null;
  }

  async listFor(subscriber: string): Promise<Schedule[]> {
    return (await this.db.all<ScheduleRow>(`SELECT ${COLUMNS} FROM schedules WHERE subscriber = $1 ORDER BY digest`, subscriber)).map(toSchedule);
  }

  async listAll(): Promise<Schedule[]> {
    return (await this.db.all<ScheduleRow>(`SELECT ${COLUMNS} FROM schedules ORDER BY subscriber, digest`)).map(toSchedule);
  }

  async pause(subscriber: string, digest: string, reason: string): Promise<void> {
    const now = this.db.now();
    await this.db.run(
      'UPDATE schedules SET paused_at = $1, paused_reason = $2, updated_at = $1 WHERE subscriber = $3 AND digest = $4',
      now,
      reason,
      subscriber,
      digest,
    );
  }
}
