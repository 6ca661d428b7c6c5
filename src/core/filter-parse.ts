import { ERROR_CODES, UserError } from './errors.js';
import type { FilterField, FilterNode, FilterTopic, ParseFilterOptions } from './filter-types.js';
import { closest } from './suggest.js';

/**
 * The subscription filter language.
 *
 *   sahel AND (financing OR "foreign fighters") NOT syria
 *
 * - Words and "quoted phrases" (straight or curly quotes).
 * - Operators are UPPERCASE only: `AND`, `OR`, `NOT`. Lowercase `and`/`or`/`not`
 *   are plain words, so a pasted headline never turns into an operator by accident.
 * - Adjacent terms are joined by an implicit AND. NOT binds tighter than AND,
 *   AND tighter than OR; parentheses group.
 * - Qualified terms: `topic:sahel`, `body:"Africa Focus Group"`, `place:niger`,
 *   `keyword:drones`. A bare term matches a topic (id or label), a body (substring),
 *   a place, or the text (whole words), all case-insensitively.
 */

const FIELDS: readonly FilterField[] = ['topic', 'body', 'place', 'keyword'];
const QUOTES = new Set(['"', '“', '”', '„']);
const MAX_FILTER_LENGTH = 500;
const HINT = 'Example: `sahel AND (financing OR "foreign fighters") NOT syria`.';

type Token =
  | { t: '(' | ')' | 'AND' | 'OR' | 'NOT'; at: number }
  | { t: 'term'; field: FilterField; value: string; quoted: boolean; at: number };

function bad(message: string, hint = HINT): UserError {
  return new UserError(ERROR_CODES.BAD_FILTER, message, hint);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const isBreak = (ch: string) => /\s/.test(ch) || ch === '(' || ch === ')';
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === '(' || ch === ')') { tokens.push({ t: ch, at: i }); i++; continue; }
    const at = i;
    let field: FilterField = 'any';
    const key = /^([a-z]+):/i.exec(text.slice(i));
    if (key && !text.startsWith('//', i + key[0].length)) {
      const name = key[1]!.toLowerCase();
      if (!(FIELDS as readonly string[]).includes(name)) {
        throw bad(`\`${key[1]}:\` is not a filter field.`, `Use ${FIELDS.map((f) => `\`${f}:\``).join(', ')}, or quote the word.`);
      }
      field = name as FilterField;
      i += key[0].length;
    }
    let value: string;
    let quoted = false;
    if (i < text.length && QUOTES.has(text[i]!)) {
      let close = i + 1;
      while (close < text.length && !QUOTES.has(text[close]!)) close++;
      if (close >= text.length) throw bad(`The quote that opens at \`${text.slice(i, i + 20)}\` is never closed.`, 'Close it with a matching `"`.');
      value = text.slice(i + 1, close).trim();
      quoted = true;
      i = close + 1;
    } else {
      const start = i;
      while (i < text.length && !isBreak(text[i]!)) i++;
      value = text.slice(start, i);
    }
    if (!quoted && field === 'any' && (value === 'AND' || value === 'OR' || value === 'NOT')) {
      tokens.push({ t: value as 'AND' | 'OR' | 'NOT', at });
      continue;
    }
    if (!value) throw bad(field === 'any' ? 'An empty phrase `""` matches nothing.' : `\`${field}:\` needs a value, e.g. \`${field}:sahel\`.`);
    tokens.push({ t: 'term', field, value, quoted, at });
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[], private readonly text: string) {}

  parse(): FilterNode {
    const node = this.or();
    const extra = this.tokens[this.pos];
    if (extra) {
      if (extra.t === ')') throw bad(`A parenthesis closes at \`${this.near(extra.at)}\` but was never opened.`);
      throw bad(`Unexpected \`${extra.t}\` at \`${this.near(extra.at)}\`.`);
    }
    return node;
  }

  private near(at: number): string {
    return this.text.slice(at, at + 20);
  }

  private or(): FilterNode {
    const children = [this.and()];
    while (this.peek()?.t === 'OR') {
      this.pos++;
      children.push(this.and('OR'));
    }
    return children.length === 1 ? children[0]! : { op: 'or', children };
  }

  private and(after?: string): FilterNode {
    const children = [this.unary(after)];
    for (;;) {
      const next = this.peek();
      if (next?.t === 'AND') {
        this.pos++;
        children.push(this.unary('AND'));
      } else if (next && (next.t === 'term' || next.t === 'NOT' || next.t === '(')) {
        children.push(this.unary());
      } else break;
    }
    return children.length === 1 ? children[0]! : { op: 'and', children };
  }

  private unary(after?: string): FilterNode {
    if (this.peek()?.t === 'NOT') {
      this.pos++;
      return { op: 'not', child: this.unary('NOT') };
    }
    return this.primary(after);
  }

  private primary(after?: string): FilterNode {
    const token = this.tokens[this.pos];
    if (!token) {
      if (after) throw bad(`\`${after}\` at the end has nothing after it.`);
      throw bad('The filter is empty.');
    }
    if (token.t === 'term') {
      this.pos++;
      return { op: 'term', field: token.field, value: token.value, quoted: token.quoted };
    }
    if (token.t === '(') {
      this.pos++;
      if (this.peek()?.t === ')') throw bad('Empty parentheses `()` match nothing.');
      const inner = this.or();
      if (this.peek()?.t !== ')') throw bad(`The parenthesis that opens at \`${this.near(token.at)}\` is never closed.`);
      this.pos++;
      return inner;
    }
    if (token.t === ')') {
      if (after) throw bad(`\`${after}\` has nothing after it before \`)\`.`);
      throw bad(`A parenthesis closes at \`${this.near(token.at)}\` without anything inside or before it.`);
    }
    const where = after ? `\`${after}\` is followed by \`${token.t}\`` : `The filter starts with \`${token.t}\``;
    throw bad(`${where}; an operator needs a word on each side.`);
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }
}

