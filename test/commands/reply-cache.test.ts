import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlainText } from '../../src/core/index.js';
import { ingestDocument } from '../../src/ingest/pipeline/index.js';
import { createTestBed, type TestBed } from '../helpers/command-context.js';
import { ROME_WIRE } from '../ingest/pipeline/stories.js';
import { ask } from './ask.js';

let cached: TestBed;
let plain: TestBed;
beforeAll(async () => {
  [cached, plain] = await Promise.all([createTestBed({ dispatcher: { replyCacheMs: 60_000, freshnessMs: 0 } }), createTestBed()]);
});
afterAll(async () => Promise.all([cached.close(), plain.close()]));

const READ_ONLY = ['meetings', 'meetings topic:sahel since:2y', `meeting 1`, 'search niamey', 'timeline Africa Focus Group', 'topics', 'help', 'help meetings'];

describe('reply cache', () => {
  it('gives the same answers as an uncached bot, and reuses them for a repeated line', async () => {
    for (const line of READ_ONLY) {
      const first = await ask(cached, line);
      const again = await cached.dispatcher.handle(line, cached.asker({ user: { ref: 'slack:T1:U2', name: 'Other' } }));
      expect(again, line).toBe(first.reply);
      expect(first.text, line).toBe((await ask(plain, line)).text);
    }
  });

  it('answers afresh once a document is stored', async () => {
    const before = await ask(cached, 'meetings');
    expect(before.text).not.toContain('2033');
    await ingestDocument(cached.store, ROME_WIRE);
    const after = await ask(cached, 'meetings');
    expect(after.reply).not.toBe(before.reply);
    expect(after.text).toContain('12 Jun 2033 · Global Coalition to Defeat ISIS · Rome, Italy');
  });

  it('never reuses answers that depend on who asks or where', async () => {
    const a = await ask(cached, 'subscriptions');
    expect(a.text).toContain('no subscriptions');
    await ask(cached, 'subscribe topic:sahel');
    const b = await ask(cached, 'subscriptions');
    expect(b.reply).not.toBe(a.reply);
    expect(b.text).toContain('topic:sahel');
  });

  it('hands out a frozen answer, so one reader cannot change what the next one gets', async () => {
    const { reply } = await ask(cached, 'topics');
    expect(() => (reply.blocks as unknown[]).push({ type: 'divider' })).toThrow(TypeError);
    expect(renderPlainText(await cached.dispatcher.handle('topics', cached.asker()))).toBe(renderPlainText(reply));
  });

  it('still answers a bad line with an error every time', async () => {
    for (let i = 0; i < 2; i += 1) {
      const { reply } = await ask(cached, 'meetings topic:underwater-basketry');
      expect(reply.error).toBeDefined();
    }
  });
});

describe('reply cache freshness', () => {
  it('notices a new document within freshnessMs, asking the store at most once per window', async () => {
    let now = 0;
    const bed = await createTestBed({ dispatcher: { replyCacheMs: 60_000, freshnessMs: 250, clock: () => now } });
    try {
      let probes = 0;
      const lastSeq = bed.store.documents.lastSeq.bind(bed.store.documents);
      bed.store.documents.lastSeq = () => {
        probes += 1;
        return lastSeq();
      };
      const before = await ask(bed, 'meetings');
      for (let i = 0; i < 20; i += 1) expect(await bed.dispatcher.handle('meetings', bed.asker())).toBe(before.reply);
      expect(probes).toBe(1);
      await ingestDocument(bed.store, ROME_WIRE);
      now += 249;
      expect(await bed.dispatcher.handle('meetings', bed.asker())).toBe(before.reply);
      now += 1;
      const after = await ask(bed, 'meetings');
      expect(after.text).toContain('12 Jun 2033 · Global Coalition to Defeat ISIS · Rome, Italy');
      expect(probes).toBe(2);
    } finally {
      await bed.close();
    }
  });

  it('answers a repeated line from the cache even when typed differently, and a bad line never', async () => {
    const bed = await createTestBed({ dispatcher: { replyCacheMs: 60_000 } });
    try {
      const a = await bed.dispatcher.handle('/brief meetings', bed.asker());
      expect(await bed.dispatcher.handle('meetings', bed.asker())).toBe(a);
      expect(await bed.dispatcher.handle('/brief   meetings  ', bed.asker())).toBe(a);
      const wrong = await bed.dispatcher.handle('meetings colour:blue', bed.asker());
      expect(wrong.error?.code).toBe('unknown-option');
    } finally {
      await bed.close();
    }
  });
});
