import type { NewSchedule, Schedule, ScheduleRepo } from '../../core/index.js';
import type { Db } from './db.js';
import { SCHEDULE_COLUMNS as COLUMNS, scheduleValues, toSchedule, type ScheduleRow } from '../rows/schedules.js';

export class SqliteScheduleRepo implements ScheduleRepo {
  constructor(private readonly db: Db) {}

  async set(schedule: NewSchedule): Promise<Schedule> {
    const row = this.db.get<ScheduleRow>(
      `INSERT INTO schedules (subscriber, digest, cron, timezone, announce_empty, set_by, paused_at, paused_reason, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?)
       ON CONFLICT (subscriber, digest) DO UPDATE SET
         cron = excluded.cron, timezone = excluded.timezone, announce_empty = excluded.announce_empty,
         set_by = excluded.set_by, paused_at = NULL, paused_reason = NULL, updated_at = excluded.updated_at
       RETURNING ${COLUMNS}`,
      ...scheduleValues(schedule, this.db.now()),
    );
    return toSchedule(row!);
  }

  async remove(subscriber: string, digest: string): Promise<boolean> {
    return this.db.run('DELETE FROM schedules WHERE subscriber = ? AND digest = ?', subscriber, digest).changes > 0;
  }

  async get(subscriber: string, digest: string): Promise<Schedule | null> {
    const row = this.db.get<ScheduleRow>(`SELECT ${COLUMNS} FROM schedules WHERE subscriber = ? AND digest = ?`, subscriber, digest);
    return row ? toSchedule(row) : null;
  }

  async listFor(subscriber: string): Promise<Schedule[]> {
    return this.db.all<ScheduleRow>(`SELECT ${COLUMNS} FROM schedules WHERE subscriber = ? ORDER BY digest`, subscriber).map(toSchedule);
  }

  async listAll(): Promise<Schedule[]> {
    return this.db.all<ScheduleRow>(`SELECT ${COLUMNS} FROM schedules ORDER BY subscriber, digest`).map(toSchedule);
  }

  async pause(subscriber: string, digest: string, reason: string): Promise<void> {
    const now = this.db.now();
    this.db.run(
      'UPDATE schedules SET paused_at = ?, paused_reason = ?, updated_at = ? WHERE subscriber = ? AND digest = ?',
      now,
      reason,
      now,
      subscriber,
      digest,
    );
  }
}
