import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTopicsFile } from '../../src/config.js';
import { ingestDocument } from '../../src/ingest/pipeline/index.js';
import { createTaxonomy } from '../../src/ingest/taxonomy.js';
import { createTestBed, USER, type TestBed } from '../helpers/command-context.js';
import { ask, idsIn } from './ask.js';

// The commands see the taxonomy the bot builds from TOPICS_FILE, and meetings tagged by its extractor.
const dir = mkdtempSync(join(tmpdir(), 'briefbot-user-topics-'));
const file = join(dir, 'topics.json');
writeFileSync(
  file,
  JSON.stringify({
    topics: [
      {
        id: 'maritime-security',
        label: 'Maritime security',
        phrases: ['maritime security', 'piracy', 'naval patrols?'],
        description: 'Piracy, patrols and safe shipping',
      },
    ],
  }),
);
const taxonomy = createTaxonomy(readTopicsFile(file));

let bed: TestBed;
let accra: number;
let baghdad: number;
beforeAll(async () => {
  bed = await createTestBed({ seed: false, topics: taxonomy.topics });
  const ingest = async (title: string, text: string, published: string) => {
    const result = await ingestDocument(bed.store, { title, text, published, url: `https://example.org/${published}` }, { extract: taxonomy.extract });
    expect(result.meetingsCreated).toBe(1);
    return (await bed.store.meetings.list({ limit: 10 })).items.find((m) => m.start === published)!.id;
  };
  accra = await ingest(
    'Coalition partners discuss maritime security',
    'ACCRA, June 20 - Experts of the Global Coalition met in Accra on Tuesday to discuss maritime security in the Gulf of Guinea. Delegates reviewed piracy cases and how naval patrols could share what they see.',
    '2023-06-20',
  );
  baghdad = await ingest(
    'Stabilization experts meet in Baghdad',
    // Piracy once, in passing, past the lead: not enough to tag the topic.
    'BAGHDAD, June 21 - The Stabilization Working Group of the Global Coalition met in Baghdad on Wednesday to review projects in liberated areas. Delegates discussed water, schools and clinics in Mosul. One delegate recalled that the group had once funded a study on piracy.',
    '2023-06-21',
  );
});
afterAll(async () => {
  await bed.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a topic from TOPICS_FILE', () => {
  it('is listed by /brief topics after the built-in ones, with its description and meeting count', async () => {
    const first = await ask(bed, '/brief topics');
    expect(first.text).toContain('• stabilization ');
    const { reply, text } = await ask(bed, '/brief topics page:2');
    expect(reply.error).toBeUndefined();
    expect(text).toContain('• maritime-security Maritime security: 1 meeting · Piracy, patrols and safe shipping');
  });

  it('filters meetings with topic:<id> and with its label', async () => {
    expect(idsIn((await ask(bed, '/brief meetings topic:maritime-security')).reply)).toEqual([accra]);
    expect(idsIn((await ask(bed, '/brief meetings topic:"Maritime security"')).reply)).toEqual([accra]);
    expect(idsIn((await ask(bed, '/brief meetings topic:stabilization')).reply)).toEqual([baghdad]);
  });

  it('suggests it for a misspelt id, as with built-in topics', async () => {
    const { reply, text } = await ask(bed, '/brief meetings topic:maritime-securty');
    expect(reply.error?.code).toBe('bad-option');
    expect(text).toContain('`topic:maritime-security`');
  });

  it('can be subscribed to', async () => {
    const { reply } = await ask(bed, '/brief subscribe topic:maritime-security');
    expect(reply.error).toBeUndefined();
    expect((await bed.store.subscriptions.listFor(`user:${USER}`)).map((s) => s.filter)).toEqual(['topic:maritime-security']);
  });
});
