import { cite, defineCommand, ERROR_CODES, statusNote, UserError, type Block, type Citation, type CommandContext, type Field, type Meeting, type MeetingSource, type Reply, type Span } from '../src/core/index.js';
import { fitReply } from './lib/budget.js';
import { formatRange } from './lib/dates.js';
import { parseId, ref } from './lib/ids.js';
import { bodyOf, chairsOf, meetingLine, placeOf } from './lib/meeting-format.js';
import { echo, truncate } from './lib/text.js';

const MAX_CITATIONS = 8;
const MAX_SENTENCES = 4;
const MAX_CHOICES = 10;

export default defineCommand({
  name: 'meeting',
  summary: 'One meeting in full, with a cited summary and its sources',
  cacheable: true,
  description:
    'Shows one meeting: group, kind, place, dates (and where sources disagree), chairs, outcomes, people, ' +
    'a summary quoted from the sources with numbered citations, and the sources. Give its id (`42` or `#42`) ' +
    'or a few words; several matches are listed to choose from. Posted in the channel, to share.',
  argument: { name: 'id or words', description: 'A meeting id such as #42, or words such as "Niamey action plan"', required: true, autocomplete: 'meeting' },
  options: [],
  examples: ['meeting #42', 'meeting 42', 'meeting Niamey action plan'],
  async run(request, context) {
    const name = context.settings.commandName;
    const words = request.positional.map((w) => w.trim()).filter(Boolean);
    if (!words.length) {
      throw new UserError(ERROR_CODES.MISSING_ARGUMENT, 'Which meeting? Give its id or a few words.', `For example \`/${name} meeting #42\`; ids are shown by \`/${name} meetings\`.`);
    }
    const id = words.length === 1 ? parseId(words[0]!) : null;
    if (id !== null) {
      const meeting = await context.store.meetings.get(id);
      if (!meeting) {
        throw new UserError(ERROR_CODES.NOT_FOUND, `There is no meeting ${ref(id)}.`, `\`/${name} meetings\` lists meetings with their ids; \`/${name} meeting <words>\` searches by name or place.`);
      }
      return fitReply(meetingReply(meeting));
    }
    const found = await context.store.meetings.findByWords(words.slice(0, 12), MAX_CHOICES + 1);
    if (found.length === 0) {
      throw new UserError(ERROR_CODES.NOT_FOUND, `No meeting matches \`${echo(words.join(' '), 60)}\`.`, `Try fewer words, or \`/${name} search ${echo(words.join(' '), 40)}\` to search the documents.`);
    }
    if (found.length === 1) return fitReply(meetingReply(found[0]!));
    return choices(found, context);
  },
});

function choices(found: Meeting[], context: CommandContext): Reply {
  const more = found.length > MAX_CHOICES;
  return fitReply({
    title: 'Several meetings match',
    blocks: [
      { type: 'list', items: found.slice(0, MAX_CHOICES).map(meetingLine) },
      { type: 'context', text: `${more ? 'More match too; add words to narrow it. ' : ''}Pick one with \`/${context.settings.commandName} meeting <id>\`.` },
    ],
    ephemeral: true,
  });
}

/** Numbers the sources: those the summary cites first, so every citation has a number. */
function numberSources(m: Meeting): { cited: MeetingSource[]; numberOf: Map<number, number> } {
  const byDoc = new Map(m.sources.map((s) => [s.documentId, s]));
  const order: MeetingSource[] = [];
  const seen = new Set<number>();
  for (const s of m.summary.slice(0, MAX_SENTENCES)) {
    const src = byDoc.get(s.documentId);
    if (src && !seen.has(src.documentId)) {
      order.push(src);
      seen.add(src.documentId);
    }
  }
  for (const src of m.sources) {
    if (!seen.has(src.documentId)) {
      order.push(src);
      seen.add(src.documentId);
    }
  }
  const cited = order.slice(0, MAX_CITATIONS);
  return { cited, numberOf: new Map(cited.map((s, i) => [s.documentId, i + 1])) };
}

function citesFor(documentIds: readonly number[], numberOf: Map<number, number>): Span[] {
  const spans: Span[] = [];
  for (const id of documentIds) {
    const n = numberOf.get(id);
    if (n !== undefined) spans.push(cite(n));
  }
  return spans;
}

export function meetingReply(m: Meeting): Reply {
  const { cited, numberOf } = numberSources(m);
  const fields: Field[] = [{ name: 'Group', value: bodyOf(m) }, { name: 'Kind', value: m.kind }];
  const place = placeOf(m);
  if (place) fields.push({ name: 'Place', value: place });
  fields.push({ name: 'Dates', value: `${formatRange(m.start, m.end)}${statusNote(m.status)}` });
  const chairs = chairsOf(m, 8);
  if (chairs) fields.push({ name: m.chairs.length > 1 ? 'Chairs' : 'Chair', value: chairs });
  const blocks: Block[] = [{ type: 'fields', fields }];
  if (m.variants.length) {
    blocks.push({
      type: 'context',
      text: ['Sources disagree: ', ...m.variants.slice(0, 6).flatMap((v, i): Span[] => [`${i ? '; ' : ''}${v.field} ${truncate(v.value, 40)} `, ...citesFor(v.documentIds, numberOf)])],
    });
  }
  if (m.outcomes.length) {
    blocks.push({ type: 'heading', text: 'Outcomes' }, { type: 'list', items: m.outcomes.slice(0, 6).map((o) => truncate(o, 200)) });
  }
  if (m.people.length) {
    blocks.push({ type: 'heading', text: 'People' }, { type: 'list', items: m.people.slice(0, 8).map((p) => (p.role ? `${truncate(p.name, 60)}, ${truncate(p.role, 80)}` : truncate(p.name, 60))) });
  }
  if (m.summary.length) {
    const spans: Span[] = [];
    for (const s of m.summary.slice(0, MAX_SENTENCES)) {
      spans.push(`${spans.length ? ' ' : ''}${truncate(s.text, 350)}`, ...citesFor([s.documentId], numberOf));
    }
    blocks.push({ type: 'heading', text: 'Summary' }, { type: 'text', text: spans });
  }
  const citations: Citation[] = cited.map((s, i) => ({ n: i + 1, title: s.title || s.url || `document ${s.documentId}`, url: s.url, outlet: s.outlet, published: s.published }));
  return {
    title: `${ref(m.id)} ${truncate(m.body, 80)}, ${formatRange(m.start, m.end)}`,
    blocks,
    citations,
    ...(m.sources.length > cited.length ? { footer: `${m.sources.length - cited.length} more sources report it.` } : {}),
    ephemeral: false,
  };
}
