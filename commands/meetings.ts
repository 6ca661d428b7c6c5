import { defineCommand, type Block } from '../src/core/index.js';
import { fitReply } from './lib/budget.js';
import { describeFilters, FILTER_OPTIONS, PAGE_OPTION, readFilters } from './lib/filters.js';
import { meetingLine } from './lib/meeting-format.js';
import { pageOf, pagingFor } from './lib/paging.js';
import { plural } from './lib/text.js';

export default defineCommand({
  name: 'meetings',
  summary: 'Recent coalition meetings, newest first, with filters',
  cacheable: true,
  description:
    'Lists meetings newest first: dates, group, place, chairs and how many sources report each. ' +
    'Each has an id such as #42 for `meeting 42`. The answer is posted in the channel, since a list of meetings is worth sharing.',
  options: [...FILTER_OPTIONS, PAGE_OPTION],
  examples: ['meetings', 'meetings topic:sahel since:6m', 'meetings body:"Africa Focus Group" place:Niamey', 'meetings since:2023-01-01 until:2023-12-31 page:2'],
  async run(request, context) {
    const filters = readFilters(request.options, context);
    const size = context.settings.pageSize;
    const { page, offset } = pageOf(request, size);
    const { items, total } = await context.store.meetings.list({ ...filters, order: 'newest', limit: size, offset });
    const paging = pagingFor(request, page, total, size);
    const described = describeFilters(filters);
    const name = context.settings.commandName;
    if (total === 0) {
      return {
        blocks: [
          { type: 'text', text: described ? `No meetings match ${described}.` : 'No meetings are stored yet.' },
          { type: 'context', text: described ? 'Try fewer filters or a longer span, e.g. `since:1y`.' : `Sources can be added with \`/${name} sources add <url>\`.` },
        ],
        ephemeral: true,
      };
    }
    const blocks: Block[] = [
      { type: 'list', items: items.map(meetingLine) },
      { type: 'context', text: `${plural(total, 'meeting')}${described ? ` (${described})` : ''}. Details: \`/${name} meeting <id>\`.` },
    ];
    return fitReply({ title: 'Meetings', blocks, ephemeral: false, ...(paging ? { paging } : {}) });
  },
});
