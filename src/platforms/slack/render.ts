import { renderPlainText, type Block, type Citation, type Reply } from '../../core/index.js';
import { blockTextLength, LIMITS, mrkdwn, NEXT_PAGE_ACTION, type SlackBlock, type SlackPayload } from './blocks.js';
import { escapeMrkdwn, linkMrkdwn, richToMrkdwn, splitMrkdwn, truncateMrkdwn, truncatePlain } from './escape.js';

/**
 * Renders a neutral reply as one or more Block Kit messages, each within every
 * Slack budget. Pure: no I/O, so budgets are unit-tested on the output.
 */
export function renderParts(reply: Reply): SlackPayload[] {
  const body = bodyBlocks(reply);
  const actions = pagingActions(reply);
  const groups = pack(body, actions ? 1 : 0);
  if (actions) groups[groups.length - 1]?.push(actions);
  const plain = renderPlainText(reply);
  return groups.map((blocks, i) => ({
    text: i === 0 ? fallback(plain) : fallback(`${reply.title ?? 'Briefbot'} (part ${i + 1} of ${groups.length})`),
    blocks,
  }));
}

function fallback(plain: string): string {
  return truncateMrkdwn(escapeMrkdwn(truncatePlain(plain || ' ', LIMITS.fallbackText)), LIMITS.fallbackText);
}

function bodyBlocks(reply: Reply): SlackBlock[] {
  const out: SlackBlock[] = [];
  if (reply.title) out.push({ type: 'header', text: { type: 'plain_text', text: truncatePlain(reply.title, LIMITS.headerText), emoji: false } });
  for (const block of reply.blocks) out.push(...renderBlock(block));
  if (reply.citations?.length) out.push(...citationBlocks(reply.citations));
  if (reply.paging && reply.paging.pages > 1) {
    out.push(context(`Page ${reply.paging.page} of ${reply.paging.pages}`));
  }
  if (reply.footer) out.push(context(escapeMrkdwn(reply.footer)));
  if (out.length === 0) out.push(...sections(escapeMrkdwn(renderPlainText(reply) || ' ')));
  return out;
}

function renderBlock(block: Block): SlackBlock[] {
  switch (block.type) {
    case 'heading':
      return [{ type: 'section', text: mrkdwn(truncateMrkdwn(`*${escapeMrkdwn(block.text.replace(/\*/g, '∗'))}*`, LIMITS.sectionText)) }];
    case 'text':
      return sections(richToMrkdwn(block.text));
    case 'context':
      return [context(richToMrkdwn(block.text))];
    case 'fields':
      return fieldSections(block.fields.map((f) => `*${escapeMrkdwn(f.name.replace(/\*/g, '∗'))}*\n${richToMrkdwn(f.value)}`));
    case 'list':
      return lineSections(block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${richToMrkdwn(item)}`));
    case 'divider':
      return [{ type: 'divider' }];
  }
}

function context(text: string): SlackBlock {
  return { type: 'context', elements: [mrkdwn(truncateMrkdwn(text || ' ', LIMITS.contextText))] };
}

/** One long text as as many sections as it needs. */
function sections(text: string): SlackBlock[] {
  return splitMrkdwn(text || ' ', LIMITS.sectionText).map((chunk) => ({ type: 'section', text: mrkdwn(chunk || ' ') }));
}

/** Lines packed into sections of at most 3,000 characters; a longer line is split. */
function lineSections(lines: string[]): SlackBlock[] {
  const out: SlackBlock[] = [];
  let current = '';
  const flush = () => {
    if (current) out.push({ type: 'section', text: mrkdwn(current) });
    current = '';
  };
  for (const line of lines.flatMap((l) => splitMrkdwn(l, LIMITS.sectionText))) {
    if (current && current.length + 1 + line.length > LIMITS.sectionText) flush();
    current = current ? `${current}\n${line}` : line;
  }
  flush();
  return out;
}

function fieldSections(fields: string[]): SlackBlock[] {
  const out: SlackBlock[] = [];
  let group: string[] = [];
  let size = 0;
  const flush = () => {
    if (group.length) out.push({ type: 'section', fields: group.map(mrkdwn) });
    group = [];
    size = 0;
  };
  for (const raw of fields) {
    const field = truncateMrkdwn(raw, LIMITS.fieldText);
    if (group.length === LIMITS.fieldsPerSection || size + field.length > LIMITS.fieldsSectionText) flush();
    group.push(field);
    size += field.length;
  }
  flush();
  return out;
}

function citationBlocks(citations: Citation[]): SlackBlock[] {
  const lines = citations.map((c) => {
    const title = c.url ? linkMrkdwn(c.title, c.url) : escapeMrkdwn(truncatePlain(c.title, 300));
    const meta = [c.outlet, c.published].filter(Boolean).join(', ');
    return `${c.n}. ${title}${meta ? ` — ${escapeMrkdwn(meta)}` : ''}`;
  });
  return [{ type: 'section', text: mrkdwn('*Sources*') }, ...lineSections(lines)];
}

function pagingActions(reply: Reply): SlackBlock | null {
  const next = reply.paging?.next;
  if (!next || next.length > LIMITS.buttonValue) return null;
  return {
    type: 'actions',
    block_id: 'briefbot_paging',
    elements: [{ type: 'button', action_id: NEXT_PAGE_ACTION, text: { type: 'plain_text', text: 'Next page' }, value: next }],
  };
}

/** Greedy packing into messages under the block count and total-text budgets. */
function pack(blocks: SlackBlock[], reserve: number): SlackBlock[][] {
  const maxBlocks = LIMITS.blocksPerMessage - reserve;
  const maxText = LIMITS.totalBlockText - (reserve ? LIMITS.buttonValue + 20 : 0);
  const parts: SlackBlock[][] = [];
  let current: SlackBlock[] = [];
  let size = 0;
  for (const block of blocks) {
    const n = blockTextLength(block);
    if (current.length && (current.length + 1 > maxBlocks || size + n > maxText)) {
      parts.push(dropTrailingDividers(current));
      current = [];
      size = 0;
    }
    if (current.length === 0 && block.type === 'divider') continue;
    current.push(block);
    size += n;
  }
  if (current.length || parts.length === 0) parts.push(dropTrailingDividers(current));
  return parts;
}

function dropTrailingDividers(blocks: SlackBlock[]): SlackBlock[] {
  while (blocks.length > 1 && blocks[blocks.length - 1]?.type === 'divider') blocks.pop();
  return blocks;
}

