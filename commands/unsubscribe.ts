import { defineCommand, ERROR_CODES, UserError } from '../src/core/index.js';
import { argTextWithout } from './lib/arg-text.js';
import { parseId, ref } from './lib/ids.js';
import { chosenSubscriber, FOR_OPTION, keyOf, requireChannelPermission, whoLabel } from './lib/subscriber.js';
import { capitalize, echo } from './lib/text.js';

export default defineCommand({
  name: 'unsubscribe',
  summary: 'Stop a subscription, by its id or its filter',
  description:
    'Removes one of your subscriptions, or with `for:channel` one of this channel\'s (needs permission to manage the channel). ' +
    'Give its id (`#3`) from `subscriptions`, or the filter exactly as it was typed. Only you see the answer.',
  argument: { name: 'filter or id', description: 'The subscription id (#3) or its filter', required: true },
  options: [FOR_OPTION],
  freeformOptions: true,
  examples: ['unsubscribe #3', 'unsubscribe topic:sahel', 'unsubscribe #7 for:channel'],
  async run(request, context) {
    const name = context.settings.commandName;
    const subscriber = chosenSubscriber(request);
    const forChannel = subscriber.kind === 'channel' ? ' for:channel' : '';
    const text = argTextWithout(request, ['for']);
    if (!text) {
      throw new UserError(ERROR_CODES.MISSING_ARGUMENT, 'Which subscription? Give its id or its filter.', `\`/${name} subscriptions${forChannel}\` lists them with ids.`);
    }
    requireChannelPermission(request, subscriber, context, 'remove subscriptions');
    const key = keyOf(subscriber);
    const mine = await context.store.subscriptions.listFor(key);
    const id = parseId(text);
    const target = id !== null ? mine.find((s) => s.id === id) : mine.find((s) => s.filter.replace(/\s+/g, ' ').trim() === text);
    if (!target) {
      const what = id !== null ? `no subscription ${ref(id)}` : `no subscription to \`${echo(text, 80)}\``;
      throw new UserError(ERROR_CODES.NOT_FOUND, `${capitalize(whoLabel(subscriber))} ha${subscriber.kind === 'channel' ? 's' : 've'} ${what}.`, `\`/${name} subscriptions${forChannel}\` lists them with ids.`);
    }
    await context.store.subscriptions.remove(target.id);
    return {
      blocks: [{ type: 'text', text: `Removed ${ref(target.id)} \`${echo(target.filter, 300)}\` from ${whoLabel(subscriber)}.` }],
      ephemeral: true,
    };
  },
});
