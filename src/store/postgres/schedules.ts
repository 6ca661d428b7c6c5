import type { NewSchedule, Schedule, ScheduleRepo } from '../../core/index.js';
import { SCHEDULE_COLUMNS as COLUMNS, scheduleValues, toSchedule, type ScheduleRow } from '../rows/schedules.js';
import type { PgDb } from './pg-db.js';

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
      ...scheduleValues(schedule, this.db.now()),
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
