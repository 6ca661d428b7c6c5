import { describe, expect, it } from 'vitest';
import type { Meeting, MeetingFacts } from '../../../src/core/index.js';
import { meetingTopics, type TopicSource } from '../../../src/ingest/merge/index.js';

// Invented for this test: a working group that met in Lisbon in May and in Oslo in September.
function facts(overrides: Partial<MeetingFacts>): MeetingFacts {
  return { body: 'Stabilisation Working Group', parent: null, kind: 'working-group', city: null, country: null, start: null, end: null, chairs: [], outcomes: [], primary: false, status: 'held', ...overrides };
}

function meeting(id: number, sourceIds: number[], overrides: Partial<Meeting>): Meeting {
  const { body, parent, kind, city, country, start, end, chairs, outcomes, status } = facts({});
  return {
    id, body, parent, kind, city, country, start, end, chairs, outcomes, status, primary: true,
    people: [], topics: ['stale'], summary: [], variants: [],
    sources: sourceIds.map((documentId) => ({ documentId, url: null, title: `Report ${documentId}`, outlet: null, published: '2033-09-10' })),
    firstSeq: sourceIds[0]!, lastSeq: sourceIds.at(-1)!, ...overrides,
  };
}

describe('meetingTopics', () => {
  const lisbon = meeting(1, [1, 2], { city: 'Lisbon', country: 'Portugal', start: '2033-05-04', end: '2033-05-05' });
  const oslo = meeting(2, [2, 3], { city: 'Oslo', country: 'Norway', start: '2033-09-08', end: '2033-09-09' });
  const docs = new Map<number, TopicSource>([
    [1, { id: 1, title: 'Working group meets in Lisbon', published: '2033-05-06', topics: ['demining', 'financing'], meetings: [facts({ primary: true, city: 'Lisbon', start: '2033-05-04' })] }],
    // Reports Oslo as its main meeting and recalls Lisbon in passing: its topics are Oslo's only.
    [2, {
      id: 2, title: 'Working group meets in Oslo', published: '2033-09-10', topics: ['justice', 'Financing'],
      meetings: [facts({ primary: true, city: 'Oslo', country: 'Norway', start: '2033-09-08', end: '2033-09-09' }), facts({ city: 'Lisbon', start: '2033-05-04' })],
    }],
    [3, { id: 3, title: 'Oslo talks end', published: '2033-09-10', topics: ['returnees'], meetings: [facts({ primary: true, city: 'Oslo', start: '2033-09-09' })] }],
  ]);
  const meetingsOf = (id: number) => [lisbon, oslo].filter((m) => m.sources.some((s) => s.documentId === id));

  it('is the union, in ingestion order, of the topics of the sources that report the meeting as their main one', () => {
    expect(meetingTopics(lisbon, docs, meetingsOf)).toEqual(['demining', 'financing']);
    expect(meetingTopics(oslo, docs, meetingsOf)).toEqual(['justice', 'Financing', 'returnees']);
  });

  it('leaves out sources it cannot read and sources that only mention the meeting', () => {
    expect(meetingTopics(oslo, new Map([[3, docs.get(3)!]]), meetingsOf)).toEqual(['returnees']);
    const passing = new Map([[1, { ...docs.get(1)!, meetings: [facts({ city: 'Lisbon', start: '2033-05-04' })] }]]);
    expect(meetingTopics(lisbon, passing, meetingsOf)).toEqual([]);
  });
});