/** Parses a filter; throws a `bad-filter` UserError explaining what is wrong. */
export function parseFilter(text: string, options: ParseFilterOptions = {}): FilterNode {
  if (text.length > MAX_FILTER_LENGTH) throw bad(`That filter is ${text.length} characters long; the limit is ${MAX_FILTER_LENGTH}.`);
  const tokens = tokenize(text);
  if (tokens.length === 0) throw bad('The filter is empty.');
  const node = new Parser(tokens, text).parse();
  return options.topics ? resolveTopics(node, options.topics) : node;
}

/** Rewrites `topic:` labels to ids and rejects topics that do not exist. */
function resolveTopics(node: FilterNode, topics: readonly FilterTopic[]): FilterNode {
  switch (node.op) {
    case 'and':
    case 'or':
      return { op: node.op, children: node.children.map((c) => resolveTopics(c, topics)) };
    case 'not':
      return { op: 'not', child: resolveTopics(node.child, topics) };
    case 'term': {
      if (node.field !== 'topic') return node;
      const want = node.value.toLowerCase();
      const found = topics.find((t) => t.id.toLowerCase() === want || t.label.toLowerCase() === want);
      if (found) return { ...node, value: found.id };
      const near = closest(node.value, topics.map((t) => t.id));
      throw bad(
        `There is no topic \`${node.value}\`.`,
        near.length ? `Did you mean ${near.map((n) => `\`topic:${n}\``).join(' or ')}?` : 'List the topics with `/brief topics`.',
      );
    }
  }
}

/** The filter in canonical syntax, explicit ANDs and parentheses wherever AND and OR mix; parses back to the same tree. */
export function describeFilter(node: FilterNode): string {
  return describe(node, 0);
}

const PRECEDENCE = { or: 1, and: 2, not: 3, term: 4 } as const;

function describe(node: FilterNode, parent: number): string {
  const own = PRECEDENCE[node.op];
  let out: string;
  switch (node.op) {
    case 'and':
    case 'or':
      out = node.children.map((c) => describe(c, own)).join(node.op === 'and' ? ' AND ' : ' OR ');
      break;
    case 'not':
      out = `NOT ${describe(node.child, own)}`;
      break;
    case 'term': {
      const needsQuotes = node.quoted || /[\s()":“”„]/.test(node.value) || ['AND', 'OR', 'NOT'].includes(node.value);
      const value = needsQuotes ? `"${node.value}"` : node.value;
      out = node.field === 'any' ? value : `${node.field}:${value}`;
    }
  }
  // An AND inside an OR gets parentheses too: not needed to parse, but it reads unambiguously.
  return own < parent || (own === parent && own < 3) || (own === 2 && parent === 1) ? `(${out})` : out;
}
