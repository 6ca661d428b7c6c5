import type { IsoDate } from '../../core/index.js';

const DAY_MS = 86_400_000;

/** Day number of an ISO date (or timestamp; only the date part counts), or null when unreadable. */
export function dayNumber(date: IsoDate | null | undefined): number | null {
  if (!date) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return null;
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

/** Days between two closed intervals of day numbers; 0 when they overlap. */
export function intervalGap(a: readonly [number, number], b: readonly [number, number]): number {
  if (a[1] < b[0]) return b[0] - a[1];
  if (b[1] < a[0]) return a[0] - b[1];
  return 0;
}

/** The [start, end] interval of a meeting's dates, or null when it has no start. */
export function meetingInterval(start: IsoDate | null, end: IsoDate | null): [number, number] | null {
  const s = dayNumber(start);
  if (s === null) return null;
  const e = dayNumber(end);
  return [s, e !== null && e >= s ? e : s];
}
