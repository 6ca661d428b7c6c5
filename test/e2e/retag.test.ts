import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger, type Meeting } from '../../src/core/index.js';
import { openStore } from '../../src/store/open.js';
import { describePostgres, freshSchema } from '../helpers/postgres.js';
import { freshDataDir, runNode } from './run-bot.js';
import { writeMaritimeFiles } from './support/maritime-files.js';

const dir = freshDataDir();
let schema: Awaited<ReturnType<typeof freshSchema>> | undefined;
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await schema?.drop();
});

const { topicsFile, briefing } = writeMaritimeFiles(dir);
const badFile = join(dir, 'bad-topics.json');
writeFileSync(badFile, JSON.stringify({ topics: [{ id: 'piracy', label: 'Piracy', phrases: ['pirac(y'] }] }));

/** Every stored meeting, read straight from the store the commands used. */
async function storedMeetings(env: Record<string, string>): Promise<Meeting[]> {
  const store = await openStore(env.DATABASE_URL, { dataDir: env.DATA_DIR, log: silentLogger });
  try {
    return (await store.meetings.list({ limit: 10, includeSecondary: true })).items;
  } finally {
    await store.close();
  }
}

/** The whole story on one store: ingest before the file exists, a refused bad file, retag, retag again. */
async function retagStory(env: Record<string, string>, kind: string): Promise<void> {
  const withFile = { ...env, TOPICS_FILE: topicsFile };
  expect((await runNode(['src/cli.ts', 'ingest', briefing], { env })).code).toBe(0);
  const before = await storedMeetings(env);
  expect(before).toHaveLength(1);
  expect(before[0]!.topics).not.toContain('maritime-security');

  const bad = await runNode(['src/cli.ts', 'retag'], { env: { ...env, TOPICS_FILE: badFile } });
  expect(bad.code).toBe(2);
  expect(bad.stdout).toBe('');
  expect(bad.stderr).toMatch(new RegExp(`^briefbot: TOPICS_FILE: ${badFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: topics\\[0\\] \\(id "piracy"\\): phrases\\[0\\]: .+\\n$`));
  expect(await storedMeetings(env)).toEqual(before);

  const first = await runNode(['src/cli.ts', 'retag'], { env: withFile });
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.stdout).toBe(`1 document read: 1 document and 1 meeting with new topics (${kind})\n`);
  const after = await storedMeetings(env);
  expect(after[0]!.topics).toEqual([...before[0]!.topics, 'maritime-security']);
  expect({ ...after[0], topics: [] }).toEqual({ ...before[0], topics: [] });

  const asked = await runNode(['src/cli.ts', 'ask', '/brief meetings topic:maritime-security'], { env: withFile });
  expect(asked.code).toBe(0);
  expect(asked.stdout).toMatch(/#\d+ · 20 Jun 2023 · .*Accra/);

  const again = await runNode(['src/cli.ts', 'retag'], { env: withFile });
  expect(again.code).toBe(0);
  expect(again.stdout).toBe(`1 document read: every topic is already up to date, nothing changed (${kind})\n`);

  const extra = await runNode(['src/cli.ts', 'retag', 'now'], { env: withFile });
  expect(extra.code).toBe(2);
  expect(extra.stderr).toContain('retag takes no arguments');
}

// Seven process starts of about two seconds each: more than the default per-test limit on a busy machine.
const STORY_TIMEOUT_MS = 90_000;

describe('briefbot retag', () => {
  it('re-tags the SQLite store with TOPICS_FILE, refuses a bad file with one line and exit 2, and a second run changes nothing', async () => {
    await retagStory({ DATA_DIR: join(dir, 'data-sqlite'), SEED_SAMPLES: 'false' }, 'sqlite');
  }, STORY_TIMEOUT_MS);
});

describePostgres('briefbot retag on PostgreSQL', () => {
  it('does the same on a DATABASE_URL store', async () => {
    schema = await freshSchema('retag');
    await retagStory({ DATA_DIR: join(dir, 'data-pg'), SEED_SAMPLES: 'false', DATABASE_URL: schema.url }, 'postgres');
  }, STORY_TIMEOUT_MS);
});
