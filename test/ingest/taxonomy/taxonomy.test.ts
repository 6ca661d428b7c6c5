import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTopicsFile } from '../../../src/config.js';
import { extract } from '../../../src/ingest/extract/index.js';
import { BUILT_IN_TOPICS, createTaxonomy } from '../../../src/ingest/taxonomy.js';

const dir = mkdtempSync(join(tmpdir(), 'briefbot-taxonomy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** User topics as the bot gets them: written to a file and read through the config's validation. */
function userTopics(topics: unknown[]) {
  const file = join(dir, `topics-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ topics }));
  return readTopicsFile(file);
}

const MARITIME = {
  id: 'maritime-security',
  label: 'Maritime security',
  phrases: ['maritime security', 'piracy', 'naval (?:patrols?|escorts?)', 'shipping lanes?'],
  exclude: ['software piracy'],
  description: 'Piracy, patrols and safe shipping',
};

// Briefings written for this test.
const SALIENT = {
  title: 'Coalition partners discuss maritime security off the West African coast',
  text: 'ACCRA, June 20 - Experts of the Global Coalition met in Accra on Tuesday to discuss maritime security in the Gulf of Guinea. Delegates reviewed piracy cases and how naval patrols could share what they see. They agreed to meet again in September.',
  published: '2023-06-20',
};
const IN_PASSING = {
  title: 'Stabilization experts meet in Baghdad',
  text: 'BAGHDAD, June 21 - The Stabilization Working Group of the Global Coalition met in Baghdad on Wednesday to review projects in liberated areas. Delegates discussed water, schools and clinics in Mosul. One delegate recalled that the group had once funded a study on piracy.',
  published: '2023-06-21',
};

describe('a taxonomy with user topics', () => {
  const taxonomy = createTaxonomy(userTopics([MARITIME]));

  it('tags a user topic in a briefing that is about it', async () => {
    expect((await taxonomy.extract(SALIENT)).topics).toContain('maritime-security');
  });

  it('does not tag it from one passing mention, as with built-in topics', async () => {
    const topics = (await taxonomy.extract(IN_PASSING)).topics;
    expect(topics).not.toContain('maritime-security');
    expect(topics).toContain('stabilization');
  });

  it('keeps tagging the built-in topics exactly as the built-in taxonomy does', async () => {
    for (const doc of [SALIENT, IN_PASSING]) {
      const builtIn = extract(doc).topics;
      expect((await taxonomy.extract(doc)).topics.filter((t) => t !== 'maritime-security')).toEqual(builtIn);
    }
    expect(extract(SALIENT).topics).not.toContain('maritime-security');
  });

  it('lists user topics after the built-in ones, with their description', () => {
    expect(taxonomy.topics.map((t) => t.id)).toEqual([...BUILT_IN_TOPICS.map((t) => t.id), 'maritime-security']);
    expect(taxonomy.topics.at(-1)).toEqual({ id: 'maritime-security', label: 'Maritime security', description: 'Piracy, patrols and safe shipping' });
  });

  it('honours a user topic\'s exclude phrases and salience', async () => {
    const strict = createTaxonomy(userTopics([{ ...MARITIME, salience: 20 }]));
    expect((await strict.extract(SALIENT)).topics).not.toContain('maritime-security');
    const eager = createTaxonomy(userTopics([{ ...MARITIME, salience: 1 }]));
    expect((await eager.extract(IN_PASSING)).topics).toContain('maritime-security');
    const software = { ...IN_PASSING, text: IN_PASSING.text.replace('a study on piracy', 'a study on software piracy') };
    expect((await eager.extract(software)).topics).not.toContain('maritime-security');
  });

  it('copes with phrases using capturing groups and lookbehinds', async () => {
    const grouped = createTaxonomy(userTopics([{ ...MARITIME, phrases: ['(naval|coast guard) patrols', '(?<!non-)piracy'] }]));
    expect((await grouped.extract(SALIENT)).topics).toContain('maritime-security');
  });
});

describe('a user topic with a built-in id', () => {
  const LIPTAKO = {
    title: 'Experts review the tri-border area',
    text: 'NIAMEY, June 20 - Experts of the Global Coalition met in Niamey on Tuesday to discuss the tri-border area, where border communities face attacks.',
    published: '2023-06-20',
  };

  it('replaces that definition: its phrases, label and description, in the same place of the list', async () => {
    const sahelAt = BUILT_IN_TOPICS.findIndex((t) => t.id === 'sahel');
    expect(sahelAt).toBeGreaterThanOrEqual(0);
    expect(extract(LIPTAKO).topics).not.toContain('sahel');
    const tuned = createTaxonomy(userTopics([{ id: 'sahel', label: 'Sahel (tri-border)', phrases: ['tri-border area'], description: 'Only the tri-border area' }]));
    expect((await tuned.extract(LIPTAKO)).topics).toContain('sahel');
    // The built-in phrases are gone: the word Sahel alone no longer tags it.
    const plain = { title: 'Coalition officials discuss the Sahel', text: 'Officials met in Rome to talk about the Sahel and the Sahel.', published: '2023-06-20' };
    expect(extract(plain).topics).toContain('sahel');
    expect((await tuned.extract(plain)).topics).not.toContain('sahel');
    expect(tuned.topics).toHaveLength(BUILT_IN_TOPICS.length);
    expect(tuned.topics[sahelAt]).toEqual({ id: 'sahel', label: 'Sahel (tri-border)', description: 'Only the tri-border area' });
  });
});

describe('without user topics', () => {
  it('is the built-in taxonomy', async () => {
    const taxonomy = createTaxonomy();
    expect(taxonomy.topics).toEqual(BUILT_IN_TOPICS.map((t) => ({ id: t.id, label: t.label })));
    expect(await taxonomy.extract(SALIENT)).toEqual(extract(SALIENT));
  });
});
