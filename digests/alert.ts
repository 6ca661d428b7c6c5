import { bold, cite, defineDigest, statusNote, type DigestInput, type Reply, type Span } from '../src/core/index.js';
import { Citations, dateRange, developmentBlocks, emptyDigest, hasDevelopments, isDevelopment, MAX_MEETINGS, placeOf } from './layout.js';

/**
 * Sent soon after matching developments arrive. It runs on a frequent schedule
 * and stays silent when nothing matched, so everything that arrived between two
 * runs (ten articles about one meeting) makes one message.
 */
export const alert = defineDigest({
  id: 'alert',
  summary: 'Within minutes of matching news: one short message per batch, silent when nothing matched.',
  defaultCron: '*/5 * * * *',
  compose(input: DigestInput): Reply | null {
    const count = input.meetings.length + input.documents.filter(isDevelopment).length;
    const title = `Alert: ${count} new ${count === 1 ? 'development' : 'developments'}`;
    if (!hasDevelopments(input)) return emptyDigest(input, 'Alert');
    const citations = new Citations();
    const items = input.meetings.slice(0, MAX_MEETINGS).map((m): Span[] => {
      const first = m.summary[0];
      const spans: Span[] = [bold(m.body), `: ${dateRange(m.start, m.end)}, ${placeOf(m)}${statusNote(m.status)}.`];
      if (first) spans.push(` ${first.text.trim()}`, cite(citations.forMeetingSource(m, first.documentId)));
      else if (m.sources[0]) spans.push(cite(citations.forMeetingSource(m, m.sources[0].documentId)));
      return spans;
    });
    const blocks: Reply['blocks'] = items.length ? [{ type: 'list', items }] : [];
    blocks.push(...developmentBlocks(input.documents, citations));
    return { title, blocks, citations: citations.list(), ephemeral: false };
  },
});
