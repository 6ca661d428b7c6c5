import { renderPlainText, type Asker, type Reply } from '../../src/core/index.js';
import type { TestBed } from '../helpers/command-context.js';

export interface Answer {
  reply: Reply;
  text: string;
}

/** Runs one command line through the real dispatcher and renders the reply. */
export async function ask(bed: TestBed, line: string, asker: Partial<Asker> = {}): Promise<Answer> {
  const reply = await bed.dispatcher.handle(line, bed.asker(asker));
  return { reply, text: renderPlainText(reply) };
}

/** The `#n` ids of a list reply, in order. */
export function idsIn(reply: Reply): number[] {
  const list = reply.blocks.find((b) => b.type === 'list');
  if (!list || list.type !== 'list') return [];
  return list.items.map((item) => {
    const text = renderPlainText({ blocks: [{ type: 'text', text: item }], ephemeral: true });
    const m = /#(\d+)/.exec(text);
    return m ? Number(m[1]) : NaN;
  });
}
