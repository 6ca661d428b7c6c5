import type { DigestDef, FilterNode, Meeting, Reply, StoredDocument, Subscriber } from '../core/index.js';
import type { DigestWindow, WindowItem } from './window.js';

export interface Selection {
  meetings: Meeting[];
  documents: StoredDocument[];
  upcoming: Meeting[];
}

/**
 * What one subscriber gets from a shared window: items after its own watermark
 * that match ANY of its subscriptions. No subscriptions, nothing. Each distinct
 * filter is evaluated once per window; subscribers sharing a filter (or sharing
 * one filter among several) reuse its result.
 */
export function select(window: DigestWindow, filters: readonly FilterNode[], afterSeq: number): Selection {
  const sets = filters.map((f) => matchSet(window, f));
  // One byte per item for the union of the filters: a window of 100,000 items is then
  // walked reading a byte each, and only matching items (their seq) are touched.
  const any = sets.length === 1 ? sets[0]! : new Uint8Array(window.index.size);
  if (sets.length > 1) for (const set of sets) for (let i = 0; i < any.length; i++) any[i]! |= set[i]!;
  const pick = <T>(items: readonly WindowItem<T>[], offset: number, fresh: boolean): T[] => {
    const out: T[] = [];
    if (sets.length === 0) return out;
    for (let i = 0; i < items.length; i++) {
      if (!any[offset + i]) continue;
      const it = items[i]!;
      if (fresh && it.seq <= afterSeq) continue;
      out.push(it.item);
    }
    return out;
  };
  const docsAt = window.meetings.length;
  const upcomingAt = docsAt + window.documents.length;
  return { meetings: pick(window.meetings, 0, true), documents: pick(window.documents, docsAt, true), upcoming: pick(window.upcoming, upcomingAt, false) };
}

function matchSet(window: DigestWindow, filter: FilterNode): Uint8Array {
  let set = window.matches.get(filter);
  if (!set) {
    set = window.index.evaluate(filter);
    window.matches.set(filter, set);
  }
  return set;
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
