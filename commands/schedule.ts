import { defineCommand, ERROR_CODES, UserError, type Block, type CommandContext, type Reply, type Request, type Schedule, type Subscriber } from '../src/core/index.js';
import { DIGEST_OPTION, resolveDigest } from './lib/digest-kind.js';
import { cronInWords, formatRun, parseDay, parseTime } from './lib/schedule-words.js';
import { chosenSubscriber, FOR_OPTION, keyOf, requireChannelPermission, whoLabel } from './lib/subscriber.js';
import { capitalize, echo } from './lib/text.js';
import { resolveTimezone } from './lib/timezone.js';

const EXAMPLES = '`schedule daily 08:00`, `schedule weekly mon 09:00`, `schedule cron "0 8 * * 1-5"` or `schedule off`';
/** Enough upcoming runs to catch a burst inside an otherwise sparse schedule. */
const RUNS_CHECKED = 30;

export default defineCommand({
  name: 'schedule',
  summary: 'When your digest (or this channel\'s) is posted',
  description:
    'Sets when a digest is sent to you by direct message, or with `for:channel` to this channel (needs permission to manage it): ' +
    '`daily 08:00`, `weekly mon 09:00`, `cron "<expression>"`, or `off`. `tz:` sets the timezone, `empty:announce` posts a line when ' +
    'there is nothing new. With no words, shows the current schedules. Only you see the answer.',
  argument: { name: 'when', description: 'daily 08:00 | weekly mon 09:00 | cron "0 8 * * 1-5" | off' },
  options: [
    { name: 'tz', description: 'IANA timezone, e.g. Africa/Casablanca or UTC', autocomplete: 'timezone' },
    DIGEST_OPTION,
    FOR_OPTION,
    { name: 'empty', description: 'announce: say so when there is nothing new; silent: post nothing', choices: ['announce', 'silent'] },
  ],
  examples: ['schedule', 'schedule daily 08:00 tz:Africa/Casablanca', 'schedule weekly mon 09:00 for:channel', 'schedule cron "0 8 * * 1-5" tz:UTC', 'schedule off digest:weekly-roundup'],
  async run(request, context) {
    const words = request.positional.map((w) => w.trim()).filter(Boolean);
    const subscriber = chosenSubscriber(request);
    if (!words.length) return showSchedules(request, context);
    const mode = words[0]!.toLowerCase();
    if (!['daily', 'weekly', 'cron', 'off'].includes(mode)) {
      throw new UserError(ERROR_CODES.BAD_SCHEDULE, `\`${echo(words[0]!)}\` is not a schedule.`, `Use ${EXAMPLES}.`);
    }
    requireChannelPermission(request, subscriber, context, 'change the digest schedule');
    const key = keyOf(subscriber);
    const existing = await context.store.schedules.listFor(key);
    if (mode === 'off') return turnOff(request, context, subscriber, existing);
    const digest = resolveDigest(request.options.digest, mode === 'weekly' ? 'weekly-roundup' : 'daily-brief', context);
    const cron = cronFor(mode, words.slice(1));
    const timezone = resolveTimezone(request.options.tz ?? context.settings.defaultTimezone);
    const problem = context.scheduler.validateCron(cron);
    if (problem) throw new UserError(ERROR_CODES.BAD_SCHEDULE, `\`${echo(cron, 60)}\` is not a valid cron expression: ${echo(problem, 200)}`, 'Five fields: minute hour day-of-month month day-of-week, e.g. `cron "0 8 * * 1-5"`.');
    // `daily`, `weekly` and a cron with one fixed minute (and second) fire at most hourly; only other crons need the gap check.
    const gapCheck = mode === 'cron' && !(atMostHourly(cron) && context.settings.scheduleMinIntervalSec <= 3600);
    const runs = upcomingRuns(cron, timezone, gapCheck ? RUNS_CHECKED : 3, context);
    if (gapCheck) checkInterval(cron, runs, context);
    const previous = existing.find((s) => s.digest === digest);
    const announceEmpty = request.options.empty ? request.options.empty.toLowerCase() === 'announce' : previous?.announceEmpty ?? false;
    await context.store.schedules.set({ subscriber: key, digest, cron, timezone, announceEmpty, setBy: request.user.ref });
    await context.scheduler.refresh(key, digest);
    const when = `${cronInWords(cron)} (${timezone})`;
    return {
      blocks: [
        { type: 'text', text: `${capitalize(whoLabel(subscriber))} will get the ${digest} ${when}.` },
        { type: 'fields', fields: [{ name: 'Next runs', value: runs.slice(0, 3).map((r) => formatRun(r, timezone)).join('; ') || 'none' }, { name: 'When empty', value: announceEmpty ? 'says there is nothing new' : 'posts nothing' }] },
      ],
      ephemeral: true,
    };
  },
});

