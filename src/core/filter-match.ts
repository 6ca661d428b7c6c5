import type { CompiledFilter, FilterFacets, FilterField, FilterNode, FilterTopic, PreparedFacets } from './filter-types.js';

/** Compiles filters to closures so thousands of subscribers can be matched per window. */
/** Splits into lowercase words of letters and digits. */
function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function phraseForm(text: string): string {
  return ` ${words(text).join(' ')} `;
}

export function prepareFacets(facets: FilterFacets): PreparedFacets {
  const textWords = words(facets.text);
  return {
    topics: new Set(facets.topics.map((t) => t.toLowerCase())),
    bodies: facets.bodies.map((b) => b.toLowerCase()),
    places: facets.places.map(phraseForm),
    words: new Set(textWords),
    phraseText: ` ${textWords.join(' ')} `,
  };
}

/** Compiles a parsed filter into one closure over prepared facets. */
export function compileFilter(node: FilterNode, topics?: readonly FilterTopic[]): CompiledFilter {
  switch (node.op) {
    case 'and': {
      const parts = node.children.map((c) => compileFilter(c, topics));
      return (f) => parts.every((p) => p(f));
    }
    case 'or': {
      const parts = node.children.map((c) => compileFilter(c, topics));
      return (f) => parts.some((p) => p(f));
    }
    case 'not': {
      const inner = compileFilter(node.child, topics);
      return (f) => !inner(f);
    }
    case 'term':
      return compileTerm(node.field, node.value, topics);
  }
}

/** What a term looks for, normalised the way `prepareFacets` normalises items. */
export interface TermNeedles {
  /** Topic ids it names (the value itself, spaced or hyphenated, or a label's id). */
  topicIds: string[];
  /** Lowercase substring for bodies. */
  body: string;
  /** ` word word ` for whole-word matches in places and text. */
  phrase: string;
  words: string[];
}

export function termNeedles(value: string, topics?: readonly FilterTopic[]): TermNeedles {
  const lower = value.toLowerCase();
  const ids = new Set([lower, lower.replace(/\s+/g, '-')]);
  for (const t of topics ?? []) if (t.label.toLowerCase() === lower) ids.add(t.id.toLowerCase());
  return { topicIds: [...ids], body: lower, phrase: phraseForm(value), words: words(value) };
}

function compileTerm(field: FilterField, value: string, topics?: readonly FilterTopic[]): CompiledFilter {
  const { topicIds, body, phrase, words: ws } = termNeedles(value, topics);
  // A term without letters or digits (e.g. `-`) cannot match text by whole words.
  const inText: CompiledFilter =
    ws.length === 0 ? () => false : ws.length === 1 ? (f) => f.words.has(ws[0]!) : (f) => f.phraseText.includes(phrase);
  const inTopics: CompiledFilter = (f) => topicIds.some((id) => f.topics.has(id));
  const inBodies: CompiledFilter = (f) => f.bodies.some((b) => b.includes(body));
  const inPlaces: CompiledFilter = ws.length === 0 ? () => false : (f) => f.places.some((p) => p.includes(phrase));
  switch (field) {
    case 'topic':
      return inTopics;
    case 'body':
      return inBodies;
    case 'place':
      return inPlaces;
    case 'keyword':
      return inText;
    case 'any':
      return (f) => inTopics(f) || inBodies(f) || inPlaces(f) || inText(f);
  }
}

const compiledCache = new WeakMap<FilterNode, CompiledFilter>();

/** Convenience form: compiles (once per node) and prepares the facets on each call. */
export function matchesFilter(node: FilterNode, facets: FilterFacets): boolean {
  let compiled = compiledCache.get(node);
  if (!compiled) {
    compiled = compileFilter(node);
    compiledCache.set(node, compiled);
  }
  return compiled(prepareFacets(facets));
}
