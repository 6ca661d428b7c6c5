import { bold, defineCommand } from '../src/core/index.js';
import { fitReply } from './lib/budget.js';
import { ref } from './lib/ids.js';
import { PAGE_OPTION } from './lib/filters.js';
import { pageOf, pagingFor } from './lib/paging.js';
import { chosenSubscriber, FOR_OPTION, keyOf, whoLabel } from './lib/subscriber.js';
import { capitalize, echo } from './lib/text.js';

export default defineCommand({
  name: 'subscriptions',
  summary: 'Your subscriptions, or this channel\'s with for:channel',
  description: 'Lists the filters your digests (or with `for:channel`, this channel\'s) follow, with the ids `unsubscribe` takes, and the schedules. Only you see it.',
  options: [FOR_OPTION, PAGE_OPTION],
  examples: ['subscriptions', 'subscriptions for:channel'],
  async run(request, context) {
    const name = context.settings.commandName;
    const subscriber = chosenSubscriber(request);
    const key = keyOf(subscriber);
    const forChannel = subscriber.kind === 'channel' ? ' for:channel' : '';
    const all = await context.store.subscriptions.listFor(key);
    const size = context.settings.pageSize;
    const { page, offset } = pageOf(request, size);
    const paging = pagingFor(request, page, all.length, size);
    if (!all.length) {
      return { blocks: [{ type: 'text', text: `${capitalize(whoLabel(subscriber))} ha${subscriber.kind === 'channel' ? 's' : 've'} no subscriptions. Add one with \`/${name} subscribe topic:sahel${forChannel}\`.` }], ephemeral: true };
    }
    const schedules = await context.store.schedules.listFor(key);
    return fitReply({
      title: subscriber.kind === 'channel' ? "This channel's subscriptions" : 'Your subscriptions',
      blocks: [
        { type: 'list', items: all.slice(offset, offset + size).map((s) => [bold(ref(s.id)), ` ${echo(s.filter, 300)}`]) },
        {
          type: 'context',
          text: schedules.length
            ? `Delivered by: ${schedules.map((s) => `${s.digest}${s.pausedAt ? ' (paused)' : ''}`).join(', ')}. Remove one with \`/${name} unsubscribe <id>${forChannel}\`.`
            : `No digest is scheduled: \`/${name} schedule daily 08:00${forChannel}\`.`,
        },
      ],
      ephemeral: true,
      ...(paging ? { paging } : {}),
    });
  },
});
