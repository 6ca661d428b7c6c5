import { defineCommand, type Reply } from '../src/core/index.js';
import { fitReply } from './lib/budget.js';
import { parseDateOption } from './lib/dates.js';
import { DIGEST_OPTION, resolveDigest } from './lib/digest-kind.js';
import { chosenSubscriber, FOR_OPTION, keyOf, whoLabel } from './lib/subscriber.js';

export default defineCommand({
  name: 'digest',
  summary: 'Preview your next digest (or this channel\'s) without sending it',
  description:
    'Shows what the next digest would contain now, for you or with `for:channel` for this channel, without moving ' +
    'anything forward: the real digest still includes it all. `since:` previews from a date or span instead. Only you see it.',
  options: [{ name: 'since', description: 'Preview from this date (2023-03-01) or span (7d, 3w)' }, FOR_OPTION, DIGEST_OPTION],
  examples: ['digest', 'digest for:channel', 'digest since:7d digest:weekly-roundup'],
  async run(request, context) {
    const name = context.settings.commandName;
    const subscriber = chosenSubscriber(request);
    const schedules = await context.store.schedules.listFor(keyOf(subscriber));
    const fallback = schedules.length === 1 ? schedules[0]!.digest : 'daily-brief';
    const digest = resolveDigest(request.options.digest, fallback, context);
    const since = request.options.since === undefined ? undefined : new Date(`${parseDateOption('since', request.options.since, context.now())}T00:00:00Z`);
    const parts = await context.digests.preview(subscriber, digest, since);
    const first = parts[0];
    const forChannel = subscriber.kind === 'channel' ? ' for:channel' : '';
    if (!first) {
      const subs = await context.store.subscriptions.listFor(keyOf(subscriber));
      return {
        blocks: [
          { type: 'text', text: `Nothing new for ${whoLabel(subscriber)} in the ${digest}${since ? ` since ${since.toISOString().slice(0, 10)}` : ''}.` },
          { type: 'context', text: subs.length ? `Try \`since:7d\` to preview a longer window.` : `${whoLabel(subscriber) === 'you' ? 'You have' : 'This channel has'} no subscriptions: \`/${name} subscribe topic:sahel${forChannel}\`.` },
        ],
        ephemeral: true,
      };
    }
    const preview: Reply = {
      ...first,
      title: `Preview: ${first.title ?? digest}`,
      ephemeral: true,
      footer: [first.footer, parts.length > 1 ? `Part 1 of ${parts.length}; the digest sends them all.` : null, 'Preview only: nothing was sent or marked as read.'].filter(Boolean).join(' '),
    };
    return fitReply(preview);
  },
});
