import { createHash, type Hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Pool } from 'pg';
import type { Store } from '../../core/index.js';
import { postgresAccess } from './postgres-access.js';
import { sqliteAccess } from './sqlite-access.js';
import { TABLES, type Row, type TableAccess, type TableSpec } from './tables.js';

export const FORMAT = 'briefbot-export';
export const VERSION = 1;

/** Row counts per table and a sha256 over the canonical form of every row, in order. */
export interface TransferSummary {
  counts: Record<string, number>;
  checksum: string;
}

interface Header {
  format: typeof FORMAT;
  version: number;
  from: Store['kind'];
  exportedAt: string;
}

interface RowLine {
  table: string;
  row: Row;
}

interface Trailer {
  end: true;
  counts: Record<string, number>;
  checksum: string;
}

/** The raw tables behind a store opened by this project's openStore. */
export function tableAccess(store: Store): TableAccess {
  const raw = store as Store & { db?: Database.Database; pool?: Pool };
  if (store.kind === 'sqlite' && raw.db) return sqliteAccess(raw.db);
  if (store.kind === 'postgres' && raw.pool) return postgresAccess(raw.pool);
  throw new Error(`cannot read the tables of this ${store.kind} store`);
}

/** Canonical serialization: table name, then the values in the spec's column order. */
class Checksum {
  private readonly hash: Hash = createHash('sha256');
  readonly counts: Record<string, number> = Object.fromEntries(TABLES.map((t) => [t.name, 0]));

  add(table: TableSpec, row: Row): void {
    this.hash.update(`${table.name}\t${JSON.stringify(table.columns.map((c) => row[c] ?? null))}\n`);
    this.counts[table.name]! += 1;
  }

  summary(): TransferSummary {
    return { counts: { ...this.counts }, checksum: this.hash.digest('hex') };
  }
}

/** Every row of every table as JSON lines: a header, the rows, and a trailer with counts and checksum. */
export async function* exportStore(store: Store, now: () => Date = () => new Date()): AsyncGenerator<string> {
  const access = tableAccess(store);
  const header: Header = { format: FORMAT, version: VERSION, from: store.kind, exportedAt: now().toISOString() };
  yield JSON.stringify(header);
  const sum = new Checksum();
  for (const table of TABLES) {
    for await (const batch of access.read(table)) {
      for (const row of batch) {
        const picked = Object.fromEntries(table.columns.map((c) => [c, row[c] ?? null]));
        sum.add(table, picked);
        yield JSON.stringify({ table: table.name, row: picked } satisfies RowLine);
      }
    }
  }
  const { counts, checksum } = sum.summary();
  yield JSON.stringify({ end: true, counts, checksum } satisfies Trailer);
}

/** Reads a store's tables and summarizes them the same way an export does. */
export async function summarizeStore(store: Store): Promise<TransferSummary> {
  const access = tableAccess(store);
  const sum = new Checksum();
  for (const table of TABLES) {
    for await (const batch of access.read(table)) for (const row of batch) sum.add(table, row);
  }
  return sum.summary();
}

export async function isEmptyStore(store: Store): Promise<boolean> {
  const access = tableAccess(store);
  for (const table of TABLES) if ((await access.count(table)) > 0) return false;
  return true;
}

export interface ImportOptions {
  /** Replace whatever the target holds (default: refuse a non-empty target). */
  force?: boolean;
}

const BATCH = 500;

/**
 * Loads an export into `store`, in one transaction: a file that is truncated, out of
 * order or whose checksum does not match changes nothing. Returns the summary of the
 * target as read back after the import, to compare with the export's.
 */
export async function importStore(
  store: Store,
  lines: AsyncIterable<string> | Iterable<string>,
  options: ImportOptions = {},
): Promise<TransferSummary> {
  if (!options.force && !(await isEmptyStore(store))) {
    throw new Error('the target database is not empty: import into an empty one, or pass --force to replace its contents');
  }
  const byName = new Map(TABLES.map((t, i) => [t.name, { spec: t, index: i }]));
  await tableAccess(store).transaction(async (writer) => {
    if (options.force) await writer.clear();
    const sum = new Checksum();
    let header: Header | null = null;
    let trailer: Trailer | null = null;
    let current: { spec: TableSpec; index: number } | null = null;
    let pending: Row[] = [];
    const flush = async () => {
      if (current && pending.length > 0) await writer.insert(current.spec, pending);
      pending = [];
    };
    let lineNo = 0;
    for await (const raw of lines) {
      lineNo += 1;
      if (raw.trim() === '') continue;
      if (trailer) throw new Error(`line ${lineNo}: data after the end of the export`);
      const parsed = parseLine(raw, lineNo);
      if (header === null) {
        header = asHeader(parsed, lineNo);
        continue;
      }
      if (parsed.end === true) {
        trailer = parsed as unknown as Trailer;
        continue;
      }
      const { table, row } = parsed as unknown as RowLine;
      const target = byName.get(table);
      if (!target || typeof row !== 'object' || row === null) throw new Error(`line ${lineNo}: not a row of a known table`);
      if (current !== target) {
        if (current && target.index < current.index) throw new Error(`line ${lineNo}: table ${table} comes out of order`);
        await flush();
        current = target;
      }
      const picked = Object.fromEntries(target.spec.columns.map((c) => [c, row[c] ?? null]));
      sum.add(target.spec, picked);
      pending.push(picked);
      if (pending.length >= BATCH) await flush();
    }
    await flush();
    if (header === null) throw new Error('the file is empty: not a Briefbot export');
    if (trailer === null) throw new Error('the export ends early (no closing line): was it cut short?');
    const got = sum.summary();
    if (got.checksum !== trailer.checksum) {
      throw new Error(`checksum mismatch: the file says ${trailer.checksum}, its rows give ${got.checksum}`);
    }
    await writer.finish();
  });
  return summarizeStore(store);
}

function parseLine(raw: string, lineNo: number): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new Error(`line ${lineNo}: not a JSON object`);
}

function asHeader(value: Record<string, unknown>, lineNo: number): Header {
  if (value.format !== FORMAT) throw new Error(`line ${lineNo}: not a Briefbot export (no "${FORMAT}" header)`);
  if (value.version !== VERSION) throw new Error(`line ${lineNo}: export version ${String(value.version)} is not supported (expected ${VERSION})`);
  return value as unknown as Header;
}

/** One line per table, then the checksum: what the CLI prints so people can compare. */
export function formatSummary(summary: TransferSummary): string {
  const width = Math.max(...Object.keys(summary.counts).map((k) => k.length));
  const lines = Object.entries(summary.counts).map(([table, n]) => `${table.padEnd(width)}  ${n}`);
  return `${lines.join('\n')}\nsha256 ${summary.checksum}\n`;
}
