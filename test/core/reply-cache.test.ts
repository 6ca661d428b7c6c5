import { describe, expect, it } from 'vitest';
import { ReplyCache } from '../../src/core/reply-cache.js';
import type { Reply } from '../../src/core/reply.js';

const reply = (text: string): Reply => ({ blocks: [{ type: 'text', text }], ephemeral: false });

function counter() {
  let calls = 0;
  const make = async (): Promise<Reply> => {
    calls += 1;
    return reply(`answer ${calls}`);
  };
  return { make, calls: () => calls };
}

describe('ReplyCache', () => {
  it('reuses an answer for the same line at the same store sequence within the time to live', async () => {
    let now = 1_000;
    const cache = new ReplyCache({ ttlMs: 5_000, now: () => now });
    const c = counter();
    const first = await cache.answer('meetings', 7, c.make);
    now += 4_999;
    expect(await cache.answer('meetings', 7, c.make)).toBe(first);
    expect(c.calls()).toBe(1);
    now += 1;
    const later = await cache.answer('meetings', 7, c.make);
    expect(later).not.toBe(first);
    expect(c.calls()).toBe(2);
  });

  it('answers afresh once a document was added (a new sequence), and per distinct line', async () => {
    const cache = new ReplyCache({ ttlMs: 60_000 });
    const c = counter();
    const a = await cache.answer('meetings', 7, c.make);
    const b = await cache.answer('meetings', 8, c.make);
    const other = await cache.answer('meetings topic:sahel', 8, c.make);
    expect(new Set([a, b, other]).size).toBe(3);
    expect(await cache.answer('meetings', 8, c.make)).toBe(b);
    expect(c.calls()).toBe(3);
  });

  it('lets concurrent askers of one line share a single computation', async () => {
    const cache = new ReplyCache({ ttlMs: 60_000 });
    let release: (r: Reply) => void = () => {};
    let calls = 0;
    const make = () => {
      calls += 1;
      return new Promise<Reply>((resolve) => {
        release = resolve;
      });
    };
    const waiting = Array.from({ length: 20 }, () => cache.answer('search niamey', 1, make));
    release(reply('once'));
    const answers = await Promise.all(waiting);
    expect(calls).toBe(1);
    expect(new Set(answers).size).toBe(1);
  });

  it('forgets a failed computation so the next ask tries again', async () => {
    const cache = new ReplyCache({ ttlMs: 60_000 });
    await expect(cache.answer('meetings', 1, () => Promise.reject(new Error('database busy')))).rejects.toThrow('database busy');
    expect(cache.size).toBe(0);
    const c = counter();
    expect((await cache.answer('meetings', 1, c.make)).blocks[0]).toEqual({ type: 'text', text: 'answer 1' });
  });

  it('keeps at most maxEntries lines, dropping the oldest', async () => {
    const cache = new ReplyCache({ ttlMs: 60_000, maxEntries: 3 });
    const c = counter();
    for (const line of ['a', 'b', 'c', 'd']) await cache.answer(line, 1, c.make);
    expect(cache.size).toBe(3);
    await cache.answer('b', 1, c.make);
    expect(c.calls()).toBe(4);
    await cache.answer('a', 1, c.make);
    expect(c.calls()).toBe(5);
  });

  it('is off with a time to live of 0', async () => {
    expect(new ReplyCache({ ttlMs: 0 }).enabled).toBe(false);
    expect(new ReplyCache({ ttlMs: 1 }).enabled).toBe(true);
  });
});
