import type { CompiledFilter, DigestDef, Meeting, Reply, StoredDocument, Subscriber } from '../core/index.js';
import type { DigestWindow, WindowItem } from './window.js';

export interface Selection {
  meetings: Meeting[];
  documents: StoredDocument[];
  upcoming: Meeting[];
}

/**
 * What one subscriber gets from a shared window: items after its own watermark
 * that match ANY of its subscriptions. No subscriptions, nothing.
 */
export function select(window: DigestWindow, filters: readonly CompiledFilter[], afterSeq: number): Selection {
  const pick = <T>(items: readonly WindowItem<T>[], fresh: boolean): T[] => {
    if (filters.length === 0) return [];
    const out: T[] = [];
    for (const it of items) {
      if (fresh && it.seq <= afterSeq) continue;
      for (const f of filters) {
        if (f(it.facets)) {
          out.push(it.item);
          break;
        }
      }
    }
    return out;
  };
  return { meetings: pick(window.meetings, true), documents: pick(window.documents, true), upcoming: pick(window.upcoming, false) };
}

export interface ComposeOptions {
  subscriber: Subscriber;
  timezone: string;
  announceEmpty: boolean;
  from: Date | null;
  to: Date;
}

export function composeReply(def: DigestDef, selection: Selection, options: ComposeOptions): Reply | null {
  return def.compose({
    subscriber: options.subscriber,
    meetings: selection.meetings,
    documents: selection.documents,
    upcoming: selection.upcoming,
    window: { from: options.from, to: options.to },
    timezone: options.timezone,
    announceEmpty: options.announceEmpty,
  });
}

/** The calendar date of `at` in a timezone, `YYYY-MM-DD`. */
export function isoDateIn(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
