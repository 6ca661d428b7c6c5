import type { Source, SourceHealth, SourceKind } from '../../core/index.js';
import { fromBool, instant, maybeInstant, toBool } from './values.js';

export interface SourceRow {
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

export const SOURCE_COLUMNS =
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

/**
 * The columns a health update writes and their stored values, leaving out the
 * fields it does not mention; each backend turns them into its own placeholders.
 */
export function healthAssignments(health: SourceHealth): Array<[column: string, value: unknown]> {
  const assignments: Array<[string, unknown]> = [];
  for (const key of Object.keys(HEALTH_COLUMNS) as Array<keyof SourceHealth>) {
    if (health[key] === undefined) continue;
    const [column, convert] = HEALTH_COLUMNS[key] as [string, (v: unknown) => unknown];
    assignments.push([column, convert(health[key])]);
  }
  return assignments;
}

export function toSource(row: SourceRow): Source {
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
