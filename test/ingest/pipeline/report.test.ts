import { describe, expect, it } from 'vitest';
import { formatProgress, formatSummary, progressPrinter, type IngestProgress, type IngestSummary } from '../../../src/ingest/pipeline/index.js';

const summary: IngestSummary = {
  read: 5,
  new: 3,
  duplicates: 1,
  meetingsCreated: 2,
  meetingsMerged: 1,
  failures: [{ source: '/in/empty.txt', message: '/in/empty.txt is empty; nothing to ingest.' }],
};
const progress = (done: number): IngestProgress => ({ done, total: 10, source: 'x', summary });

describe('ingest report', () => {
  it('formats a progress line and a summary that names each failed source', () => {
    expect(formatProgress(progress(5))).toBe('[5/10] 3 new, 1 duplicate, 1 failed');
    expect(formatSummary(summary)).toBe(
      'Read 5 items: 3 new documents, 1 duplicate; 2 new meetings, 1 report merged into known meetings; 1 failure:\n  - /in/empty.txt is empty; nothing to ingest.',
    );
    expect(formatSummary({ ...summary, failures: [] })).toMatch(/known meetings\.$/);
  });

  it('prints progress only on long runs, at most once per interval', () => {
    let clock = 0;
    const lines: string[] = [];
    const print = progressPrinter((l) => lines.push(l), { afterMs: 2000, everyMs: 1000, now: () => clock });
    print(progress(1));
    clock = 1500;
    print(progress(2));
    expect(lines).toEqual([]);
    clock = 2100;
    print(progress(3));
    clock = 2500;
    print(progress(4));
    clock = 3200;
    print(progress(5));
    expect(lines).toEqual(['[3/10] 3 new, 1 duplicate, 1 failed', '[5/10] 3 new, 1 duplicate, 1 failed']);
  });
});
