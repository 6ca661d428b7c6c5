import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL, createTestBed, USER, type TestBed } from '../helpers/command-context.js';
import { ask } from './ask.js';

let bed: TestBed;
beforeEach(async () => {
  bed = await createTestBed();
});
afterEach(async () => bed.close());

describe('subscribe', () => {
  it('stores the filter as typed for the user by default', async () => {
    const { reply, text } = await ask(bed, 'subscribe sahel AND (financing OR "foreign fighters")  NOT syria');
    expect(reply.ephemeral).toBe(true);
    expect(reply.error).toBeUndefined();
    const subs = await bed.store.subscriptions.listFor(`user:${USER}`);
    expect(subs.map((s) => [s.filter, s.createdBy])).toEqual([['sahel AND (financing OR "foreign fighters") NOT syria', USER]]);
    expect(text).toContain(`Subscribed you to \`sahel AND (financing OR "foreign fighters") NOT syria\` (#${subs[0]!.id})`);
    expect(text).toContain('Read as: sahel AND (financing OR "foreign fighters") AND NOT syria');
    expect(text).toContain('No digest is scheduled yet: `/brief schedule daily 08:00`');
    expect(await bed.store.subscriptions.listFor(`channel:${CHANNEL}`)).toEqual([]);
  });

  it('subscribes the channel with for:channel, keeping topic: terms in the filter', async () => {
    await ask(bed, 'subscribe topic:sahel for:channel body:"Africa Focus Group"');
    const subs = await bed.store.subscriptions.listFor(`channel:${CHANNEL}`);
    expect(subs.map((s) => s.filter)).toEqual(['topic:sahel body:"Africa Focus Group"']);
    const again = await ask(bed, 'subscribe topic:sahel body:"Africa Focus Group" for:channel');
    expect(again.text).toContain('already subscribes');
    expect(await bed.store.subscriptions.listFor(`channel:${CHANNEL}`)).toHaveLength(1);
  });

  it('refuses for:channel without channel permission and changes nothing', async () => {
    const before = await bed.snapshot();
    const { reply, text } = await ask(bed, 'subscribe topic:sahel for:channel', { canManageChannel: false });
    expect(reply.error?.code).toBe('forbidden');
    expect(text).toContain('Only people who can manage this channel');
    expect(text).toContain('nothing was changed');
    expect(await bed.snapshot()).toBe(before);
    // The same person may still subscribe for themselves.
    expect((await ask(bed, 'subscribe topic:sahel', { canManageChannel: false })).reply.error).toBeUndefined();
  });

  it.each([
    ['subscribe', 'missing-argument'],
    ['subscribe for:channel', 'missing-argument'],
    ['subscribe topic:sahl', 'bad-filter'],
    ['subscribe sahel AND', 'bad-filter'],
    ['subscribe (sahel', 'bad-filter'],
    ['subscribe colour:red', 'bad-filter'],
    ['subscribe sahel for:everyone', 'bad-option'],
  ])('rejects %s and stores nothing', async (line, code) => {
    const before = await bed.snapshot();
    expect((await ask(bed, line)).reply.error?.code).toBe(code);
    expect(await bed.snapshot()).toBe(before);
  });
});

describe('unsubscribe and subscriptions', () => {
  it('lists, then removes by id and by filter text', async () => {
    await ask(bed, 'subscribe topic:sahel');
    await ask(bed, 'subscribe place:Niamey OR place:Rabat');
    const [a, b] = await bed.store.subscriptions.listFor(`user:${USER}`);
    const listed = await ask(bed, 'subscriptions');
    expect(listed.reply.ephemeral).toBe(true);
    expect(listed.text).toContain(`• #${a!.id} topic:sahel`);
    expect(listed.text).toContain(`• #${b!.id} place:Niamey OR place:Rabat`);
    expect((await ask(bed, `unsubscribe #${a!.id}`)).text).toContain(`Removed #${a!.id} \`topic:sahel\` from you`);
    expect((await ask(bed, 'unsubscribe place:Niamey OR place:Rabat')).reply.error).toBeUndefined();
    expect(await bed.store.subscriptions.listFor(`user:${USER}`)).toEqual([]);
    expect((await ask(bed, 'subscriptions')).text).toContain('You have no subscriptions');
  });

  it("cannot remove another subscriber's subscription, nor a channel's without permission", async () => {
    await ask(bed, 'subscribe topic:sahel for:channel');
    const [channelSub] = await bed.store.subscriptions.listFor(`channel:${CHANNEL}`);
    const before = await bed.snapshot();
    const asUser = await ask(bed, `unsubscribe #${channelSub!.id}`);
    expect(asUser.reply.error?.code).toBe('not-found');
    const forbidden = await ask(bed, `unsubscribe #${channelSub!.id} for:channel`, { canManageChannel: false });
    expect(forbidden.reply.error?.code).toBe('forbidden');
    expect(await bed.snapshot()).toBe(before);
    expect((await ask(bed, `unsubscribe #${channelSub!.id} for:channel`)).reply.error).toBeUndefined();
    expect(await bed.store.subscriptions.listFor(`channel:${CHANNEL}`)).toEqual([]);
  });

  it('pages a long list of subscriptions', async () => {
    for (let i = 0; i < 12; i++) await bed.store.subscriptions.add(`channel:${CHANNEL}`, `keyword:word${i}`, USER);
    const first = await ask(bed, 'subscriptions for:channel');
    expect(first.reply.paging).toEqual({ page: 1, pages: 2, next: 'subscriptions for:channel page:2', prev: null });
    expect((await ask(bed, 'subscriptions for:channel page:2')).text).toContain('keyword:word11');
    expect((await ask(bed, 'subscriptions for:channel page:3')).reply.error?.code).toBe('bad-option');
  });

  it('rejects an empty or unknown unsubscribe', async () => {
    expect((await ask(bed, 'unsubscribe')).reply.error?.code).toBe('missing-argument');
    expect((await ask(bed, 'unsubscribe #77')).text).toContain('You have no subscription #77');
    expect((await ask(bed, 'unsubscribe topic:nothing')).reply.error?.code).toBe('not-found');
  });
});
