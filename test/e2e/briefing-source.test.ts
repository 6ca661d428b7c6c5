/**
 * A briefing file whose `Source:` is an address is the text of that page: `briefbot extract`
 * and `briefbot ingest` read it alike (here, the publishing government's bilateral meeting),
 * and the stored meeting cites the page.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDataDir, runNode } from './run-bot.js';

const dir = freshDataDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ADDRESS = 'https://www.exteriores.gob.es/news/lisbon-ministerial';
const folder = join(dir, 'briefings');
mkdirSync(folder);
const file = join(folder, 'lisbon.txt');
writeFileSync(
  file,
  `Title: The Minister at the Coalition ministerial in Lisbon\nSource: ${ADDRESS}\nPublished: 2024-05-17\n\n` +
    'The Minister of Foreign Affairs took part today in the ministerial meeting of the Global Coalition to Defeat ISIS in Lisbon. ' +
    'On the sidelines of this meeting, the Minister met with his Chilean counterpart to discuss trade.\n',
);

interface Facts {
  meetings: Array<{ body: string; primary: boolean; city: string | null; start: string | null }>;
}

describe('a briefing whose Source: is an address', () => {
  it('is read by extract and ingest alike, and the stored meeting cites the page', async () => {
    const env = { DATA_DIR: join(dir, 'data'), SEED_SAMPLES: 'false' };
    const extracted = await runNode(['src/cli.ts', 'extract', '--json', file], { env });
    expect(extracted.code).toBe(0);
    const facts = JSON.parse(extracted.stdout.trim()) as Facts;
    expect(facts.meetings.map((m) => [m.body, m.primary, m.city, m.start])).toEqual([
      ['Global Coalition to Defeat ISIS', true, 'Lisbon', '2024-05-17'],
      ['Spain-Chile bilateral meeting', false, 'Lisbon', '2024-05-17'],
    ]);

    const ingested = await runNode(['src/cli.ts', 'ingest', folder], { env });
    expect(ingested.stdout).toBe('1 read, 1 new, 0 duplicates, 2 meetings created, 0 merged, 0 failures\n');
    const listed = await runNode(['src/cli.ts', 'meetings', '--json'], { env });
    const meetings = listed.stdout.trim().split('\n').map((l) => JSON.parse(l) as { body: string; sources: Array<{ url: string | null }> });
    expect(meetings.map((m) => m.body).sort()).toEqual(['Global Coalition to Defeat ISIS', 'Spain-Chile bilateral meeting']);
    for (const m of meetings) expect(m.sources.map((s) => s.url)).toEqual([ADDRESS]);
  });
});
