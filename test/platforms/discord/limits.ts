import type { APIEmbed } from 'discord.js';
import { LIMITS, type DiscordPart } from '../../../src/platforms/discord/index.js';

/** Every Discord message and embed limit a part breaks; empty when it would be accepted. */
export function limitViolations(part: Pick<DiscordPart, 'content' | 'embeds'>): string[] {
  const out: string[] = [];
  if ((part.content ?? '').length > LIMITS.content) out.push(`content ${part.content!.length}`);
  if (part.embeds.length > LIMITS.embedsPerMessage) out.push(`${part.embeds.length} embeds`);
  if (!part.embeds.length && !part.content) out.push('empty message');
  let total = 0;
  part.embeds.forEach((e: APIEmbed, i) => {
    const title = e.title?.length ?? 0;
    const description = e.description?.length ?? 0;
    const footer = e.footer?.text.length ?? 0;
    if (title > LIMITS.title) out.push(`embed ${i} title ${title}`);
    if (description > LIMITS.description) out.push(`embed ${i} description ${description}`);
    if (footer > LIMITS.footer) out.push(`embed ${i} footer ${footer}`);
    if ((e.fields?.length ?? 0) > LIMITS.fields) out.push(`embed ${i} ${e.fields!.length} fields`);
    for (const f of e.fields ?? []) {
      if (f.name.length > LIMITS.fieldName) out.push(`embed ${i} field name ${f.name.length}`);
      if (f.value.length > LIMITS.fieldValue) out.push(`embed ${i} field value ${f.value.length}`);
      total += f.name.length + f.value.length;
    }
    if (!title && !description && !e.fields?.length) out.push(`embed ${i} is empty`);
    total += title + description + footer + (e.author?.name.length ?? 0);
  });
  if (total > LIMITS.embedTotal) out.push(`embeds total ${total}`);
  return out;
}