function cronFor(mode: string, rest: string[]): string {
  if (mode === 'cron') {
    const cron = rest.join(' ').replace(/\s+/g, ' ').trim();
    if (!cron) throw new UserError(ERROR_CODES.BAD_SCHEDULE, '`cron` needs an expression.', 'For example `schedule cron "0 8 * * 1-5"` (08:00 on weekdays).');
    if (cron.length > 100) throw new UserError(ERROR_CODES.BAD_SCHEDULE, 'That cron expression is too long.', 'Five fields: minute hour day-of-month month day-of-week.');
    return cron;
  }
  const day = mode === 'weekly' ? (rest[0] === undefined ? null : parseDay(rest[0])) : null;
  if (mode === 'weekly' && day === null) {
    throw new UserError(ERROR_CODES.BAD_SCHEDULE, rest[0] ? `\`${echo(rest[0])}\` is not a day of the week.` : '`weekly` needs a day and a time.', 'For example `schedule weekly mon 09:00`.');
  }
  const timeWord = rest[mode === 'weekly' ? 1 : 0];
  const time = timeWord === undefined ? null : parseTime(timeWord);
  const extra = rest.slice(mode === 'weekly' ? 2 : 1);
  if (!time || extra.length) {
    const what = !timeWord ? `\`${mode}\` needs a time` : !time ? `\`${echo(timeWord)}\` is not a time of day` : `\`${echo(extra.join(' '))}\` is not understood here`;
    throw new UserError(ERROR_CODES.BAD_SCHEDULE, `${what}.`, mode === 'weekly' ? 'For example `schedule weekly mon 09:00` (24-hour clock).' : 'For example `schedule daily 08:00` (24-hour clock).');
  }
  return `${time.minute} ${time.hour} * * ${day ?? '*'}`;
}

function atMostHourly(cron: string): boolean {
  const f = cron.split(' ');
  const fixed = (x: string | undefined) => x !== undefined && /^\d{1,2}$/.test(x);
  return f.length === 5 ? fixed(f[0]) : f.length === 6 && fixed(f[0]) && fixed(f[1]);
}

function upcomingRuns(cron: string, timezone: string, count: number, context: CommandContext): Date[] {
  try {
    return context.scheduler.nextRuns(cron, timezone, count, context.now());
  } catch (error) {
    // validateCron accepted it, yet the scheduler cannot place it in time (e.g. a date that never comes).
    throw new UserError(ERROR_CODES.BAD_SCHEDULE, `\`${echo(cron, 60)}\` never runs: ${echo(error instanceof Error ? error.message : String(error), 160)}.`, 'Check the day and month fields.');
  }
}

function checkInterval(cron: string, runs: Date[], context: CommandContext): void {
  const min = context.settings.scheduleMinIntervalSec;
  for (let i = 1; i < runs.length; i++) {
    const gap = (runs[i]!.getTime() - runs[i - 1]!.getTime()) / 1000;
    if (gap < min) {
      throw new UserError(
        ERROR_CODES.BAD_SCHEDULE,
        `\`${echo(cron, 60)}\` would post every ${gap < 60 ? `${gap} second${gap === 1 ? "" : "s"}` : `${Math.round(gap / 60)} minutes`} at times; the most often allowed is every ${Math.round(min / 60)} minutes.`,
        'Pick fewer times, e.g. `schedule daily 08:00`.',
      );
    }
  }
}

async function turnOff(request: Request, context: CommandContext, subscriber: Subscriber, existing: Schedule[]): Promise<Reply> {
  const key = keyOf(subscriber);
  const fallback = existing.length === 1 ? existing[0]!.digest : 'daily-brief';
  const digest = resolveDigest(request.options.digest, fallback, context);
  if (!existing.some((s) => s.digest === digest)) {
    throw new UserError(ERROR_CODES.NOT_FOUND, `${capitalize(whoLabel(subscriber))} had no ${digest} schedule; nothing changed.`, `\`/${context.settings.commandName} schedule${subscriber.kind === 'channel' ? ' for:channel' : ''}\` shows the current ones.`);
  }
  await context.store.schedules.remove(key, digest);
  await context.scheduler.refresh(key, digest);
  return { blocks: [{ type: 'text', text: `The ${digest} for ${whoLabel(subscriber)} is off. Subscriptions are kept.` }], ephemeral: true };
}

async function showSchedules(request: Request, context: CommandContext): Promise<Reply> {
  const owners: Subscriber[] = [{ kind: 'user', ref: request.user.ref }];
  if (!request.isDirect) owners.push({ kind: 'channel', ref: request.channel });
  const blocks: Block[] = [];
  for (const owner of owners) {
    const list = await context.store.schedules.listFor(keyOf(owner));
    const items = list.slice(0, 10).map((s) => {
      const next = s.pausedAt ? `paused: ${echo(s.pausedReason ?? 'no reason given', 120)}` : `next ${safeNext(s, context)}`;
      return `${s.digest}: ${cronInWords(s.cron)} (${s.timezone}); ${next}`;
    });
    blocks.push({ type: 'heading', text: owner.kind === 'channel' ? 'This channel' : 'You (direct message)' });
    blocks.push(items.length ? { type: 'list', items } : { type: 'text', text: 'No schedule.' });
  }
  blocks.push({ type: 'context', text: `Change with ${EXAMPLES}; add \`for:channel\` for this channel.` });
  return { title: 'Digest schedules', blocks, ephemeral: true };
}

function safeNext(s: Schedule, context: CommandContext): string {
  try {
    const next = context.scheduler.nextRuns(s.cron, s.timezone, 1, context.now())[0];
    return next ? formatRun(next, s.timezone) : 'none';
  } catch {
    return 'unknown';
  }
}
