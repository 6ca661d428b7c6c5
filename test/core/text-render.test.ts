import { describe, expect, it } from 'vitest';
import { renderPlainText } from '../../src/core/text-render.js';
import { bold, cite, link, type Reply } from '../../src/core/reply.js';

describe('renderPlainText', () => {
  it('renders headings, fields, bullets, links as title (url), citations and paging', () => {
    const reply: Reply = {
      title: 'Africa Focus Group',
      blocks: [
        { type: 'fields', fields: [{ name: 'Place', value: 'Niamey, Niger' }, { name: 'Dates', value: '1–2 March 2023' }] },
        { type: 'heading', text: 'Summary' },
        { type: 'text', text: ['The group adopted an action plan.', cite(1)] },
        { type: 'list', items: [[bold('#12'), ' ', link('Report', 'https://example.org/r')], 'second'] },
        { type: 'context', text: '2 sources' },
      ],
      citations: [{ n: 1, title: 'Report', url: 'https://example.org/r', outlet: 'Example', published: '2023-03-03' }],
      paging: { page: 1, pages: 3, next: 'meetings page:2', prev: null },
      footer: 'footer text',
      ephemeral: false,
    };
    const text = renderPlainText(reply);
    expect(text).toBe(
      [
        'Africa Focus Group',
        '==================',
        'Place: Niamey, Niger',
        'Dates: 1–2 March 2023',
        '',
        'Summary',
        '-------',
        'The group adopted an action plan.[1]',
        '• #12 Report (https://example.org/r)',
        '• second',
        '  2 sources',
        '',
        'Sources',
        '  [1] Report (Example, 2023-03-03) https://example.org/r',
        '',
        'Page 1 of 3; next: /brief meetings page:2',
        '',
        'footer text',
      ].join('\n'),
    );
    expect(text).not.toContain('[object Object]');
  });
});
