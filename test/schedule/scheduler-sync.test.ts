import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/index.js';
import { Scheduler } from '../../src/schedule/index.js';
import { openTempStore, type TempStore } from './fixtures.js';
import { DESK, makeEngine, OPS, schedule } from './engine-setup.js';
import { waitUntil } from '../helpers/wait-until.js';

let tmp: TempStore;
let scheduler: Scheduler | undefined;
beforeEach(async () => {
  tmp = await openTempStore();
});
afterEach(async () => {
  await scheduler?.stop();
  await tmp.cleanup();
});

describe('Scheduler picks up schedules changed by another replica', () => {
  it('installs, replaces, pauses and removes tasks to match the store', async () => {
    const { store } = tmp;
    await schedule(store, DESK);
    const { engine } = makeEngine(store);
    scheduler = new Scheduler({ store, engine, log: silentLogger, recoveryEveryMs: 50 });
    await scheduler.start();
    expect(scheduler.installed()).toEqual([`${DESK} daily-brief`]);

    // Another process writes to the same store; this scheduler was never told.
    await schedule(store, OPS, 'weekly-roundup', { cron: '0 9 * * 1' });
    await waitUntil(() => scheduler!.installed().includes(`${OPS} weekly-roundup`));

    await store.schedules.pause(DESK, 'daily-brief', 'channel archived');
    await waitUntil(() => !scheduler!.installed().includes(`${DESK} daily-brief`));

    await store.schedules.remove(OPS, 'weekly-roundup');
    await waitUntil(() => scheduler!.installed().length === 0);

    // Setting it again clears the pause: the task comes back.
    await schedule(store, DESK, 'daily-brief', { cron: '30 7 * * *' });
    await waitUntil(() => scheduler!.installed().includes(`${DESK} daily-brief`));
  });
});
