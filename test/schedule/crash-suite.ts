/**
 * Exactly-once under SIGKILL, run against each store: child processes deliver
 * through the same database and post to one fake chat service, which counts.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/index.js';
import { startFakeChat, type FakeChatServer } from '../helpers/recording-platform.js';
import { addDevelopment, addMeeting, ministersMeeting, niameyMeeting } from './fixtures.js';
import { schedule } from './engine-setup.js';

export interface CrashTarget {
  store: Store;
  /** What the worker passes to openStore (a `sqlite:` path or a postgres:// URL). */
  databaseUrl: string;
  cleanup(): Promise<void>;
}

const SLOT = '2026-03-02T08:00:00.000Z';
const LEASE_MS = 300;
/** Each crash point gets its own channel; `control` is never crashed. */
const CRASHES = ['after-claim', 'after-snapshot', 'after-send:0', 'between-parts:0', 'after-send:1', 'between-parts:1', 'before-finish'] as const;
const channelOf = (crash: string) => `channel:shell:${crash.replace(':', '-')}`;

export function crashSuite(name: string, open: () => Promise<CrashTarget>): void {
  let tmp: CrashTarget;
  let chat: FakeChatServer;
  let firstMeeting: number;

  const SUBSCRIBERS = () => [...CRASHES.map(channelOf), 'channel:shell:control'];

  function runWorker(env: Record<string, string>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/digest-worker.ts'], {
        cwd: process.cwd(),
        env: { ...process.env, BB_DATABASE_URL: tmp.databaseUrl, BB_CHAT_URL: chat.url, BB_SLOT: SLOT, BB_LEASE_MS: String(LEASE_MS), BB_PART_CHARS: '250', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
    });
  }

  beforeAll(async () => {
    tmp = await open();
    chat = await startFakeChat();
    const { store } = tmp;
    firstMeeting = (await addMeeting(store, niameyMeeting)).meeting.id;
    await addMeeting(store, ministersMeeting);
    await addMeeting(store, { ...niameyMeeting, title: 'Second Sahel session in Nouakchott', city: 'Nouakchott', country: 'Mauritania', start: '2026-02-28', text: 'A second session on Sahel financing met in Nouakchott. It reviewed cash couriers and informal transfers.' });
    await addDevelopment(store, { title: 'Coalition welcomes a new member', text: 'The coalition welcomed a new member state from the Sahel. It brings the total to ninety.', topics: ['sahel'], development: 'membership' });
    for (const subscriber of [...CRASHES.map(channelOf), 'channel:shell:control']) {
      await schedule(store, subscriber);
      await store.subscriptions.add(subscriber, 'sahel OR syria', 'shell:editor');
    }
  });

  afterAll(async () => {
    await chat?.close();
    await tmp?.cleanup();
  });

  describe(`exactly once across SIGKILL at every step (${name})`, () => {
    it('sends exactly one set of parts per (subscriber, slot) after a crash and a restart', async () => {
      const crashed = await Promise.all(CRASHES.map((crash) => runWorker({ BB_CRASH: crash, BB_NO_RECOVER: '1', BB_ONLY: channelOf(crash), BB_OWNER: `crasher-${crash}` })));
      crashed.forEach((result, i) => expect(result.signal, `${CRASHES[i]} ${result.stderr}`).toBe('SIGKILL'));

      await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 50));
      const recovery = await runWorker({ BB_OWNER: 'survivor' });
      expect(recovery.code, recovery.stderr).toBe(0);
      // A third run finds nothing left to do.
      const idle = await runWorker({ BB_OWNER: 'late' });
      expect(idle.code, idle.stderr).toBe(0);

      const { store } = tmp;
      const lastSeq = await store.documents.lastSeq();
      let checked = 0;
      let expectedTotal = 0;
      for (const subscriber of SUBSCRIBERS()) {
        const ref = subscriber.slice('channel:'.length);
        const received = chat.log.parts().filter((m) => m.to === ref && m.slot === SLOT);
        const slot = await store.deliveries.lastSlot(subscriber, 'daily-brief');
        expect(slot).toBe(SLOT);
        const deliveries = await store.deliveries.containing(subscriber, firstMeeting);
        expect(deliveries, subscriber).toHaveLength(1);
        const delivery = deliveries[0]!;
        expect(delivery.status).toBe('sent');
        const parts = delivery.snapshot!.parts as string[];
        expect(parts.length, 'the digest spans several parts').toBeGreaterThanOrEqual(3);
        expect(received.map((m) => m.part), subscriber).toEqual(parts.map((_, i) => i));
        expect(received.map((m) => m.text)).toEqual(parts);
        expect(Object.keys(delivery.sentParts)).toHaveLength(parts.length);
        expect(await store.deliveries.getWatermark(subscriber, 'daily-brief')).toBe(lastSeq);
        expectedTotal += parts.length;
        checked++;
      }
      expect(checked).toBe(CRASHES.length + 1);
      // Nothing went anywhere else either.
      expect(chat.log.parts()).toHaveLength(expectedTotal);
    }, 60_000);

    it('three replicas firing the same slot together send it once', async () => {
      const slot = '2026-03-03T08:00:00.000Z';
      await addMeeting(tmp.store, { ...niameyMeeting, title: 'Sahel follow-up session', text: 'The follow-up session on Sahel financing took stock of progress.', start: '2026-03-02' });
      const before = chat.log.parts().length;
      const runs = await Promise.all(['r1', 'r2', 'r3'].map((owner) => runWorker({ BB_OWNER: owner, BB_SLOT: slot, BB_LEASE_MS: '60000' })));
      for (const run of runs) expect(run.code, run.stderr).toBe(0);
      const fresh = chat.log.parts().slice(before);
      for (const subscriber of SUBSCRIBERS()) {
        const ref = subscriber.slice('channel:'.length);
        const received = fresh.filter((m) => m.to === ref);
        expect(received.length, subscriber).toBeGreaterThan(0);
        expect(received.every((m) => m.slot === slot)).toBe(true);
        expect(received.map((m) => m.part)).toEqual(received.map((_, i) => i));
        expect(received.map((m) => m.text).join('\n')).toContain('Sahel follow-up session');
      }
      expect(new Set(fresh.map((m) => m.key)).size).toBe(fresh.length);
    }, 60_000);
  });
}
