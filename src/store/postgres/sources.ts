import type { NewSource, Source, SourceHealth, SourceRepo } from '../../core/index.js';
import { healthAssignments, SOURCE_COLUMNS as COLUMNS, toSource, type SourceRow } from '../rows/sources.js';
import { instant } from '../rows/values.js';
import type { PgDb } from './pg-db.js';

export class PgSourceRepo implements SourceRepo {
  constructor(private readonly db: PgDb) {}

  async add(source: NewSource): Promise<Source> {
    const now = this.db.now();
    await this.db.run(
      `INSERT INTO sources (kind, url, title, poll_interval_sec, next_poll_at, added_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (url) DO NOTHING`,
      source.kind,
      source.url,
      source.title ?? null,
      source.pollIntervalSec,
      now,
      source.addedBy ?? null,
      now,
    );
    const row = await this.db.get<SourceRow>(`SELECT ${COLUMNS} FROM sources WHERE url = $1`, source.url);
    return toSource(row!);
  }

  async remove(id: number): Promise<boolean> {
    return (await this.db.run('DELETE FROM sources WHERE id = $1', id)) > 0;
  }

  async get(id: number): Promise<Source | null> {
    const row = await this.db.get<SourceRow>(`SELECT ${COLUMNS} FROM sources WHERE id = $1`, id);
    return row ? toSource(row) : null;
  }

  async findByUrl(url: string): Promise<Source | null> {
    const row = await this.db.get<SourceRow>(`SELECT ${COLUMNS} FROM sources WHERE url = $1`, url);
    return row ? toSource(row) : null;
  }

  async list(): Promise<Source[]> {
    return (await this.db.all<SourceRow>(`SELECT ${COLUMNS} FROM sources ORDER BY id`)).map(toSource);
  }

  async updateHealth(id: number, health: SourceHealth): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [];
    for (const [column, value] of healthAssignments(health)) {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    }
    // A new poll time means the poll that held the lease is over: let it go.
    if (health.nextPollAt !== undefined) sets.push('lease_owner = NULL, lease_until = NULL');
    if (sets.length === 0) return;
    await this.db.run(`UPDATE sources SET ${sets.join(', ')} WHERE id = $${params.length + 1}`, ...params, id);
  }

  async claimDue(now: string, owner: string, leaseUntil: string, limit: number): Promise<Source[]> {
    const at = instant(now);
    // SKIP LOCKED: a replica claiming at the same moment takes other rows instead of waiting for these.
    const rows = await this.db.all<SourceRow>(
      `WITH due AS (
         SELECT id FROM sources
         WHERE disabled_at IS NULL AND next_poll_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
         ORDER BY next_poll_at, id LIMIT $2
         FOR UPDATE SKIP LOCKED)
       UPDATE sources s SET lease_owner = $3, lease_until = $4 FROM due WHERE s.id = due.id
       RETURNING ${COLUMNS.split(', ').map((c) => `s.${c}`).join(', ')}`,
      at,
      limit,
      owner,
      instant(leaseUntil),
    );
    return rows.sort((a, b) => (a.next_poll_at < b.next_poll_at ? -1 : a.next_poll_at > b.next_poll_at ? 1 : a.id - b.id)).map(toSource);
  }
}
