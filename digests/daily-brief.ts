import { bold, defineDigest, statusNote, type Block, type DigestInput, type Meeting, type Reply } from '../src/core/index.js';
import { Citations, dateRange, developmentBlocks, emptyDigest, hasDevelopments, localDate, MAX_MEETINGS, meetingSummary, placeOf, sourceLinks } from './layout.js';

/** New developments since the last digest, grouped by the body that met. */
export const dailyBrief = defineDigest({
  id: 'daily-brief',
  summary: 'Every morning: new and changed meetings grouped by body, plus other developments, each with cited sources.',
  defaultCron: '0 8 * * *',
  compose(input: DigestInput): Reply | null {
    const title = `Daily brief, ${localDate(input.window.to, input.timezone)}`;
    if (!hasDevelopments(input)) return emptyDigest(input, title);
    const citations = new Citations();
    const blocks: Block[] = [];
    for (const [body, meetings] of byBody(input.meetings.slice(0, MAX_MEETINGS))) {
      blocks.push({ type: 'heading', text: body });
      for (const meeting of meetings) blocks.push(...meetingBlocks(meeting, citations));
    }
    if (input.meetings.length > MAX_MEETINGS) {
      blocks.push({ type: 'context', text: `And ${input.meetings.length - MAX_MEETINGS} more meetings; list them with /brief meetings.` });
    }
    blocks.push(...developmentBlocks(input.documents, citations));
    return { title, blocks, citations: citations.list(), ephemeral: false };
  },
});

function byBody(meetings: readonly Meeting[]): Map<string, Meeting[]> {
  const groups = new Map<string, Meeting[]>();
  const sorted = [...meetings].sort((a, b) => a.body.localeCompare(b.body) || (a.start ?? '').localeCompare(b.start ?? '') || a.id - b.id);
  for (const m of sorted) groups.set(m.body, [...(groups.get(m.body) ?? []), m]);
  return groups;
}

function meetingBlocks(meeting: Meeting, citations: Citations): Block[] {
  const blocks: Block[] = [{ type: 'text', text: [bold(`${dateRange(meeting.start, meeting.end)}, ${placeOf(meeting)}`), statusNote(meeting.status)] }];
  if (meeting.chairs.length) blocks.push({ type: 'context', text: `Chaired by ${meeting.chairs.join(', ')}` });
  const summary = meetingSummary(meeting, citations);
  if (summary.length) blocks.push({ type: 'text', text: summary });
  if (meeting.sources.length) blocks.push({ type: 'context', text: sourceLinks(meeting) });
  return blocks;
}
