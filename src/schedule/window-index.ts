import { termNeedles, type FilterNode, type FilterTopic, type PreparedFacets } from '../core/index.js';

/**
 * An inverted index over a window's items, so a filter is evaluated as a few set
 * operations instead of once per item. With thousands of subscribers, each with
 * its own filters, a term costs a map lookup; results per term are shared by
 * every filter that uses it. Semantics match `compileFilter` exactly (tested).
 */
export class WindowIndex {
  private readonly words = new Map<string, number[]>();
  private readonly topics = new Map<string, number[]>();
  private readonly bodies = new Map<string, number[]>();
  private readonly places = new Map<string, number[]>();
  private readonly terms = new Map<string, Uint8Array>();
  /** Each item's phrase text, to confirm phrases; the rest of its facets is not kept. */
  private readonly phrases: string[];

  constructor(
    items: readonly PreparedFacets[],
    private readonly topicList?: readonly FilterTopic[],
  ) {
    this.phrases = items.map((f) => f.phraseText);
    items.forEach((f, i) => {
      for (const w of f.words) add(this.words, w, i);
      for (const t of f.topics) add(this.topics, t, i);
      for (const b of new Set(f.bodies)) add(this.bodies, b, i);
      for (const p of new Set(f.places)) add(this.places, p, i);
    });
  }

  get size(): number {
    return this.phrases.length;
  }

  /** One byte per item: 1 when the item matches. */
  evaluate(node: FilterNode): Uint8Array {
    switch (node.op) {
      case 'and':
      case 'or': {
        const out = Uint8Array.from(this.evaluate(node.children[0]!));
        for (const child of node.children.slice(1)) {
          const other = this.evaluate(child);
          if (node.op === 'and') for (let i = 0; i < out.length; i++) out[i]! &= other[i]!;
          else for (let i = 0; i < out.length; i++) out[i]! |= other[i]!;
        }
        return out;
      }
      case 'not': {
        const inner = this.evaluate(node.child);
        return inner.map((v) => (v ? 0 : 1));
      }
      case 'term':
        return this.term(node.field, node.value);
    }
  }

  private term(field: string, value: string): Uint8Array {
    const key = `${field}\u0000${value}`;
    let set = this.terms.get(key);
    if (set) return set;
    set = new Uint8Array(this.phrases.length);
    const needles = termNeedles(value, this.topicList);
    const mark = (ids: readonly number[] | undefined) => ids?.forEach((i) => (set![i] = 1));
    if (field === 'topic' || field === 'any') for (const id of needles.topicIds) mark(this.topics.get(id));
    if (field === 'body' || field === 'any') for (const [body, ids] of this.bodies) if (body.includes(needles.body)) mark(ids);
    if ((field === 'place' || field === 'any') && needles.words.length) for (const [place, ids] of this.places) if (place.includes(needles.phrase)) mark(ids);
    if ((field === 'keyword' || field === 'any') && needles.words.length) this.markText(needles.words, needles.phrase, set);
    this.terms.set(key, set);
    return set;
  }

  private markText(words: readonly string[], phrase: string, set: Uint8Array): void {
    if (words.length === 1) {
      for (const i of this.words.get(words[0]!) ?? []) set[i] = 1;
      return;
    }
    // A phrase: candidates from its rarest word, confirmed on the text itself.
    let rarest: number[] = [];
    for (const [n, w] of words.entries()) {
      const postings = this.words.get(w) ?? [];
      if (n === 0 || postings.length < rarest.length) rarest = postings;
    }
    for (const i of rarest) if (this.phrases[i]!.includes(phrase)) set[i] = 1;
  }
}

function add(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}
