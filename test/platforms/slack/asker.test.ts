import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/index.js';
import { createAskerBuilder } from '../../../src/platforms/slack/asker.js';
import { redact } from '../../../src/platforms/slack/bolt-logger.js';
import { RecentKeys } from '../../../src/platforms/slack/recent-keys.js';

describe('createAskerBuilder', () => {
  it('caches users.info for ten minutes, then asks again', async () => {
    let clock = 0;
    const asked: string[] = [];
    const build = createAskerBuilder({
      adminUsers: [],
      log: silentLogger,
      now: () => clock,
      lookup: async (id) => {
        asked.push(id);
        return { isAdmin: true };
      },
    });
    const src = { team: 'T1', userId: 'U1', userName: 'ada', channelId: 'C1' };
    expect((await build(src)).canManageSources).toBe(true);
    clock = 9 * 60_000;
    await build(src);
    expect(asked).toEqual(['U1']);
    clock = 10 * 60_000 + 1;
    await build(src);
    expect(asked).toEqual(['U1', 'U1']);
  });

  it('fails closed, without caching, when users.info fails', async () => {
    let fail = true;
    const build = createAskerBuilder({
      adminUsers: [],
      log: silentLogger,
      lookup: async () => {
        if (fail) throw new Error('invalid_auth');
        return { isAdmin: true };
      },
    });
    const src = { team: 'T1', userId: 'U1', userName: 'ada', channelId: 'C1' };
    expect(await build(src)).toMatchObject({ canManageChannel: false, canManageSources: false });
    fail = false;
    expect(await build(src)).toMatchObject({ canManageChannel: true, canManageSources: true });
  });
});

describe('RecentKeys', () => {
  it('reports a repeat within the TTL and forgets it after', () => {
    let clock = 0;
    const keys = new RecentKeys(1_000, 100, () => clock);
    expect(keys.firstTime('a')).toBe(true);
    expect(keys.firstTime('a')).toBe(false);
    clock = 1_000;
    expect(keys.firstTime('a')).toBe(true);
  });

  it('stays bounded', () => {
    const keys = new RecentKeys(60_000, 3);
    for (const k of ['a', 'b', 'c', 'd']) keys.firstTime(k);
    expect(keys.firstTime('a')).toBe(true);
    expect(keys.firstTime('d')).toBe(false);
  });
});

describe('redact', () => {
  it('removes tokens, form tokens, bearer headers and given secrets', () => {
    const line = 'call failed xoxb-1-2-abc xapp-1-A-2-def token=legacy123&x=1 {"token":"xoxp-9"} Bearer abc.def signing-secret-xyz';
    const out = redact(line, ['signing-secret-xyz']);
    for (const secret of ['xoxb-1-2-abc', 'xapp-1-A-2-def', 'legacy123', 'xoxp-9', 'abc.def', 'signing-secret-xyz']) expect(out).not.toContain(secret);
    expect(out).toContain('token=[redacted]&x=1');
  });
});
