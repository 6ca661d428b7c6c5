import { bold, defineCommand, paginate } from '../src/core/index.js';
import { fitReply } from './lib/budget.js';
import { isoDay } from './lib/dates.js';
import { PAGE_OPTION } from './lib/filters.js';
import { pageOf, pagingFor } from './lib/paging.js';
import { plural, truncate } from './lib/text.js';

const WINDOW_DAYS = 30;

export default defineCommand({
  name: 'topics',
  summary: 'The topics meetings are tagged with, and how many met lately',
  cacheable: true,
  description: `Lists every topic id (for \`topic:\` filters and subscriptions) with the number of meetings in the last ${WINDOW_DAYS} days. Only you see it.`,
  options: [PAGE_OPTION],
  examples: ['topics'],
  async run(request, context) {
    const now = context.now();
    const since = isoDay(new Date(now.getTime() - WINDOW_DAYS * 86_400_000));
    const counts = await context.store.meetings.topicCounts(since);
    const size = context.settings.pageSize;
    const { page } = pageOf(request, size);
    const { items, total } = paginate(context.topics, page, size);
    const paging = pagingFor(request, page, total, size);
    return fitReply({
      title: 'Topics',
      blocks: [
        {
          type: 'list',
          items: items.map((t) => [bold(t.id), ` ${truncate(t.label, 60)}: ${plural(counts.get(t.id) ?? 0, 'meeting')}`, t.description ? ` · ${truncate(t.description, 100)}` : '']),
        },
        { type: 'context', text: `Meetings counted since ${since}. Filter with \`/${context.settings.commandName} meetings topic:<id>\`.` },
      ],
      ephemeral: true,
      ...(paging ? { paging } : {}),
    });
  },
});
