import type { APIEmbed } from 'discord.js';
import type { Block, Citation, Reply } from '../../core/index.js';
import { escapeText, link, richToMarkdown } from './markdown.js';

/** Discord's message and embed limits (resources/message.mdx). */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
} as const;

/** One message as the REST API takes it; plain JSON so a delivery can store it. */
export interface DiscordPart {
  content?: string;
  embeds: APIEmbed[];
}

const COLOR = 0x2b6cb0;

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Renders a reply as one or more messages, each within every Discord limit.
 * Blocks become description lines (keeping their order), which are packed into
 * embeds of at most 4,096 characters and messages of at most 6,000.
 */
export function renderParts(reply: Reply): DiscordPart[] {
  const title = reply.title ? truncate(reply.title, LIMITS.title) : undefined;
  const footer = footerOf(reply);
  const lines = [...reply.blocks.flatMap(blockLines), ...citationLines(reply.citations ?? [])];
  const parts = pack(lines, title?.length ?? 0, footer?.length ?? 0);
  const first = parts[0]!.embeds[0]!;
  if (title) first.title = title;
  if (footer) parts.at(-1)!.embeds.at(-1)!.footer = { text: footer };
  if (!title && !lines.some((l) => l.trim())) first.description = '(nothing to show)';
  return parts;
}

function footerOf(reply: Reply): string | undefined {
  const paging = reply.paging && reply.paging.pages > 1 ? `Page ${reply.paging.page} of ${reply.paging.pages}` : '';
  const text = [paging, reply.footer ?? ''].filter(Boolean).join(' · ');
  return text ? truncate(text, LIMITS.footer) : undefined;
}

function blockLines(block: Block): string[] {
  switch (block.type) {
    case 'heading':
      return ['', `**${escapeText(block.text)}**`];
    case 'text':
      return [richToMarkdown(block.text)];
    case 'context':
      return [`_${richToMarkdown(block.text)}_`];
    case 'fields':
      return block.fields.map((f) => `**${escapeText(f.name)}:** ${richToMarkdown(f.value)}`);
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${richToMarkdown(item)}`);
    case 'divider':
      return [''];
  }
}

function citationLines(citations: readonly Citation[]): string[] {
  if (!citations.length) return [];
  return [
    '',
    '**Sources**',
    ...citations.map((c) => {
      const meta = [c.outlet, c.published].filter((x): x is string => Boolean(x)).map(escapeText).join(', ');
      const name = c.url ? link(c.title, c.url) : escapeText(c.title);
      return `${c.n}. ${name}${meta ? ` · ${meta}` : ''}`;
    }),
  ];
}

interface Draft {
  embeds: APIEmbed[];
  /** Characters counted toward the 6,000 limit, footer reserved up front. */
  total: number;
}

function pack(lines: string[], titleLength: number, footerLength: number): DiscordPart[] {
  const drafts: Draft[] = [{ embeds: [{ color: COLOR }], total: titleLength + footerLength }];
  // Any single piece must fit an empty embed next to the title and footer.
  const longest = Math.min(LIMITS.description, LIMITS.embedTotal - titleLength - footerLength);
  for (const line of lines) {
    for (const piece of splitLong(line, longest)) {
      let draft = drafts.at(-1)!;
      let embed = draft.embeds.at(-1)!;
      const description = embed.description ?? '';
      if (!description && !piece.trim()) continue; // no blank line at the top of an embed
      const added = (description ? 1 : 0) + piece.length;
      if (description.length + added <= LIMITS.description && draft.total + added <= LIMITS.embedTotal) {
        embed.description = description ? `${description}\n${piece}` : piece;
        draft.total += added;
        continue;
      }
      if (!piece.trim()) continue; // a blank line is not worth a new embed
      if (draft.embeds.length >= LIMITS.embedsPerMessage || draft.total + piece.length > LIMITS.embedTotal) {
        draft = { embeds: [], total: footerLength };
        drafts.push(draft);
      }
      embed = { color: COLOR, description: piece };
      draft.embeds.push(embed);
      draft.total += piece.length;
    }
  }
  return drafts.map((d) => ({ embeds: d.embeds }));
}

/** Splits an over-long line at spaces (or hard, if it has none). */
function splitLong(line: string, max: number): string[] {
  if (line.length <= max) return [line];
  const out: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}
