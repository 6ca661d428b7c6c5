import type { Extraction, MeetingRecord, NewDocument } from '../../../src/core/index.js';

/** Sample data written for these tests; every name and sentence is invented here. */
export function extraction(overrides: Partial<Extraction> = {}): Extraction {
  return {
    published: '2026-02-10',
    is_meeting_report: true,
    meetings: [
      {
        body: 'Africa Focus Group',
        parent: 'Global Coalition to Defeat ISIS',
        kind: 'focus-group',
        city: 'Rabat',
        country: 'Morocco',
        start: '2026-02-09',
        end: '2026-02-10',
        chairs: ['Morocco', 'Italy'],
        outcomes: ['agreed a work plan on border security'],
        primary: true,
        status: 'held',
      },
    ],
    topics: ['sahel', 'border-security'],
    people: [{ name: 'Ana Example', role: 'special envoy' }],
    development: 'meeting',
    summary: [{ text: 'Delegates met in Rabat.', start: 0, end: 23 }],
    ...overrides,
  };
}

let counter = 0;

export function newDocument(overrides: Partial<NewDocument> = {}): NewDocument {
  counter += 1;
  return {
    url: `https://news.example.org/item/${counter}`,
    title: `Coalition partners hold talks ${counter}`,
    outlet: 'Example Wire',
    published: '2026-02-10',
    text: `Officials from partner states gathered for a scheduled round of talks number ${counter}.`,
    contentHash: `hash-${counter}`,
    simhash: null,
    sourceId: null,
    extraction: extraction(),
    ...overrides,
  };
}

export function meetingRecord(overrides: Partial<MeetingRecord> = {}): MeetingRecord {
  return {
    body: 'Africa Focus Group',
    parent: 'Global Coalition to Defeat ISIS',
    kind: 'focus-group',
    city: 'Rabat',
    country: 'Morocco',
    start: '2026-02-09',
    end: '2026-02-10',
    status: 'held',
    chairs: ['Morocco', 'Italy'],
    outcomes: ['agreed a work plan on border security'],
    people: [{ name: 'Ana Example', role: 'special envoy' }],
    topics: ['sahel'],
    summary: [{ text: 'Delegates met in Rabat to review the work plan.', documentId: 1, url: null }],
    variants: [{ field: 'city', value: 'Casablanca', documentIds: [1] }],
    primary: true,
    ...overrides,
  };
}
