/** Types of the subscription filter language (see filter-parse.ts for the syntax). */
export type FilterField = 'any' | 'topic' | 'body' | 'place' | 'keyword';

export type FilterNode =
  | { op: 'and' | 'or'; children: FilterNode[] }
  | { op: 'not'; child: FilterNode }
  | { op: 'term'; field: FilterField; value: string; quoted: boolean };

export interface FilterFacets {
  /** Topic ids. */
  topics: readonly string[];
  bodies: readonly string[];
  places: readonly string[];
  text: string;
}

export interface FilterTopic {
  id: string;
  label: string;
}

export interface ParseFilterOptions {
  /** When given, `topic:` terms must name one of these (by id or label). */
  topics?: readonly FilterTopic[];
}

/** Facets normalised once per item, so thousands of filters can test it cheaply. */
export interface PreparedFacets {
  topics: ReadonlySet<string>;
  bodies: readonly string[];
  /** Each place as ` word word ` for whole-word tests. */
  places: readonly string[];
  words: ReadonlySet<string>;
  /** The text as ` word word ... ` (lowercase, punctuation folded to spaces). */
  phraseText: string;
}

export type CompiledFilter = (facets: PreparedFacets) => boolean;
