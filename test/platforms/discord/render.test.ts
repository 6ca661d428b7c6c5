import { describe, expect, it } from 'vitest';
import { cite, link, type Reply } from '../../../src/core/index.js';
import { renderParts } from '../../../src/platforms/discord/index.js';
import { limitViolations } from './limits.js';

function digest(items: number): Reply {
  return {
    title: 'Weekly roundup: coalition meetings and statements',
    blocks: [
      { type: 'heading', text: 'This week' },
      {
        type: 'list',
        ordered: true,
        items: Array.from({ length: items }, (_, i) => [
          `Item ${i + 1}: ministers of the Africa Focus Group met in a capital city to review stabilisation funding and detainee repatriation `,
          link(`Meeting note ${i + 1}`, `https://news.example.org/notes/${i + 1}?ref=digest`),
          ' ',
          cite(i + 1),
        ]),
      },
    ],
    citations: Array.from({ length: items }, (_, i) => ({
      n: i + 1,
      title: `Communiqué number ${i + 1} on the coalition's working groups`,
      url: `https://outlet.example.com/articles/${i + 1}`,
      outlet: 'Example Wire',
      published: '2026-11-20',
    })),
    footer: 'Briefbot weekly roundup · reply with /brief unsubscribe to stop',
    ephemeral: false,
  };
}

describe('renderParts', () => {
  it('splits a 200-item digest into parts that each fit every limit, losing nothing', () => {
    const parts = renderParts(digest(200));
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(limitViolations(part)).toEqual([]);
    const all = parts.flatMap((p) => p.embeds.map((e) => e.description ?? '')).join('\n');
    for (const n of [1, 57, 200]) {
      expect(all).toContain(`[Meeting note ${n}](https://news.example.org/notes/${n}?ref=digest)`);
      expect(all).toContain(`${n}. [Communiqué number ${n} on the coalition's working groups](https://outlet.example.com/articles/${n}) · Example Wire, 2026-11-20`);
    }
    expect(parts[0]!.embeds[0]!.title).toBe('Weekly roundup: coalition meetings and statements');
    expect(parts.at(-1)!.embeds.at(-1)!.footer?.text).toBe('Briefbot weekly roundup · reply with /brief unsubscribe to stop');
    // The title and footer appear once, not on every part.
    expect(parts.flatMap((p) => p.embeds).filter((e) => e.title).length).toBe(1);
    expect(parts.flatMap((p) => p.embeds).filter((e) => e.footer).length).toBe(1);
  });

  it('keeps within limits when the title, footer and one line are each over their limit', () => {
    const reply: Reply = {
      title: 'T'.repeat(400),
      blocks: [{ type: 'text', text: 'word '.repeat(3000) }, { type: 'text', text: 'x'.repeat(9000) }],
      footer: 'f'.repeat(3000),
      ephemeral: false,
    };
    const parts = renderParts(reply);
    for (const part of parts) expect(limitViolations(part)).toEqual([]);
    expect(parts[0]!.embeds[0]!.title).toHaveLength(256);
    expect(parts[0]!.embeds[0]!.title!.endsWith('…')).toBe(true);
    const text = parts.flatMap((p) => p.embeds.map((e) => e.description ?? '')).join('');
    expect(text.replace(/\s/g, '')).toBe('word'.repeat(3000) + 'x'.repeat(9000));
  });

  it('escapes markdown and defuses mentions in ingested text', () => {
    const [part] = renderParts({
      blocks: [{ type: 'text', text: '@everyone see <@&123> and <@456> in *bold* [fake](https://evil.example)' }],
      ephemeral: false,
    });
    const d = part!.embeds[0]!.description!;
    expect(d).not.toMatch(/@everyone/);
    expect(d).not.toMatch(/<@&123>|<@456>/);
    expect(d).toContain('\\*bold\\*');
    expect(d).toContain('\\[fake\\]');
  });

  it('renders links with escaped text and rejects non-web URLs', () => {
    const [part] = renderParts({
      blocks: [{ type: 'text', text: [link('a [tricky] *name*', 'https://x.example/a_(b)'), ' ', link('js', 'javascript:alert(1)')] }],
      ephemeral: false,
    });
    expect(part!.embeds[0]!.description).toBe('[a \\[tricky\\] \\*name\\*](https://x.example/a_%28b%29) js');
  });

  it('shows the page in the footer and says so when there is nothing', () => {
    const [part] = renderParts({ blocks: [], ephemeral: true, paging: { page: 2, pages: 5, next: 'meetings page:3', prev: 'meetings page:1' } });
    expect(part!.embeds[0]!.footer?.text).toBe('Page 2 of 5');
    expect(part!.embeds[0]!.description).toBe('(nothing to show)');
  });
});

describe('escapeText', () => {
  it('escapes line-start markers and is fast on long ingested text', async () => {
    const { escapeText } = await import('../../../src/platforms/discord/markdown.js');
    expect(escapeText('# Title\n> quote\n- bullet\n12. numbered\n~~s~~ ||x|| `c` _i_ a\\b')).toBe(
      '\\# Title\n\\> quote\n\\- bullet\n12\\. numbered\n\\~\\~s\\~\\~ \\|\\|x\\|\\| \\`c\\` \\_i\\_ a\\\\b',
    );
    const started = performance.now();
    escapeText('word_ *x* '.repeat(20_000));
    expect(performance.now() - started).toBeLessThan(200);
  });
});
