/**
 * The facts Briefbot extracts from one document. Field names follow the shared
 * evaluation schema (snake_case where it does), so `briefbot extract --json` can
 * print an Extraction as it is.
 */

/** ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export const MEETING_KINDS = [
  'ministerial',
  'political-directors',
  'focus-group',
  'working-group',
  'plenary',
  'summit',
  'bilateral',
  'other',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/**
 * Whether the text says the meeting took place, is taking place or is planned, or that it was
 * put off to a later date or called off.
 */
export type MeetingStatus = 'held' | 'ongoing' | 'announced' | 'postponed' | 'cancelled';

const STATUS_NOTES: Record<MeetingStatus, string> = {
  held: '',
  ongoing: ' (under way)',
  announced: ' (announced)',
  postponed: ' (postponed)',
  cancelled: ' (cancelled)',
};

/** What follows a meeting's dates in lists and digests: nothing for a meeting held, else its status in brackets. */
export function statusNote(status: MeetingStatus): string {
  return STATUS_NOTES[status];
}

/** What a non-meeting document reports; meeting reports are `meeting`. */
export type DevelopmentKind = 'meeting' | 'statement' | 'designation' | 'membership' | 'announcement' | 'other';

export interface MeetingFacts {
  /** Canonical name of the group that met, e.g. "Africa Focus Group". */
  body: string;
  parent: string | null;
  kind: MeetingKind;
  city: string | null;
  country: string | null;
  start: IsoDate | null;
  end: IsoDate | null;
  /** Countries or organisations that chair, co-chair, host, lead or convene. */
  chairs: string[];
  /** Short free-text outcomes: what was adopted, agreed, welcomed, announced. */
  outcomes: string[];
  /** The document's main meeting (true) or one mentioned in passing (false). */
  primary: boolean;
  status: MeetingStatus;
}

export interface Person {
  name: string;
  role: string | null;
}

/** One sentence of a document, quoted as it stands, with its character offsets. */
export interface SummarySentence {
  text: string;
  start: number;
  end: number;
}

export interface Extraction {
  published: IsoDate | null;
  is_meeting_report: boolean;
  meetings: MeetingFacts[];
  topics: string[];
  people: Person[];
  /** What kind of development the document reports, for digests of non-meeting news. */
  development: DevelopmentKind;
  /** Two or three sentences of the document itself, in source order. */
  summary: SummarySentence[];
}

/** A document as the extractor sees it. */
export interface DocumentInput {
  text: string;
  title?: string | null;
  /** ISO date from the document's header or feed, if any. */
  published?: IsoDate | null;
  url?: string | null;
}
