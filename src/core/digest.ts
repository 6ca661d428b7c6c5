import type { Subscriber } from './channel.js';
import type { Reply } from './reply.js';
import type { Meeting, StoredDocument } from './store/index.js';

/** What a digest may draw on: items that match the subscriber's filters. */
export interface DigestInput {
  subscriber: Subscriber;
  /** Meetings created or changed in the window, matching the subscriber's filters. */
  meetings: Meeting[];
  /** Non-meeting developments (statements, designations, ...) in the window. */
  documents: StoredDocument[];
  /** Meetings announced for the coming weeks (weekly roundup). */
  upcoming: Meeting[];
  /** The window covered: after the previous digest, up to this one's slot. */
  window: { from: Date | null; to: Date };
  timezone: string;
  /** Post a "nothing new since ..." line when empty. */
  announceEmpty: boolean;
}

export interface DigestDef {
  /** `daily-brief`, `weekly-roundup`, `alert`. */
  id: string;
  summary: string;
  /** The schedule used when a user asks for this digest without one. */
  defaultCron: string;
  /** Lays out a digest; null when there is nothing to send. */
  compose(input: DigestInput): Reply | null;
}

export function defineDigest(def: DigestDef): DigestDef {
  return def;
}
