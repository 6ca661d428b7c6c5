import { bold, defineCommand, ERROR_CODES, UserError, type CommandContext, type Reply, type Request, type Rich, type Source } from '../src/core/index.js';
import { fitReply } from './lib/budget.js';
import { formatInstant } from './lib/dates.js';
import { PAGE_OPTION } from './lib/filters.js';
import { ref, requireId } from './lib/ids.js';
import { pageOf, pagingFor } from './lib/paging.js';
import { echo, plural, truncate } from './lib/text.js';

const SPAN = /^(\d{1,4})([mhd])$/i;
const MIN_EVERY = 15 * 60;
const MAX_EVERY = 7 * 86_400;
const DEFAULT_EVERY = 30 * 60;

export default defineCommand({
  name: 'sources',
  summary: 'The feeds and pages Briefbot reads, with their health',
  description:
    'Lists sources with when each was last fetched, when it last had something new, failures, and whether it was ' +
    'disabled and why. `sources add <url> [every:30m]` and `sources remove <id>` need permission to manage sources. Only you see it.',
  argument: { name: 'action', description: 'add <url> | remove <id>' },
  options: [{ name: 'every', description: 'How often to check a new source: 15m to 7d (default 30m)' }, PAGE_OPTION],
  examples: ['sources', 'sources add https://example.org/news/feed.xml every:1h', 'sources remove #3'],
  async run(request, context) {
    const [action, ...rest] = request.positional;
    if (action === undefined) {
      if (request.options.every !== undefined) throw new UserError(ERROR_CODES.BAD_OPTION, '`every:` goes with `sources add <url>`.', 'For example `sources add https://example.org/feed.xml every:1h`.');
      return list(request, context);
    }
    const verb = action.toLowerCase();
    if (verb !== 'add' && verb !== 'remove') {
      throw new UserError(ERROR_CODES.BAD_OPTION, `\`${echo(action)}\` is not something \`sources\` can do.`, 'Use `sources`, `sources add <url>` or `sources remove <id>`.');
    }
    if (!request.canManageSources) {
      throw new UserError(ERROR_CODES.FORBIDDEN, `Only people who can manage sources (workspace or server admins) may ${verb} sources; nothing was changed.`, 'Ask an admin to do it.');
    }
    if (rest.length > 1) throw new UserError(ERROR_CODES.BAD_OPTION, `\`sources ${verb}\` takes one ${verb === 'add' ? 'URL' : 'id'} at a time.`);
    return verb === 'add' ? add(rest[0], request, context) : remove(rest[0], request, context);
  },
});

function parseEvery(value: string | undefined): number {
  if (value === undefined) return DEFAULT_EVERY;
  const m = SPAN.exec(value.trim());
  const sec = m ? Number(m[1]) * { m: 60, h: 3600, d: 86_400 }[m[2]!.toLowerCase() as 'm' | 'h' | 'd'] : NaN;
  if (!(sec >= MIN_EVERY && sec <= MAX_EVERY)) {
    throw new UserError(ERROR_CODES.BAD_OPTION, `\`every:\` takes a span from 15m to 7d, not \`${echo(value)}\`.`, 'For example `every:30m`, `every:2h` or `every:1d`.');
  }
  return sec;
}

function parseUrl(text: string | undefined): URL {
  if (!text) throw new UserError(ERROR_CODES.MISSING_ARGUMENT, 'Which URL? For example `sources add https://example.org/feed.xml`.');
  let url: URL | null = null;
  try {
    // Chat clients may wrap a pasted link as `<https://...>` or `<https://...|label>`.
    url = text.length <= 2000 ? new URL(text.replace(/^<([^|>]*)(\|[^>]*)?>$/, '$1')) : null;
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw new UserError(ERROR_CODES.BAD_URL, `\`${echo(text, 60)}\` is not an http or https address.`, 'Give the full address, starting with `https://`.');
  }
  if (url.username || url.password) throw new UserError(ERROR_CODES.BAD_URL, 'Addresses with a user name or password are not accepted.', 'Give the public address of the feed or page.');
  return url;
}

async function add(text: string | undefined, request: Request, context: CommandContext): Promise<Reply> {
  const url = parseUrl(text);
  const every = parseEvery(request.options.every);
  const before = await context.store.sources.findByUrl(url.href);
  if (before) return { blocks: [{ type: 'text', text: `That source is already there as ${ref(before.id)}; nothing changed.` }], ephemeral: true };
  const kind = /(rss|atom|feed|\.xml)(\b|$)/i.test(url.pathname + url.search) ? 'feed' : 'page';
  const source = await context.store.sources.add({ kind, url: url.href, pollIntervalSec: every, addedBy: request.user.ref });
  return {
    blocks: [
      { type: 'text', text: `Added ${ref(source.id)} ${truncate(url.href, 200)} as a ${kind}, checked every ${everyWords(every)}.` },
      { type: 'context', text: 'The first fetch happens shortly; `/brief sources` shows how it went.' },
    ],
    ephemeral: true,
  };
}

async function remove(text: string | undefined, _request: Request, context: CommandContext): Promise<Reply> {
  const id = requireId(text, 'source', '`/brief sources` lists them with ids.');
  const source = await context.store.sources.get(id);
  if (!source) throw new UserError(ERROR_CODES.NOT_FOUND, `There is no source ${ref(id)}.`, `\`/${context.settings.commandName} sources\` lists them with ids.`);
  await context.store.sources.remove(id);
  return { blocks: [{ type: 'text', text: `Removed ${ref(id)} ${truncate(source.url, 200)}. Documents already read from it are kept.` }], ephemeral: true };
}

function everyWords(sec: number): string {
  if (sec % 86_400 === 0) return plural(sec / 86_400, 'day');
  if (sec % 3600 === 0) return plural(sec / 3600, 'hour');
  return plural(Math.round(sec / 60), 'minute');
}

function health(s: Source): Rich {
  const state = s.disabledAt
    ? [bold('disabled'), ` since ${formatInstant(s.disabledAt)}: ${truncate(s.disabledReason ?? 'no reason recorded', 160)}`]
    : [`fetched ${formatInstant(s.lastFetchedAt)}, new item ${formatInstant(s.lastNewItemAt)}`, s.consecutiveFailures ? `, ${plural(s.consecutiveFailures, 'failure')} in a row${s.lastError ? ` (${truncate(s.lastError, 100)})` : ''}` : ''];
  return [bold(ref(s.id)), ` ${truncate(s.title ?? s.url, 80)}${s.title ? ` <${truncate(s.url, 120)}>` : ''} · every ${everyWords(s.pollIntervalSec)} · `, ...state];
}

async function list(request: Request, context: CommandContext): Promise<Reply> {
  const all = await context.store.sources.list();
  const size = context.settings.pageSize;
  const { page, offset } = pageOf(request, size);
  const paging = pagingFor(request, page, all.length, size);
  if (!all.length) return { blocks: [{ type: 'text', text: 'No sources yet. Add one with `sources add <url>`.' }], ephemeral: true };
  const disabled = all.filter((s) => s.disabledAt).length;
  return fitReply({
    title: 'Sources',
    blocks: [
      { type: 'list', items: all.slice(offset, offset + size).map(health) },
      { type: 'context', text: `${plural(all.length, 'source')}${disabled ? `, ${disabled} disabled` : ''}.` },
    ],
    ephemeral: true,
    ...(paging ? { paging } : {}),
  });
}
