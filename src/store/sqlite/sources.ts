import type { NewSource, Source, SourceHealth, SourceRepo } from '../../core/index.js';
import type { Db } from './db.js';
import { healthAssignments, SOURCE_COLUMNS as COLUMNS, toSource, type SourceRow } from '../rows/sources.js';
import { instant, toJson } from '../rows/values.js';

export class SqliteSourceRepo implements SourceRepo {
  constructor(private readonly db: Db) {}

  async add(source: NewSource): Promise<Source> {
    const now = this.db.now();
    // A new source is due at once.
    const row = this.db.tx(() => {
      this.db.run(
        `INSERT INTO sources (kind, url, title, poll_interval_sec, next_poll_at, added_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING`,
        source.kind,
        source.url,
        source.title ?? null,
        source.pollIntervalSec,
        now,
        source.addedBy ?? null,
        now,
      );
      return this.db.get<SourceRow>(`SELECT ${COLUMNS} FROM sources WHERE url = ?`, source.url);
    });
    return toSource(row!);
  }

  async remove(id: number): Promise<boolean> {
    return this.db.run('DELETE FROM sources WHERE id = ?', id).changes > 0;
  }

  async get(id: number): Promise<Source | null> {
    const row = this.db.get<SourceRow>(`SELECT ${COLUMNS} FROM sources WHERE id = ?`, id);
    return row ? toSource(row) : null;
  }

  async findByUrl(url: string): Promise<Source | null> {
    const row = this.db.get<SourceRow>(`SELECT ${COLUMNS} FROM sources WHERE url = ?`, url);
    return row ? toSource(row) : null;
  }

  async list(): Promise<Source[]> {
    return this.db.all<SourceRow>(`SELECT ${COLUMNS} FROM sources ORDER BY id`).map(toSource);
  }

  async updateHealth(id: number, health: SourceHealth): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [];
    for (const [column, value] of healthAssignments(health)) {
      sets.push(`${column} = ?`);
      params.push(value);
    }
    // A new poll time means the poll that held the lease is over: let it go.
    if (health.nextPollAt !== undefined) sets.push('lease_owner = NULL, lease_until = NULL');
    if (sets.length === 0) return;
    this.db.run(`UPDATE sources SET ${sets.join(', ')} WHERE id = ?`, ...params, id);
  }

  async claimDue(now: string, owner: string, leaseUntil: string, limit: number): Promise<Source[]> {
    const at = instant(now);
    const rows = this.db.tx(() => {
      const due = this.db.all<{ id: number }>(
        `SELECT id FROM sources
         WHERE disabled_at IS NULL AND next_poll_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
         ORDER BY next_poll_at, id LIMIT ?`,
        at,
        at,
        limit,
      );
      if (due.length === 0) return [];
      const ids = toJson(due.map((d) => d.id));
      this.db.run(
        'UPDATE sources SET lease_owner = ?, lease_until = ? WHERE id IN (SELECT value FROM json_each(?))',
        owner,
        instant(leaseUntil),
        ids,
      );
      return this.db.all<SourceRow>(
        `SELECT ${COLUMNS} FROM sources WHERE id IN (SELECT value FROM json_each(?)) ORDER BY next_poll_at, id`,
        ids,
      );
    });
    return rows.map(toSource);
  }
}
