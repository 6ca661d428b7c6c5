import { bold, defineCommand, ERROR_CODES, link, UserError, type Rich, type SearchHit } from '../src/core/index.js';
import { fitReply } from './lib/budget.js';
import { formatDay } from './lib/dates.js';
import { describeFilters, FILTER_OPTIONS, PAGE_OPTION, readFilters } from './lib/filters.js';
import { pageOf, pagingFor } from './lib/paging.js';
import { echo, plural, snippetSpans, truncate } from './lib/text.js';

const MAX_WORDS = 12;

export default defineCommand({
  name: 'search',
  summary: 'Search the stored documents, best matches first',
  cacheable: true,
  description:
    'Full-text search over every stored document, ranked, with the matching words in bold. ' +
    'Words are searched as typed: quotes, `*` or `OR` are not operators. Takes the same filters as `meetings`. ' +
    'Only you see the answer, since searches are exploratory; share a result with `meeting <id>`.',
  argument: { name: 'words', description: 'What to look for, e.g. action plan Niamey', required: true },
  options: [...FILTER_OPTIONS, PAGE_OPTION],
  examples: ['search action plan', 'search "foreign fighters" since:1y', 'search stabilization topic:sahel page:2'],
  async run(request, context) {
    // A quoted "early warning" stays one element: the store searches it as a phrase.
    const words = request.positional.map((w) => w.replace(/\s+/g, ' ').trim()).filter(Boolean).slice(0, MAX_WORDS);
    const name = context.settings.commandName;
    if (!words.length) {
      throw new UserError(ERROR_CODES.MISSING_ARGUMENT, 'What should I search for?', `For example \`/${name} search action plan since:1y\`.`);
    }
    const filters = readFilters(request.options, context);
    const size = context.settings.pageSize;
    const { page, offset } = pageOf(request, size);
    const { hits, total, capped } = await context.store.documents.search(words, filters, size, offset);
    // A capped count still offers the next page: at least one more match exists.
    const paging = pagingFor(request, page, capped ? total + 1 : total, size);
    const shown = echo(words.map((w) => (w.includes(' ') ? `"${w}"` : w)).join(' '), 60);
    const described = describeFilters(filters);
    if (total === 0) {
      return {
        blocks: [
          { type: 'text', text: `Nothing matches \`${shown}\`${described ? ` (${described})` : ''}.` },
          { type: 'context', text: 'Every word must appear; try fewer or different words.' },
        ],
        ephemeral: true,
      };
    }
    return fitReply({
      title: `Search: ${shown}`,
      blocks: [
        { type: 'list', items: hits.map(hitLine) },
        { type: 'context', text: `${matchCount(total, capped)}${described ? ` (${described})` : ''}.` },
      ],
      ephemeral: true,
      ...(paging ? { paging } : {}),
    });
  },
});

function matchCount(total: number, capped: boolean): string {
  if (capped) return `More than ${plural(total, 'document')} match`;
  return `${plural(total, 'document')} match${total === 1 ? 'es' : ''}`;
}

function hitLine(hit: SearchHit): Rich {
  const d = hit.document;
  const title = truncate(d.title || d.url || `document ${d.id}`, 120);
  const meta = [d.outlet ? truncate(d.outlet, 40) : null, d.published ? formatDay(d.published) : null].filter(Boolean).join(', ');
  return [d.url ? link(title, d.url) : bold(title), meta ? ` (${meta})` : '', ': ', ...snippetSpans(hit.snippet, 220)];
}
