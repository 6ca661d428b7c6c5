import type { NewSource, Source, SourceHealth, SourceKind, SourceRepo } from '../../core/index.js';
import type { Db } from './db.js';
import { fromBool, instant, maybeInstant, toBool, toJson } from './rows.js';

interface SourceRow {
  id: number;
  kind: string;
  url: string;
  title: string | null;
  poll_interval_sec: number;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: string | null;
  last_new_item_at: string | null;
  consecutive_failures: number;
  last_error: string | null;
  disabled_at: string | null;
  disabled_reason: string | null;
  disabled_announced: number;
  next_poll_at: string;
  added_by: string | null;
  created_at: string;
}

const COLUMNS =
  'id, kind, url, title, poll_interval_sec, etag, last_modified, last_fetched_at, last_new_item_at, consecutive_failures, ' +
  'last_error, disabled_at, disabled_reason, disabled_announced, next_poll_at, added_by, created_at';

/** SourceHealth field → column, and how its value is stored. */
const HEALTH_COLUMNS: { [K in keyof Required<SourceHealth>]: [string, (v: NonNullable<SourceHealth[K]> | null) => unknown] } = {
  title: ['title', (v) => v],
  etag: ['etag', (v) => v],
  lastModified: ['last_modified', (v) => v],
  lastFetchedAt: ['last_fetched_at', (v) => maybeInstant(v)],
  lastNewItemAt: ['last_new_item_at', (v) => maybeInstant(v)],
  consecutiveFailures: ['consecutive_failures', (v) => v ?? 0],
  lastError: ['last_error', (v) => v],
  disabledAt: ['disabled_at', (v) => maybeInstant(v)],
  disabledReason: ['disabled_reason', (v) => v],
  disabledAnnounced: ['disabled_announced', (v) => fromBool(v === true)],
  nextPollAt: ['next_poll_at', (v) => instant(v ?? new Date().toISOString())],
};

function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    kind: row.kind as SourceKind,
    url: row.url,
    title: row.title,
    pollIntervalSec: row.poll_interval_sec,
    etag: row.etag,
    lastModified: row.last_modified,
    lastFetchedAt: row.last_fetched_at,
    lastNewItemAt: row.last_new_item_at,
    consecutiveFailures: row.consecutive_failures,
    lastError: row.last_error,
    disabledAt: row.disabled_at,
    disabledReason: row.disabled_reason,
    disabledAnnounced: toBool(row.disabled_announced),
    nextPollAt: row.next_poll_at,
    addedBy: row.added_by,
    createdAt: row.created_at,
  };
}

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
    for (const key of Object.keys(HEALTH_COLUMNS) as Array<keyof SourceHealth>) {
      if (health[key] === undefined) continue;
      const [column, convert] = HEALTH_COLUMNS[key] as [string, (v: unknown) => unknown];
      sets.push(`${column} = ?`);
      params.push(convert(health[key]));
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
