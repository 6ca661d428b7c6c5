import { richToPlain, type Block, type Reply } from './reply.js';

/**
 * Renders a reply as readable plain text: the shell's output and every
 * platform's notification fallback. Never shows an object's default string.
 */
export function renderPlainText(reply: Reply): string {
  const lines: string[] = [];
  if (reply.title) lines.push(reply.title, '='.repeat(Math.min(reply.title.length, 72)));
  for (const block of reply.blocks) lines.push(...blockLines(block));
  if (reply.citations?.length) {
    lines.push('', 'Sources');
    for (const c of reply.citations) {
      const meta = [c.outlet, c.published].filter(Boolean).join(', ');
      lines.push(`  [${c.n}] ${c.title}${meta ? ` (${meta})` : ''}${c.url ? ` ${c.url}` : ''}`);
    }
  }
  if (reply.paging && reply.paging.pages > 1) {
    const next = reply.paging.next ? `; next: /brief ${reply.paging.next}` : '';
    lines.push('', `Page ${reply.paging.page} of ${reply.paging.pages}${next}`);
  }
  if (reply.footer) lines.push('', reply.footer);
  return trimBlankRuns(lines).join('\n');
}

function blockLines(block: Block): string[] {
  switch (block.type) {
    case 'heading':
      return ['', block.text, '-'.repeat(Math.min(block.text.length, 72))];
    case 'text':
      return [richToPlain(block.text)];
    case 'context':
      return [`  ${richToPlain(block.text)}`];
    case 'fields':
      return block.fields.map((f) => `${f.name}: ${richToPlain(f.value)}`);
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${richToPlain(item)}`);
    case 'divider':
      return [''];
  }
}

function trimBlankRuns(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}
