import { ERROR_CODES, UserError, type IsoDate } from '../../src/core/index.js';
import { echo } from './text.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const SPAN = /^(\d{1,4})\s*([dwmy])$/i;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The UTC calendar date of an instant. */
export function isoDay(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** A real calendar date as `YYYY-MM-DD`, or null (`2023-02-30` is null). */
export function realDate(text: string): IsoDate | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return text;
}

/**
 * Reads a `since:`/`until:` value: a date (`2023-03-01`) or a span back from now
 * (`7d`, `3w`, `6m`, `1y`). Spans always count back: `until:1y` is a year ago.
 */
export function parseDateOption(name: string, value: string, now: Date): IsoDate {
  const span = SPAN.exec(value.trim());
  if (span) {
    const n = Number(span[1]);
    const unit = span[2]!.toLowerCase();
    const d = new Date(now.getTime());
    if (unit === 'd') d.setUTCDate(d.getUTCDate() - n);
    else if (unit === 'w') d.setUTCDate(d.getUTCDate() - 7 * n);
    else if (unit === 'm') d.setUTCMonth(d.getUTCMonth() - n);
    else d.setUTCFullYear(d.getUTCFullYear() - n);
    if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1900) {
      throw new UserError(ERROR_CODES.BAD_DATE, `\`${name}:${echo(value)}\` reaches too far back.`, 'Use a date after 1900, e.g. `since:2020-01-01`.');
    }
    return isoDay(d);
  }
  const date = realDate(value.trim());
  if (date) return date;
  const looksLikeDate = ISO.test(value.trim());
  throw new UserError(
    ERROR_CODES.BAD_DATE,
    looksLikeDate ? `\`${echo(value)}\` is not a real date.` : `\`${name}:\` takes a date or a span, not \`${echo(value)}\`.`,
    `For example \`${name}:2023-03-01\`, or \`${name}:7d\`, \`3w\`, \`6m\`, \`1y\` (counted back from today).`,
  );
}

/** Reads both bounds and checks they are in order. */
export function dateRange(options: Record<string, string>, now: Date): { since?: IsoDate; until?: IsoDate } {
  const since = options.since === undefined ? undefined : parseDateOption('since', options.since, now);
  const until = options.until === undefined ? undefined : parseDateOption('until', options.until, now);
  if (since && until && since > until) {
    throw new UserError(ERROR_CODES.BAD_DATE, `\`since:\` (${since}) is after \`until:\` (${until}).`, 'Swap them, or leave one out.');
  }
  return { ...(since ? { since } : {}), ...(until ? { until } : {}) };
}

function parts(iso: IsoDate): { y: string; m: string; d: number } | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  return { y: m[1]!, m: MONTHS[Number(m[2]) - 1] ?? m[2]!, d: Number(m[3]) };
}

/** `1 Mar 2023`. */
export function formatDay(iso: IsoDate | null): string {
  const p = iso ? parts(iso) : null;
  return p ? `${p.d} ${p.m} ${p.y}` : iso ?? 'date unknown';
}

/** `1–2 Mar 2023`, `28 Feb – 2 Mar 2023`, `30 Dec 2022 – 2 Jan 2023`. */
export function formatRange(start: IsoDate | null, end: IsoDate | null): string {
  if (!start) return end ? `until ${formatDay(end)}` : 'date unknown';
  if (!end || end === start) return formatDay(start);
  const a = parts(start);
  const b = parts(end);
  if (!a || !b) return `${start} – ${end}`;
  if (a.y !== b.y) return `${formatDay(start)} – ${formatDay(end)}`;
  if (a.m !== b.m) return `${a.d} ${a.m} – ${b.d} ${b.m} ${b.y}`;
  return `${a.d}–${b.d} ${b.m} ${b.y}`;
}

/** `2026-03-02 08:00 UTC` for stored ISO timestamps. */
export function formatInstant(iso: string | null): string {
  if (!iso) return 'never';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
