import type { IngestProgress, IngestSummary } from './types.js';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** One progress line, e.g. `[120/500] 98 new, 20 duplicates, 2 failed`. */
export function formatProgress(p: IngestProgress): string {
  const s = p.summary;
  return `[${p.done}/${p.total}] ${s.new} new, ${plural(s.duplicates, 'duplicate')}, ${s.failures.length} failed`;
}

/** The end-of-run summary: counts on one line, then one line per failure naming its source. */
export function formatSummary(s: IngestSummary): string {
  const lines = [
    `Read ${plural(s.read, 'item')}: ${plural(s.new, 'new document')}, ${plural(s.duplicates, 'duplicate')}; ` +
      `${plural(s.meetingsCreated, 'new meeting')}, ${plural(s.meetingsMerged, 'report')} merged into known meetings` +
      (s.failures.length > 0 ? `; ${plural(s.failures.length, 'failure')}:` : '.'),
  ];
  for (const f of s.failures) lines.push(`  - ${f.message}`);
  return lines.join('\n');
}

/**
 * A progress callback that prints at most one line per `everyMs` (long runs only:
 * nothing before `afterMs`), so short ingests stay quiet and long ones show life.
 */
export function progressPrinter(write: (line: string) => void, opts: { everyMs?: number; afterMs?: number; now?: () => number } = {}): (p: IngestProgress) => void {
  const now = opts.now ?? Date.now;
  const started = now();
  let last = -Infinity;
  return (p) => {
    const t = now();
    if (t - started < (opts.afterMs ?? 2000) || t - last < (opts.everyMs ?? 1000)) return;
    last = t;
    write(formatProgress(p));
  };
}
