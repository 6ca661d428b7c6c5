import type { Meeting, Store } from '../../core/index.js';

const PAGE = 200;

/** One meeting in the evaluation schema's meeting fields, with its sources and cited summary. */
export function meetingJson(m: Meeting): Record<string, unknown> {
  return {
    id: m.id,
    body: m.body,
    parent: m.parent,
    kind: m.kind,
    city: m.city,
    country: m.country,
    start: m.start,
    end: m.end,
    chairs: m.chairs,
    outcomes: m.outcomes,
    primary: m.primary,
    sources: m.sources.map((s) => ({ url: s.url, title: s.title, published: s.published })),
    summary: m.summary.map((s) => ({ text: s.text, url: s.url })),
  };
}

/** Every stored meeting, oldest first, as one line of JSON each (no trailing newline); for `briefbot meetings --json`. */
export async function* meetingsToJson(store: Store): AsyncGenerator<string> {
  for (let offset = 0; ; offset += PAGE) {
    const { items } = await store.meetings.list({ limit: PAGE, offset, includeSecondary: true, order: 'oldest' });
    for (const m of items) yield JSON.stringify(meetingJson(m));
    if (items.length < PAGE) return;
  }
}
