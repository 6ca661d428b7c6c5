import type { Store, TopicInfo } from './core/index.js';

type Kind = 'body' | 'meeting' | 'topic' | 'timezone';
type Choice = { name: string; value: string };

const MAX_CHOICES = 25;
const clip = (text: string) => (text.length > 100 ? `${text.slice(0, 99)}…` : text);

/** Suggestions for platforms that complete option values as the user types. */
export function autocompleteFrom(store: Store, topics: readonly TopicInfo[]) {
  const zones = Intl.supportedValuesOf('timeZone');
  return async (kind: Kind, typed: string): Promise<Choice[]> => {
    const q = typed.trim().toLowerCase();
    const has = (s: string) => s.toLowerCase().includes(q);
    switch (kind) {
      case 'body':
        return (await store.meetings.bodies()).filter((b) => has(b.body)).slice(0, MAX_CHOICES).map((b) => ({ name: clip(b.body), value: clip(b.body) }));
      case 'topic':
        return topics.filter((t) => has(t.id) || has(t.label)).slice(0, MAX_CHOICES).map((t) => ({ name: clip(t.label), value: t.id }));
      case 'timezone':
        return ['UTC', ...zones].filter(has).slice(0, MAX_CHOICES).map((z) => ({ name: z, value: z }));
      case 'meeting': {
        const words = q.split(/\s+/).filter(Boolean);
        const found = words.length ? await store.meetings.findByWords(words, MAX_CHOICES) : (await store.meetings.list({ limit: MAX_CHOICES })).items;
        return found.map((m) => ({ name: clip(`#${m.id} ${m.body}${m.city ? `, ${m.city}` : ''}${m.start ? ` (${m.start})` : ''}`), value: String(m.id) }));
      }
    }
  };
}
