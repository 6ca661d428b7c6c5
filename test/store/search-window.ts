import { expect, it } from 'vitest';
import { SEARCH_COUNT_CAP, type Store } from '../../src/core/index.js';

/**
 * The ordering both stores promise past their rank window, over `total` documents that
 * all say "patrol": document 1 is the best match of all, `total - 10 + 1` the strongest
 * recent one (`Patrol report`), and only document 1 also says "boats".
 */
export function searchWindowTests(store: () => Store, total: number, rankWindow: number): void {
  it('ranks the newest matches first, then lists older ones newest first, with no page overlap', async () => {
    const seen: number[] = [];
    for (let offset = 0; offset < total; offset += 100) {
      const page = await store().documents.search(['patrol'], {}, 100, offset);
      // Counting stops at the cap or at the end of the page, whichever is further.
      const cap = Math.max(SEARCH_COUNT_CAP, offset + 100);
      expect({ total: page.total, capped: page.capped }).toEqual(cap < total ? { total: cap, capped: true } : { total, capped: false });
      seen.push(...page.hits.map((h) => h.document.id));
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    // Inside the window: relevance, so the strong recent match leads.
    expect(seen[0]).toBe(total - 10 + 1);
    const windowIds = seen.slice(0, rankWindow);
    expect(Math.min(...windowIds)).toBe(total - rankWindow + 1);
    // Past it: recency, so the oldest (strongest) match is last.
    const rest = seen.slice(rankWindow);
    expect(rest).toEqual([...rest].sort((a, b) => b - a));
    expect(rest.at(-1)).toBe(1);
    // A page straddling the boundary joins both parts in the same order.
    const straddle = await store().documents.search(['patrol'], {}, 20, rankWindow - 10);
    expect(straddle.hits.map((h) => h.document.id)).toEqual(seen.slice(rankWindow - 10, rankWindow + 10));
    expect(straddle.hits[0]!.snippet).toContain('[[patrol]]');
  });

  it('ranks everything when the matches fit in the window', async () => {
    const few = await store().documents.search(['patrol', 'boats'], {}, 5, 0);
    expect(few.total).toBe(1);
    expect(few.hits[0]!.document.id).toBe(1);
  });
}
