import { bold, cite, defineDigest, statusNote, type Block, type DigestInput, type Meeting, type Reply, type Span } from '../src/core/index.js';
import { Citations, dateRange, developmentBlocks, emptyDigest, localDate, MAX_MEETINGS, placeOf, isDevelopment } from './layout.js';

const MAX_UPCOMING = 15;

/** The week as a timeline, counts per topic, and what is announced ahead. */
export const weeklyRoundup = defineDigest({
  id: 'weekly-roundup',
  summary: 'Once a week: the meetings as a timeline, counts per topic, and meetings announced for the coming weeks.',
  defaultCron: '0 8 * * 1',
  compose(input: DigestInput): Reply | null {
    const title = `Weekly roundup to ${localDate(input.window.to, input.timezone)}`;
    const upcoming = input.upcoming.filter((m) => !input.meetings.some((x) => x.id === m.id));
    if (input.meetings.length === 0 && !input.documents.some(isDevelopment) && upcoming.length === 0) return emptyDigest(input, title);
    const citations = new Citations();
    const blocks: Block[] = [];
    if (input.meetings.length) {
      const timeline = [...input.meetings].sort((a, b) => (a.start ?? '9999').localeCompare(b.start ?? '9999') || a.id - b.id);
      blocks.push({ type: 'heading', text: 'This week' }, { type: 'list', items: timeline.slice(0, MAX_MEETINGS).map((m) => line(m, citations)) });
      if (timeline.length > MAX_MEETINGS) blocks.push({ type: 'context', text: `And ${timeline.length - MAX_MEETINGS} more; list them with /brief meetings.` });
      blocks.push({ type: 'fields', fields: topicCounts(input.meetings) });
    }
    blocks.push(...developmentBlocks(input.documents, citations));
    if (upcoming.length) {
      const ahead = [...upcoming].sort((a, b) => (a.start ?? '9999').localeCompare(b.start ?? '9999'));
      blocks.push({ type: 'heading', text: 'Coming up' }, { type: 'list', items: ahead.slice(0, MAX_UPCOMING).map((m) => line(m, citations)) });
    }
    return { title, blocks, citations: citations.list(), ephemeral: false };
  },
});

function line(m: Meeting, citations: Citations): Span[] {
  const spans: Span[] = [bold(dateRange(m.start, m.end)), `: ${m.body}, ${placeOf(m)}${statusNote(m.status)}`];
  const source = m.summary[0]?.documentId ?? m.sources[0]?.documentId;
  if (source !== undefined) spans.push(cite(citations.forMeetingSource(m, source)));
  return spans;
}

/** Meetings per topic, most first; meetings without a topic are counted apart. */
function topicCounts(meetings: readonly Meeting[]): Array<{ name: string; value: string }> {
  const counts = new Map<string, number>();
  for (const m of meetings) for (const t of m.topics.length ? m.topics : ['(no topic)']) counts.set(t, (counts.get(t) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return [{ name: 'Meetings per topic', value: sorted.map(([t, n]) => `${t}: ${n}`).join(', ') }];
}
