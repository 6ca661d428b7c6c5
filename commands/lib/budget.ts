import { renderPlainText, spansOf, type Block, type Citation, type Reply, type Rich, type Span } from '../../src/core/index.js';
import { truncate } from './text.js';

/** Discord's content limit is 2,000 and Slack's section 3,000: one block stays under both. */
export const BLOCK_BUDGET = 1800;
/** The whole reply stays under Discord's smallest total, with room for the renderer's markup. */
export const REPLY_BUDGET = 3500;
const LONGEST_URL = 500;

function spanLength(span: Span): number {
  if (typeof span === 'string') return span.length;
  if ('cite' in span) return 4;
  if ('url' in span) return span.text.length + span.url.length + 3;
  return span.text.length;
}

/** Cuts inline content to about `max` characters, keeping links and citations whole. */
export function fitRich(rich: Rich, max: number): Rich {
  const out: Span[] = [];
  let used = 0;
  for (const span of spansOf(rich)) {
    if (used >= max) break;
    const room = max - used;
    if (typeof span === 'string') {
      const text = span.length > room ? truncate(span, room) : span;
      out.push(text);
      used += text.length;
    } else if ('cite' in span) {
      out.push(span);
      used += 4;
    } else if ('url' in span) {
      const cap = Math.max(1, Math.min(room, 300));
      const text = span.text.length > cap ? truncate(span.text, cap) : span.text;
      // A very long ingested URL would eat the budget; keep its text only.
      out.push(span.url.length > LONGEST_URL ? text : { text, url: span.url });
      used += spanLength({ text, url: span.url.length > LONGEST_URL ? '' : span.url });
    } else {
      const text = span.text.length > room ? truncate(span.text, Math.max(1, room)) : span.text;
      out.push({ text, bold: true });
      used += text.length;
    }
  }
  return out;
}

function fitBlock(block: Block, item: number): Block {
  switch (block.type) {
    case 'heading':
      return { type: 'heading', text: truncate(block.text, 150) };
    case 'text':
    case 'context':
      return { type: block.type, text: fitRich(block.text, BLOCK_BUDGET) };
    case 'fields':
      return { type: 'fields', fields: block.fields.slice(0, 10).map((f) => ({ name: truncate(f.name, 60), value: fitRich(f.value, Math.min(item, 400)) })) };
    case 'list': {
      const each = Math.min(item, Math.floor(BLOCK_BUDGET / Math.max(1, block.items.length)) - 4);
      return { ...block, items: block.items.map((i) => fitRich(i, Math.max(40, each))) };
    }
    case 'divider':
      return block;
  }
}

function fitCitation(c: Citation): Citation {
  return {
    ...c,
    title: truncate(c.title, 120),
    url: c.url && c.url.length <= LONGEST_URL ? c.url : null,
    outlet: c.outlet ? truncate(c.outlet, 60) : null,
  };
}

/**
 * Makes a reply fit every platform: each block under BLOCK_BUDGET and the whole
 * under REPLY_BUDGET, shortening list items before dropping anything.
 */
export function fitReply(reply: Reply): Reply {
  let item = 400;
  let fitted = reply;
  for (let round = 0; round < 6; round++) {
    fitted = {
      ...reply,
      ...(reply.title ? { title: truncate(reply.title, 200) } : {}),
      ...(reply.footer ? { footer: truncate(reply.footer, 300) } : {}),
      blocks: reply.blocks.map((b) => fitBlock(b, item)),
      ...(reply.citations ? { citations: reply.citations.map(fitCitation) } : {}),
    };
    if (renderPlainText(fitted).length <= REPLY_BUDGET) return fitted;
    item = Math.floor(item * 0.7);
  }
  // Still too long: drop trailing blocks and say so.
  const blocks = [...fitted.blocks];
  while (blocks.length > 1 && renderPlainText({ ...fitted, blocks }).length > REPLY_BUDGET - 60) blocks.pop();
  blocks.push({ type: 'context', text: '(shortened to fit the message size)' });
  return { ...fitted, blocks };
}
