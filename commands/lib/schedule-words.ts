import { tz } from '@date-fns/tz';
import cronstrue from 'cronstrue';
// The function's own entry: 'date-fns' itself loads all of its ~250 functions (some 10 MB).
import { format } from 'date-fns/format';

export const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const DAY_NAMES = DAYS.map((d) => `${d[0]!.toUpperCase()}${d.slice(1)}`);

const pad = (n: number): string => String(n).padStart(2, '0');

/** Day of week (0 = Sunday) from `mon`, `Monday`, `tues`; null otherwise. */
export function parseDay(word: string): number | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  const i = DAYS.findIndex((d) => d.startsWith(w));
  return i === -1 ? null : i;
}

/** `08:00` or `8:00` as hour and minute; null otherwise. */
export function parseTime(word: string): { hour: number; minute: number } | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(word);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}

/** A cron expression in words: "every day at 08:00", "every Monday at 09:00", or cronstrue's reading. */
export function cronInWords(cron: string): string {
  const f = cron.trim().split(/\s+/);
  if (f.length === 5 && /^\d+$/.test(f[0]!) && /^\d+$/.test(f[1]!) && f[2] === '*' && f[3] === '*') {
    const at = `${pad(Number(f[1]))}:${pad(Number(f[0]))}`;
    if (f[4] === '*') return `every day at ${at}`;
    if (/^[0-7]$/.test(f[4]!)) return `every ${DAY_NAMES[Number(f[4]) % 7]} at ${at}`;
  }
  try {
    const words = cronstrue.toString(cron, { use24HourTimeFormat: true, verbose: false });
    return `${words[0]!.toLowerCase()}${words.slice(1)}`;
  } catch {
    return `on cron \`${cron}\``;
  }
}

/** `Mon 2 Mar 2026, 08:00` in the schedule's timezone. */
export function formatRun(date: Date, timezone: string): string {
  return format(date, 'EEE d MMM yyyy, HH:mm', { in: tz(timezone) });
}
