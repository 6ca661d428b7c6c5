import { createTask, validateDetailed } from 'node-cron';

/**
 * Slot arithmetic that agrees with node-cron's own timer: both use the same
 * matcher (node-cron walks wall-clock time with Intl, so DST gaps skip a daily
 * slot and an ambiguous time fires once, on its first occurrence).
 */
interface Matcher {
  getNextMatch(date: Date): Date;
}

const matchers = new Map<string, Matcher>();

/** node-cron does not export its matcher; a stopped task carries one. */
function matcherFor(cron: string, timezone: string): Matcher {
  const key = `${timezone}\u0000${cron}`;
  let matcher = matchers.get(key);
  if (!matcher) {
    const badZone = validateTimezone(timezone);
    // node-cron accepts any zone name at creation and fails later, deep in a timer.
    if (badZone) throw new RangeError(badZone);
    const task = createTask(cron, () => undefined, { timezone }) as unknown as { timeMatcher?: Matcher; destroy(): void };
    const found = task.timeMatcher;
    void task.destroy();
    if (typeof found?.getNextMatch !== 'function') throw new Error('node-cron no longer exposes its time matcher; check the pinned version (4.6.0).');
    matcher = found;
    if (matchers.size > 1000) matchers.clear();
    matchers.set(key, matcher);
  }
  return matcher;
}

/** Null when valid, else a short explanation. */
export function validateCron(cron: string): string | null {
  const result = validateDetailed(cron);
  if (result.valid) return null;
  return result.errors.map((e) => `${e.field}${e.value === undefined ? '' : ` \`${e.value}\``}: ${e.message}`).join('; ') || 'invalid cron expression';
}

export function validateTimezone(timezone: string): string | null {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return null;
  } catch {
    return `unknown time zone \`${timezone}\``;
  }
}

/** The next `count` slots strictly after `from`. */
export function nextRuns(cron: string, timezone: string, count: number, from: Date = new Date()): Date[] {
  const matcher = matcherFor(cron, timezone);
  const runs: Date[] = [];
  let at = from;
  for (let i = 0; i < count; i++) {
    at = matcher.getNextMatch(at);
    runs.push(at);
  }
  return runs;
}

/** The shortest gap between consecutive runs over the next `sample` runs, in seconds. */
export function minIntervalSec(cron: string, timezone: string, from: Date = new Date(), sample = 60): number {
  const runs = nextRuns(cron, timezone, sample + 1, from);
  let min = Infinity;
  for (let i = 1; i < runs.length; i++) min = Math.min(min, (runs[i]!.getTime() - runs[i - 1]!.getTime()) / 1000);
  return min;
}

/**
 * The latest slot in (after, upto] no older than `upto - graceMs`, and whether
 * older slots in (after, upto] were skipped. Probes back in doubling windows, so
 * a per-second schedule after a long outage costs a few matcher calls, not one per slot.
 */
export function latestSlot(cron: string, timezone: string, after: Date, upto: Date, graceMs: number): { slot: Date | null; droppedOlder: boolean } {
  const matcher = matcherFor(cron, timezone);
  const floor = Math.max(after.getTime(), upto.getTime() - graceMs);
  let found: Date | null = null;
  for (let w = 2000; ; w *= 2) {
    const start = Math.max(floor, upto.getTime() - w);
    const first = matcher.getNextMatch(new Date(start));
    if (first.getTime() <= upto.getTime()) {
      found = first;
      for (let next = matcher.getNextMatch(found); next.getTime() <= upto.getTime(); next = matcher.getNextMatch(found)) found = next;
      break;
    }
    if (start === floor) break;
  }
  const firstAfter = matcher.getNextMatch(after);
  const droppedOlder = firstAfter.getTime() <= upto.getTime() && (found === null || firstAfter.getTime() < found.getTime());
  return { slot: found, droppedOlder };
}
