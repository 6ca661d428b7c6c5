import type { MeetingFacts, Store, StoredDocument } from '../../core/index.js';
import { DATE_SLACK_DAYS, PUBLICATION_WINDOW_DAYS, dayNumber, findMatch, mergeInto } from '../merge/index.js';

const DAY_MS = 86_400_000;

function shift(date: string, days: number): string {
  return new Date((dayNumber(date)! + days) * DAY_MS).toISOString().slice(0, 10);
}

/** The date window stored meetings must touch to be worth comparing with these facts. */
function candidateWindow(facts: MeetingFacts, published: string | null): [string | null, string | null] {
  if (facts.start && dayNumber(facts.start) !== null) {
    const end = facts.end && facts.end >= facts.start ? facts.end : facts.start;
    return [shift(facts.start, -DATE_SLACK_DAYS), shift(end, DATE_SLACK_DAYS)];
  }
  // Undated: a meeting reported around the publication date; its own date may precede or follow by weeks.
  if (published && dayNumber(published) !== null) {
    return [shift(published, -3 * PUBLICATION_WINDOW_DAYS), shift(published, 3 * PUBLICATION_WINDOW_DAYS)];
  }
  return [null, null];
}

/** Attaches each meeting the document reports to a stored meeting (merged) or a new one (created). */
export async function attachMeetings(store: Store, doc: StoredDocument): Promise<{ created: number; merged: number }> {
  let created = 0;
  let merged = 0;
  for (const facts of doc.extraction.meetings) {
    // A meeting mentioned in passing with neither date nor place can never be told apart from
    // another of its body: storing it would only add a new empty meeting per document.
    if (!facts.primary && !facts.start && !facts.city && !facts.country) continue;
    const [from, to] = candidateWindow(facts, doc.published);
    const candidates = await store.meetings.candidates(facts.body, from, to);
    const match = findMatch(candidates, facts, doc);
    const record = mergeInto(match, facts, doc);
    if (match) {
      await store.meetings.update(match.id, record, doc.id);
      merged++;
    } else {
      await store.meetings.create(record, doc.id);
      created++;
    }
  }
  return { created, merged };
}
