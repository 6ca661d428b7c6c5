import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/core/index.js';
import { isUpcoming, meetingLine } from '../../commands/lib/meeting-format.js';
import { renderPlainText } from '../../src/core/index.js';

const NOW = new Date('2026-03-10T12:00:00Z');
const m = (status: Meeting['status'], start: string | null): Meeting =>
  ({ id: 7, body: 'Small Group', parent: null, kind: 'other', city: 'Rome', country: 'Italy', start, end: null, status, chairs: [], outcomes: [], people: [], topics: [], summary: [], variants: [], primary: true, sources: [], firstSeq: 1, lastSeq: 1 }) as Meeting;

describe('isUpcoming', () => {
  it('counts announced meetings and those starting after today, never one called off', () => {
    expect(isUpcoming(m('announced', null), NOW)).toBe(true);
    expect(isUpcoming(m('postponed', '2026-04-01'), NOW)).toBe(true);
    expect(isUpcoming(m('postponed', null), NOW)).toBe(false);
    expect(isUpcoming(m('held', '2026-03-01'), NOW)).toBe(false);
    expect(isUpcoming(m('cancelled', '2026-04-01'), NOW)).toBe(false);
  });
});

describe('meetingLine', () => {
  it('follows the dates with the status, except for a meeting held', () => {
    const line = (status: Meeting['status']) => renderPlainText({ blocks: [{ type: 'text', text: meetingLine(m(status, '2026-04-01')) }], ephemeral: true });
    expect(line('postponed')).toContain('1 Apr 2026 (postponed) · Small Group');
    expect(line('cancelled')).toContain('1 Apr 2026 (cancelled) · Small Group');
    expect(line('ongoing')).toContain('1 Apr 2026 (under way) · Small Group');
    expect(line('held')).toContain('1 Apr 2026 · Small Group');
  });
});
