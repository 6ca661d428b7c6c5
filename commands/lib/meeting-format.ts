import { bold, statusNote, type Meeting, type Rich } from '../../src/core/index.js';
import { formatRange } from './dates.js';
import { ref } from './ids.js';
import { joinWords, plural, truncate } from './text.js';

export function placeOf(m: Pick<Meeting, 'city' | 'country'>): string | null {
  const parts = [m.city, m.country].filter((p): p is string => Boolean(p));
  return parts.length ? truncate(parts.join(', '), 80) : null;
}

export function bodyOf(m: Pick<Meeting, 'body' | 'parent'>): string {
  return m.parent ? `${truncate(m.body, 80)} (${truncate(m.parent, 60)})` : truncate(m.body, 100);
}

export function chairsOf(m: Pick<Meeting, 'chairs'>, max = 4): string | null {
  if (!m.chairs.length) return null;
  const shown = m.chairs.slice(0, max).map((c) => truncate(c, 40));
  if (m.chairs.length > max) shown.push(`${m.chairs.length - max} more`);
  return joinWords(shown);
}

/** Whether a meeting is still to come: announced, or starting after today, and not called off. */
export function isUpcoming(m: Pick<Meeting, 'status' | 'start'>, now: Date): boolean {
  if (m.status === 'cancelled') return false;
  return m.status === 'announced' || (m.start !== null && m.start > now.toISOString().slice(0, 10));
}

/** One line of a meeting list: `#42 · 1–2 Mar 2023 · Africa Focus Group · Niamey, Niger · chairs · 3 sources`. */
export function meetingLine(m: Meeting): Rich {
  const rest = [`${formatRange(m.start, m.end)}${statusNote(m.status)}`, bodyOf(m), placeOf(m), chairsOf(m) ? `chaired by ${chairsOf(m)}` : null, plural(m.sources.length, 'source')];
  return [bold(ref(m.id)), ` · ${rest.filter(Boolean).join(' · ')}`];
}
