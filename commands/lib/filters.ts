import { closest, ERROR_CODES, UserError, type CommandContext, type OptionSpec } from '../../src/core/index.js';
import { dateRange } from './dates.js';
import { echo } from './text.js';

/** The filter options `meetings` and `search` share. */
export const FILTER_OPTIONS: readonly OptionSpec[] = [
  { name: 'body', description: 'Only this group, e.g. "Africa Focus Group"', autocomplete: 'body' },
  { name: 'topic', description: 'Only this topic (see /brief topics)', autocomplete: 'topic' },
  { name: 'place', description: 'Only this city or country, e.g. Niamey', },
  { name: 'since', description: 'From this date (2023-03-01) or span back from today (7d, 3w, 6m, 1y)' },
  { name: 'until', description: 'Up to this date (2023-06-30) or span back from today' },
];

export const PAGE_OPTION: OptionSpec = { name: 'page', description: 'Which page of results', type: 'integer' };

export interface MeetingFilters {
  body?: string;
  topic?: string;
  place?: string;
  since?: string;
  until?: string;
}

/** A topic id from the taxonomy; unknown ones are an error that names the closest. */
export function resolveTopic(value: string, context: CommandContext): string {
  const wanted = value.trim().toLowerCase();
  const hit = context.topics.find((t) => t.id === wanted || t.label.toLowerCase() === wanted);
  if (hit) return hit.id;
  const near = closest(wanted, context.topics.map((t) => t.id));
  throw new UserError(
    ERROR_CODES.BAD_OPTION,
    `There is no topic \`${echo(value)}\`.`,
    near.length ? `Did you mean ${near.map((n) => `\`topic:${n}\``).join(' or ')}? See \`/${context.settings.commandName} topics\`.` : `See \`/${context.settings.commandName} topics\` for the list.`,
  );
}

/** Reads body/topic/place/since/until, validated. */
export function readFilters(options: Record<string, string>, context: CommandContext): MeetingFilters {
  const filters: MeetingFilters = { ...dateRange(options, context.now()) };
  if (options.body?.trim()) filters.body = options.body.trim();
  if (options.place?.trim()) filters.place = options.place.trim();
  if (options.topic !== undefined) filters.topic = resolveTopic(options.topic, context);
  return filters;
}

/** `topic:sahel, since 2023-01-01` for headings and empty results. */
export function describeFilters(f: MeetingFilters): string {
  const parts: string[] = [];
  if (f.body) parts.push(`body "${echo(f.body)}"`);
  if (f.topic) parts.push(`topic ${f.topic}`);
  if (f.place) parts.push(`in "${echo(f.place)}"`);
  if (f.since) parts.push(`since ${f.since}`);
  if (f.until) parts.push(`until ${f.until}`);
  return parts.join(', ');
}
