import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchInbox } from '../../../src/ingest/pipeline/index.js';
import { RIYADH_LATER, ROME_WIRE } from './stories.js';
import { tempStore, type TempStore } from './temp-store.js';
import { waitUntil } from '../../helpers/wait-until.js';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(async () => {
  await t.close();
});

const waitFor = (check: () => boolean): Promise<void> => waitUntil(check, 8_000);

describe('watchInbox', () => {
  it('ingests files already there and files dropped in, moving good ones to processed/ and bad ones to failed/ with the reason', async () => {
    const dir = join(t.dir, 'inbox');
    mkdirSync(dir);
    writeFileSync(join(dir, 'rome.txt'), `Title: ${ROME_WIRE.title}\nPublished: ${ROME_WIRE.published}\n\n${ROME_WIRE.text}\n`);
    const settled: string[] = [];
    const inbox = await watchInbox(dir, { store: t.store, debounceMs: 50, onFile: (e) => settled.push(e.file) });
    try {
      await waitFor(() => settled.length === 1);
      // A writer that uses a temporary name and renames it into place.
      writeFileSync(join(dir, '.riyadh.md.tmp'), `# ${RIYADH_LATER.title}\n\n${RIYADH_LATER.text}\n`);
      renameSync(join(dir, '.riyadh.md.tmp'), join(dir, 'riyadh.md'));
      writeFileSync(join(dir, 'blank.txt'), '   \n');
      writeFileSync(join(dir, 'scan.pdf'), '%PDF-1.7 not really');
      await waitFor(() => settled.length === 4);
    } finally {
      await inbox.stop();
    }
    expect(readdirSync(join(dir, 'processed')).sort()).toEqual(['riyadh.md', 'rome.txt']);
    expect(readdirSync(join(dir, 'failed')).sort()).toEqual(['blank.txt', 'blank.txt.error.txt', 'scan.pdf', 'scan.pdf.error.txt']);
    expect(readFileSync(join(dir, 'failed', 'blank.txt.error.txt'), 'utf8')).toMatch(/empty/);
    expect(readFileSync(join(dir, 'failed', 'scan.pdf.error.txt'), 'utf8')).toContain('scan.pdf');
    expect(readdirSync(dir).sort()).toEqual(['failed', 'processed']);
    expect(await t.store.documents.count()).toBe(2);
  });

  it('moves a second copy aside under a new name and counts it as a duplicate', async () => {
    const dir = join(t.dir, 'inbox');
    mkdirSync(dir);
    const outcomes: string[] = [];
    const inbox = await watchInbox(dir, { store: t.store, debounceMs: 50, onFile: (e) => outcomes.push(e.result?.outcome ?? 'failed') });
    try {
      const body = `Title: ${ROME_WIRE.title}\n\n${ROME_WIRE.text}\n`;
      writeFileSync(join(dir, 'rome.txt'), body);
      await waitFor(() => outcomes.length === 1);
      writeFileSync(join(dir, 'rome.txt'), body);
      await waitFor(() => outcomes.length === 2);
    } finally {
      await inbox.stop();
    }
    expect(outcomes).toEqual(['new', 'duplicate']);
    expect(readdirSync(join(dir, 'processed')).sort()).toEqual(['rome-1.txt', 'rome.txt']);
    expect(existsSync(join(dir, 'rome.txt'))).toBe(false);
  });
});
