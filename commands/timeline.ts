import { bold, defineCommand, ERROR_CODES, UserError, type Meeting, type Rich } from '../src/core/index.js';
import { resolveBody } from './lib/bodies.js';
import { fitReply } from './lib/budget.js';
import { formatRange } from './lib/dates.js';
import { PAGE_OPTION } from './lib/filters.js';
import { ref } from './lib/ids.js';
import { isUpcoming, placeOf } from './lib/meeting-format.js';
import { pageOf, pagingFor } from './lib/paging.js';
import { plural, truncate } from './lib/text.js';

export default defineCommand({
  name: 'timeline',
  summary: "One group's meetings in order, oldest first, upcoming ones flagged",
  cacheable: true,
  description:
    "Lists a group's meetings from the first to the latest, with place and main outcome; a meeting that is " +
    'announced or starts after today is flagged as upcoming. Posted in the channel, to share.',
  argument: { name: 'body', description: 'The group, e.g. Africa Focus Group', required: true, autocomplete: 'body' },
  options: [PAGE_OPTION],
  examples: ['timeline Africa Focus Group', 'timeline "Small Group" page:2'],
  async run(request, context) {
    const name = context.settings.commandName;
    const words = request.positional.join(' ').trim();
    if (!words) {
      throw new UserError(ERROR_CODES.MISSING_ARGUMENT, 'Which group? For example `timeline Africa Focus Group`.', `\`/${name} meetings\` shows which groups have met.`);
    }
    const body = await resolveBody(words, context);
    const size = context.settings.pageSize;
    const { page, offset } = pageOf(request, size);
    const { items, total } = await context.store.meetings.list({ body, order: 'oldest', limit: size, offset });
    const paging = pagingFor(request, page, total, size);
    const now = context.now();
    const upcoming = items.filter((m) => isUpcoming(m, now)).length;
    return fitReply({
      title: `Timeline: ${truncate(body, 80)}`,
      blocks: [
        { type: 'list', items: items.map((m) => line(m, now)), ordered: false },
        { type: 'context', text: `${plural(total, 'meeting')}, oldest first${upcoming ? `; ${upcoming} upcoming on this page` : ''}. Details: \`/${name} meeting <id>\`.` },
      ],
      ephemeral: false,
      ...(paging ? { paging } : {}),
    });
  },
});

function line(m: Meeting, now: Date): Rich {
  const place = placeOf(m);
  const outcome = m.outcomes[0] ? truncate(m.outcomes[0], 120) : null;
  return [
    ...(isUpcoming(m, now) ? [bold('Upcoming: ')] : []),
    `${formatRange(m.start, m.end)} `,
    bold(ref(m.id)),
    [place, outcome].filter(Boolean).map((p) => ` · ${p}`).join(''),
  ];
}
