import { describe, expect, it } from 'vitest';
import { cite, link, type Reply } from '../../../src/core/index.js';
import { renderParts } from '../../../src/platforms/slack/index.js';
import { escapeMrkdwn, linkMrkdwn, splitMrkdwn } from '../../../src/platforms/slack/escape.js';
import { blockTexts, expectWithinBudget } from './budgets.js';

function digestOf(n: number): Reply {
  return {
    title: 'Weekly digest: coalition meetings',
    blocks: Array.from({ length: n }, (_, i) => [
      { type: 'heading' as const, text: `Meeting ${i + 1}: ministers gather in city ${i + 1}` },
      {
        type: 'text' as const,
        text: [`Officials from ${i % 7} partner states reviewed stabilisation funding and detainee repatriation, item ${i + 1}. `, link('Read more', `https://news.example.org/a/${i + 1}?x=1&y=2`), ' ', cite(i + 1)],
      },
      { type: 'fields' as const, fields: [{ name: 'When', value: `2026-03-${String((i % 28) + 1).padStart(2, '0')}` }, { name: 'Where', value: `City ${i + 1}` }] },
      { type: 'divider' as const },
    ]).flat(),
    citations: Array.from({ length: n }, (_, i) => ({ n: i + 1, title: `Report number ${i + 1}`, url: `https://news.example.org/a/${i + 1}`, outlet: 'Example Wire', published: '2026-03-01' })),
    footer: 'Sent by Briefbot',
    ephemeral: false,
  };
}

