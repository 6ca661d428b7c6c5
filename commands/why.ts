import {
  bold, defineCommand, ERROR_CODES, matchesFilter, parseFilter, UserError,
  type CommandContext, type FilterFacets, type Meeting, type Rich, type Schedule, type Subscription,
} from '../src/core/index.js';
import { fitReply } from './lib/budget.js';
import { formatInstant } from './lib/dates.js';
import { ref, requireId } from './lib/ids.js';
import { placeOf } from './lib/meeting-format.js';
import { formatRun } from './lib/schedule-words.js';
import { hereSubscriber, keyOf, whoLabel } from './lib/subscriber.js';
import { capitalize, echo, joinWords, truncate } from './lib/text.js';

export default defineCommand({
  name: 'why',
  summary: 'Whether a meeting was or will be in the digest here, and why',
  description:
    "Explains a meeting's place in this channel's digests (yours in a direct message): which subscription matched, which digest it went out in, " +
    'or what kept it out (no filter matched, it predates the digest\'s starting point, its source is disabled, no schedule). Only you see it.',
  argument: { name: 'meeting id', description: 'The meeting id, e.g. #42', required: true, autocomplete: 'meeting' },
  options: [],
  examples: ['why #42', 'why 42'],
  async run(request, context) {
    const name = context.settings.commandName;
    const hint = `\`/${name} meetings\` lists meetings with their ids.`;
    if (request.positional.length > 1) throw new UserError(ERROR_CODES.BAD_OPTION, '`why` takes one meeting id, such as `why #42`.', hint);
    const id = requireId(request.positional[0], 'meeting', hint);
    const meeting = await context.store.meetings.get(id);
    if (!meeting) throw new UserError(ERROR_CODES.NOT_FOUND, `There is no meeting ${ref(id)}.`, hint);
    const subscriber = hereSubscriber(request);
    const key = keyOf(subscriber);
    const who = whoLabel(subscriber);
    const [subs, schedules, sent] = await Promise.all([
      context.store.subscriptions.listFor(key),
      context.store.schedules.listFor(key),
      context.store.deliveries.containing(key, id),
    ]);
    const matched = matching(subs, meeting, context);
    const lines: Rich[] = [];
    for (const s of matched.slice(0, 5)) lines.push(['Matches ', bold(ref(s.id)), ` \`${echo(s.filter, 200)}\``]);
    for (const d of sent.slice(0, 3)) lines.push(`Went out in the ${d.digest} of ${formatInstant(d.slot)}.`);
    let verdict: string;
    if (sent.length) verdict = `${ref(id)} was in ${who === 'you' ? 'your' : "this channel's"} digest.`;
    else if (!subs.length) verdict = `${capitalize(who)} ha${who === 'you' ? 've' : 's'} no subscriptions, so nothing is sent.`;
    else if (!matched.length) {
      verdict = `No subscription of ${who === 'you' ? 'yours' : "this channel's"} matches ${ref(id)}.`;
      lines.push(`It has topics ${meeting.topics.join(', ') || 'none'}; group ${truncate(meeting.body, 80)}${meeting.parent ? ` (${truncate(meeting.parent, 60)})` : ''}; place ${placeOf(meeting) ?? 'unknown'}.`);
    } else if (!schedules.length) verdict = `It matches, but no digest is scheduled for ${who}: \`/${name} schedule daily 08:00${subscriber.kind === 'channel' ? ' for:channel' : ''}\`.`;
    else verdict = await pending(meeting, key, schedules, lines, context);
    lines.push(...(await disabledSources(meeting, context)));
    return fitReply({ title: `Why: ${ref(id)} ${truncate(meeting.body, 80)}`, blocks: [{ type: 'text', text: verdict }, ...(lines.length ? [{ type: 'list' as const, items: lines }] : [])], ephemeral: true });
  },
});

export function meetingFacets(m: Meeting): FilterFacets {
  return {
    topics: m.topics,
    bodies: [m.body, ...(m.parent ? [m.parent] : [])],
    places: [m.city, m.country].filter((p): p is string => Boolean(p)),
    text: [m.body, ...m.summary.map((s) => s.text)].join(' '),
  };
}

function matching(subs: Subscription[], meeting: Meeting, context: CommandContext): Subscription[] {
  const facets = meetingFacets(meeting);
  return subs.filter((s) => {
    try {
      return matchesFilter(parseFilter(s.filter, { topics: context.topics }), facets);
    } catch {
      return false; // A filter saved before a topic was renamed; it matches nothing.
    }
  });
}

/** Matched, not yet sent: either it is waiting for the next run, or it predates the watermark. */
async function pending(meeting: Meeting, key: string, schedules: Schedule[], lines: Rich[], context: CommandContext): Promise<string> {
  let upcoming = false;
  for (const s of schedules.slice(0, 4)) {
    const watermark = await context.store.deliveries.getWatermark(key, s.digest);
    if (s.pausedAt) lines.push(`The ${s.digest} is paused: ${echo(s.pausedReason ?? 'no reason given', 150)}.`);
    else if (meeting.lastSeq <= watermark) lines.push(`The ${s.digest} had already moved past it (it was stored before the digest's starting point), so it is not sent.`);
    else {
      upcoming = true;
      let next = 'its next run';
      try {
        const run = context.scheduler.nextRuns(s.cron, s.timezone, 1, context.now())[0];
        if (run) next = formatRun(run, s.timezone);
      } catch {
        /* The time is a nicety; the answer stands without it. */
      }
      lines.push(`It will be in the next ${s.digest} (${next}, ${s.timezone}).`);
    }
  }
  return upcoming ? `${ref(meeting.id)} will be in the next digest.` : `${ref(meeting.id)} matches but will not be sent.`;
}

async function disabledSources(meeting: Meeting, context: CommandContext): Promise<Rich[]> {
  const docs = await context.store.documents.getMany(meeting.sources.slice(0, 20).map((s) => s.documentId));
  const ids = [...new Set(docs.map((d) => d.sourceId).filter((s): s is number => s !== null))];
  const out: Rich[] = [];
  const disabled = (await Promise.all(ids.map((id) => context.store.sources.get(id)))).filter((s) => s?.disabledAt);
  if (disabled.length) {
    out.push(`Its ${disabled.length === 1 ? 'source' : 'sources'} ${joinWords(disabled.map((s) => `${ref(s!.id)} (${truncate(s!.disabledReason ?? 'disabled', 80)})`))} ${disabled.length === 1 ? 'is' : 'are'} disabled, so no new reports of it arrive from there.`);
  }
  return out;
}
