import { defineCommand, describeFilter, ERROR_CODES, parseFilter, UserError } from '../src/core/index.js';
import { argTextWithout } from './lib/arg-text.js';
import { ref } from './lib/ids.js';
import { chosenSubscriber, FOR_OPTION, keyOf, requireChannelPermission, whoLabel } from './lib/subscriber.js';
import { capitalize, echo } from './lib/text.js';

const MAX_SUBSCRIPTIONS = 50;

export default defineCommand({
  name: 'subscribe',
  summary: 'Get digests about what matches a filter',
  description:
    'Adds a filter to your digests (by direct message), or to this channel\'s with `for:channel` (needs permission to manage the channel). ' +
    'Filters combine words, "phrases", `topic:`, `body:`, `place:` and `keyword:` with AND, OR, NOT and parentheses. Only you see the answer.',
  argument: { name: 'filter', description: 'e.g. topic:sahel AND body:"Africa Focus Group"', required: true },
  options: [FOR_OPTION],
  freeformOptions: true,
  examples: ['subscribe topic:sahel', 'subscribe body:"Africa Focus Group" OR place:Niamey for:channel', 'subscribe sahel AND (financing OR "foreign fighters") NOT syria'],
  async run(request, context) {
    const name = context.settings.commandName;
    const subscriber = chosenSubscriber(request);
    const text = argTextWithout(request, ['for']);
    if (!text) {
      throw new UserError(ERROR_CODES.MISSING_ARGUMENT, 'Subscribe to what? Give a filter.', `For example \`/${name} subscribe topic:sahel\`; \`/${name} help subscribe\` explains filters.`);
    }
    requireChannelPermission(request, subscriber, context, 'add subscriptions');
    const node = parseFilter(text, { topics: context.topics });
    const key = keyOf(subscriber);
    const existing = await context.store.subscriptions.listFor(key);
    const same = existing.find((s) => s.filter.replace(/\s+/g, ' ').trim() === text);
    if (same) {
      return { blocks: [{ type: 'text', text: `${capitalize(whoLabel(subscriber))} already subscribe${subscriber.kind === 'channel' ? 's' : ''} to \`${echo(text, 200)}\` (${ref(same.id)}); nothing changed.` }], ephemeral: true };
    }
    if (existing.length >= MAX_SUBSCRIPTIONS) {
      throw new UserError(ERROR_CODES.BAD_OPTION, `${capitalize(whoLabel(subscriber))} already ha${subscriber.kind === 'channel' ? 's' : 've'} ${MAX_SUBSCRIPTIONS} subscriptions, the most allowed.`, `Remove one with \`/${name} unsubscribe <id>\`, or combine filters with OR.`);
    }
    const added = await context.store.subscriptions.add(key, text, request.user.ref);
    const schedules = await context.store.schedules.listFor(key);
    const forChannel = subscriber.kind === 'channel' ? ' for:channel' : '';
    return {
      blocks: [
        { type: 'text', text: `Subscribed ${whoLabel(subscriber)} to \`${echo(text, 300)}\` (${ref(added.id)}).` },
        { type: 'context', text: `Read as: ${echo(describeFilter(node), 400)}` },
        {
          type: 'context',
          text: schedules.length
            ? `Matches go out with the ${schedules.map((s) => s.digest).join(' and ')}. Preview: \`/${name} digest${forChannel}\`.`
            : `No digest is scheduled yet: \`/${name} schedule daily 08:00${forChannel}\`.`,
        },
      ],
      ephemeral: true,
    };
  },
});
