/**
 * The neutral reply every command and digest produces. Platforms render it into
 * Block Kit, embeds or terminal text, each within its own budget. All strings are
 * plain text: renderers escape them, so ingested text can never form a mention.
 */

/** A run of inline content: plain text, a link, or a citation marker `[n]`. */
export type Span =
  | string
  | { text: string; url: string }
  | { text: string; bold: true }
  | { cite: number };

/** Inline content: one span or several in a row. */
export type Rich = Span | readonly Span[];

export interface Field {
  name: string;
  value: Rich;
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'text'; text: Rich }
  | { type: 'fields'; fields: Field[] }
  | { type: 'list'; items: Rich[]; ordered?: boolean }
  | { type: 'context'; text: Rich }
  | { type: 'divider' };

/** A numbered source that `{cite: n}` spans point to. */
export interface Citation {
  n: number;
  title: string;
  url: string | null;
  outlet: string | null;
  published: string | null;
}

export interface Paging {
  page: number;
  pages: number;
  /** The command text that shows the next page, e.g. `meetings topic:sahel page:3`. */
  next: string | null;
  prev: string | null;
}

export interface Reply {
  title?: string;
  blocks: Block[];
  citations?: Citation[];
  footer?: string;
  /** Only the asker sees it (Slack ephemeral, Discord ephemeral flag). */
  ephemeral: boolean;
  paging?: Paging;
  /** Set on replies that report a user error, with its stable code. */
  error?: { code: string };
}

/** Flattens inline content to plain text, with links as `text (url)`. */
export function richToPlain(rich: Rich): string {
  const spans: readonly Span[] = typeof rich === 'string' || !Array.isArray(rich) ? [rich as Span] : rich;
  return spans
    .map((span) => {
      if (typeof span === 'string') return span;
      if ('cite' in span) return `[${span.cite}]`;
      if ('url' in span) return span.url === span.text ? span.url : `${span.text} (${span.url})`;
      return span.text;
    })
    .join('');
}

/** Normalizes inline content to an array of spans. */
export function spansOf(rich: Rich): readonly Span[] {
  return typeof rich === 'string' || !Array.isArray(rich) ? [rich as Span] : rich;
}

export const link = (text: string, url: string): Span => ({ text, url });
export const bold = (text: string): Span => ({ text, bold: true });
export const cite = (n: number): Span => ({ cite: n });
