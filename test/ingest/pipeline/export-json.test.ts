import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestDocument, meetingsToJson } from '../../../src/ingest/pipeline/index.js';
import { RIYADH_LATER, ROME_OWN_REPORT, ROME_WIRE } from './stories.js';
import { tempStore, type TempStore } from './temp-store.js';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(async () => {
  await t.close();
});

describe('meetingsToJson', () => {
  it('yields one JSON line per stored meeting with sources and cited summary', async () => {
    for (const s of [ROME_WIRE, ROME_OWN_REPORT, RIYADH_LATER]) await ingestDocument(t.store, s);
    const lines: string[] = [];
    for await (const line of meetingsToJson(t.store)) lines.push(line);
    expect(lines).toHaveLength(await t.store.meetings.count());
    for (const line of lines) expect(line).not.toContain('\n');
    const objects = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const rome = objects.find((o) => o.city === 'Rome' && o.primary === true)!;
    expect(Object.keys(rome).sort()).toEqual(
      ['id', 'body', 'parent', 'kind', 'city', 'country', 'start', 'end', 'chairs', 'outcomes', 'primary', 'sources', 'summary'].sort(),
    );
    expect(rome).toMatchObject({ body: 'Global Coalition to Defeat ISIS', country: 'Italy', start: '2033-06-12' });
    const sources = rome.sources as Array<{ url: string; title: string; published: string }>;
    expect(sources.map((s) => s.title).sort()).toEqual([ROME_OWN_REPORT.title, ROME_WIRE.title].sort());
    expect(sources.find((s) => s.title === ROME_WIRE.title)).toEqual({
      url: 'https://tiberwire.example/world/coalition-rome',
      title: ROME_WIRE.title,
      published: ROME_WIRE.published,
    });
    const texts = new Map([
      ['https://tiberwire.example/world/coalition-rome', ROME_WIRE.text],
      ['https://capitalobserver.example/2033/coalition-ministerial', ROME_OWN_REPORT.text],
    ]);
    const summary = rome.summary as Array<{ text: string; url: string }>;
    expect(summary.length).toBeGreaterThan(0);
    for (const s of summary) expect(texts.get(s.url)).toContain(s.text);
  });

  it('yields nothing for an empty store', async () => {
    const lines: string[] = [];
    for await (const line of meetingsToJson(t.store)) lines.push(line);
    expect(lines).toEqual([]);
  });
});