describe('renderParts', () => {
  it('splits a 200-item digest into messages that each fit every budget, losing nothing', () => {
    const parts = renderParts(digestOf(200));
    expect(parts.length).toBeGreaterThan(4);
    for (const part of parts) expectWithinBudget(part);
    const all = parts.flatMap(blockTexts).join('\n');
    for (let i = 1; i <= 200; i += 1) {
      expect(all).toContain(`Meeting ${i}: ministers gather in city ${i}*`);
      expect(all).toContain(`*Where*\nCity ${i}`);
      expect(all).toContain(`${i}. <https://news.example.org/a/${i}|Report number ${i}> — Example Wire, 2026-03-01`);
    }
    // Each meeting heading appears exactly once across all parts.
    expect(all.match(/\*Meeting \d+:/g)).toHaveLength(200);
    expect(parts[0]?.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Weekly digest: coalition meetings', emoji: false } });
    expect(parts[1]?.text).toBe('Weekly digest: coalition meetings (part 2 of ' + parts.length + ')');
  });

  it('escapes & inside link URLs and keeps the query', () => {
    const [part] = renderParts(digestOf(1));
    expect(blockTexts(part!).join('\n')).toContain('<https://news.example.org/a/1?x=1&amp;y=2|Read more>');
  });

  it('splits one 30,000-character text into sections without losing or breaking a link', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}`);
    const reply: Reply = { blocks: [{ type: 'text', text: [words.join(' '), ' ', link('the <source>', 'https://x.example/p?a=1|2>3')] }], ephemeral: true };
    const parts = renderParts(reply);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expectWithinBudget(part);
    const joined = parts.flatMap(blockTexts).join(' ');
    expect(joined.split(/\s+/).filter((w) => /^word\d+$/.test(w))).toHaveLength(3000);
    expect(joined).toContain('<https://x.example/p?a=1%7C2%3E3|the &lt;source&gt;>');
  });

  it('caps the header at 150 characters and fields at 10 per section and 2,000 each', () => {
    const reply: Reply = {
      title: 'T'.repeat(400),
      blocks: [{ type: 'fields', fields: Array.from({ length: 25 }, (_, i) => ({ name: `F${i}`, value: 'v'.repeat(2500) })) }],
      ephemeral: false,
    };
    const parts = renderParts(reply);
    for (const part of parts) expectWithinBudget(part);
    const header = parts[0]?.blocks[0];
    expect(header?.type === 'header' && header.text.text).toBe(`${'T'.repeat(149)}…`);
    const fieldCount = parts.flatMap((p) => p.blocks).reduce((n, b) => n + (b.type === 'section' ? (b.fields?.length ?? 0) : 0), 0);
    expect(fieldCount).toBe(25);
  });

  it('escapes ingested text so it cannot mention anyone, in blocks and in the fallback', () => {
    const reply: Reply = { title: 'Alert <!channel>', blocks: [{ type: 'text', text: 'Hi <!channel> <!here> <@U123> <!subteam^S1> & <https://evil.example|click>' }], ephemeral: false };
    const [part] = renderParts(reply);
    // blockTexts[0] is the plain_text header, checked below.
    const texts = [...blockTexts(part!).slice(1), part!.text];
    for (const t of texts) {
      expect(t).not.toMatch(/<!channel>|<!here>|<@U123>|<!subteam|<https:\/\/evil/);
    }
    expect(blockTexts(part!)).toContain('Hi &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;!subteam^S1&gt; &amp; &lt;https://evil.example|click&gt;');
    // Header text is plain_text, which Slack never parses for mentions.
    expect(blockTexts(part!)[0]).toBe('Alert <!channel>');
  });

  it('renders links safely: non-http URLs become text, odd characters are encoded', () => {
    expect(linkMrkdwn('x', 'javascript:alert(1)')).toBe('x (javascript:alert(1))');
    expect(linkMrkdwn('a|b', 'https://e.example/a|b')).toBe('<https://e.example/a%7Cb|a|b>');
    expect(linkMrkdwn('<b>', 'https://e.example/<b>')).toBe('<https://e.example/%3Cb%3E|&lt;b&gt;>');
    expect(escapeMrkdwn('a & <b> c')).toBe('a &amp; &lt;b&gt; c');
  });

  it('renders citations as a numbered list with outlet and date', () => {
    const reply: Reply = {
      blocks: [{ type: 'text', text: ['Ministers met ', cite(1)] }],
      citations: [
        { n: 1, title: 'Ministers meet in Rome', url: 'https://wire.example/rome', outlet: 'Wire', published: '2026-02-03' },
        { n: 2, title: 'No link & <odd>', url: null, outlet: null, published: '2026-02-04' },
      ],
      ephemeral: false,
    };
    const texts = blockTexts(renderParts(reply)[0]!);
    expect(texts).toContain('Ministers met [1]');
    expect(texts).toContain('*Sources*');
    expect(texts).toContain('1. <https://wire.example/rome|Ministers meet in Rome> — Wire, 2026-02-03\n2. No link &amp; &lt;odd&gt; — 2026-02-04');
  });

  it('puts the Next page button, carrying the next command, on the last part only', () => {
    const reply: Reply = { ...digestOf(120), paging: { page: 1, pages: 3, next: 'meetings topic:sahel page:2', prev: null } };
    const parts = renderParts(reply);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expectWithinBudget(part);
    const withActions = parts.filter((p) => p.blocks.some((b) => b.type === 'actions'));
    expect(withActions).toEqual([parts[parts.length - 1]]);
    const actions = parts[parts.length - 1]!.blocks.at(-1);
    expect(actions).toEqual({
      type: 'actions',
      block_id: 'briefbot_paging',
      elements: [{ type: 'button', action_id: 'briefbot_next_page', text: { type: 'plain_text', text: 'Next page' }, value: 'meetings topic:sahel page:2' }],
    });
    expect(blockTexts(parts[parts.length - 1]!)).toContain('Page 1 of 3');
  });

  it('keeps at most 50 blocks even when each block is tiny', () => {
    const reply: Reply = { blocks: Array.from({ length: 130 }, (_, i) => ({ type: 'context' as const, text: `c${i}` })), ephemeral: false };
    const parts = renderParts(reply);
    expect(parts.map((p) => p.blocks.length)).toEqual([50, 50, 30]);
  });

  it('gives an empty reply a non-empty message', () => {
    const [part] = renderParts({ blocks: [], ephemeral: true });
    expect(part?.blocks.length).toBe(1);
    expect(part?.text.length).toBeGreaterThan(0);
  });
});

describe('splitMrkdwn', () => {
  it('never cuts inside a link token or an entity', () => {
    const token = '<https://a.example/x|label>';
    const text = `${'&amp;'.repeat(5)}${token}`.repeat(100);
    for (const chunk of splitMrkdwn(text, 97)) {
      expect(chunk.length).toBeLessThanOrEqual(97);
      expect(chunk.replace(/<https:\/\/a\.example\/x\|label>/g, '').replace(/&amp;/g, '')).toBe('');
    }
  });
});
