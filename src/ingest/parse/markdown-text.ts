import { htmlToText, tidyText } from './html-text.js';

export interface MarkdownDoc {
  title: string | null;
  published: string | null;
  /** Plain text without Markdown syntax; the title heading is not repeated. */
  text: string;
}

function frontMatter(raw: string): { fields: Map<string, string>; rest: string } {
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(raw);
  const fields = new Map<string, string>();
  if (!m) return { fields, rest: raw };
  for (const line of (m[1] ?? '').split('\n')) {
    const kv = /^([\w-]+):\s*(.*)$/.exec(line);
    if (kv?.[1]) fields.set(kv[1].toLowerCase(), (kv[2] ?? '').replace(/^["']|["']$/g, '').trim());
  }
  return { fields, rest: raw.slice(m[0].length) };
}

function inline(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])([*_])(?=\S)([^*_]*?\S)\2(?![\w*])/g, '$1$3')
    .replace(/~~(.+?)~~/g, '$1');
}

function isoDate(raw: string | undefined): string | null {
  if (!raw) return null;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Title (front matter or first `#` heading), date (front matter) and plain text of a Markdown document. */
export function parseMarkdown(raw: string): MarkdownDoc {
  const { fields, rest } = frontMatter(raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  let title = fields.get('title') || null;
  const out: string[] = [];
  let inFence = false;
  for (const line of rest.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(line);
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const text = inline(heading[2] ?? '');
      if (!title && heading[1] === '#') {
        title = text;
        continue;
      }
      out.push('', text, '');
      continue;
    }
    if (/^\s*\[[^\]]+\]:\s*\S+/.test(line)) continue; // link reference definition
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push('');
      continue;
    }
    if (/^\s*(=+|-+)\s*$/.test(line) && out.length > 0 && out[out.length - 1]?.trim()) {
      // Setext underline: the previous line was a heading.
      const prev = out.pop() ?? '';
      if (!title && line.trim().startsWith('=')) title = prev.trim();
      else out.push('', prev, '');
      continue;
    }
    const stripped = line
      .replace(/^\s*(>\s?)+/, '')
      .replace(/^\s*([-*+]|\d+[.)])\s+/, '')
      .replace(/^\s*\|/, '')
      .replace(/\|\s*$/, '')
      .replace(/\s*\|\s*/g, '  ');
    if (/^\s*:?-{3,}:?(\s+:?-{3,}:?)*\s*$/.test(stripped)) continue; // table rule
    out.push(inline(stripped));
  }
  const joined = out.join('\n');
  const text = /<[a-z][^>]*>/i.test(joined) ? htmlToText(joined.replace(/\n\n/g, '<p>').replace(/\n/g, '<br>')) : tidyText(joined);
  return { title, published: isoDate(fields.get('date') ?? fields.get('published')), text };
}
