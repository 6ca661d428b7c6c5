import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDataDir, runNode } from './run-bot.js';
import { writeMaritimeFiles } from './support/maritime-files.js';

const dir = freshDataDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { topicsFile, briefing } = writeMaritimeFiles(dir);

const topicsOf = (stdout: string): string[] => (JSON.parse(stdout.trim()) as { topics: string[] }).topics;

describe('TOPICS_FILE', () => {
  it('makes briefbot extract --json tag the user topic', async () => {
    const env = { DATA_DIR: join(dir, 'data-extract'), TOPICS_FILE: topicsFile };
    const withFile = await runNode(['src/cli.ts', 'extract', '--json', briefing], { env });
    expect(withFile.stderr).toBe('');
    expect(withFile.code).toBe(0);
    expect(topicsOf(withFile.stdout)).toContain('maritime-security');
    const without = await runNode(['src/cli.ts', 'extract', '--json', briefing], { env: { DATA_DIR: env.DATA_DIR } });
    expect(topicsOf(without.stdout)).not.toContain('maritime-security');
    expect(topicsOf(without.stdout)).toEqual(topicsOf(withFile.stdout).filter((t) => t !== 'maritime-security'));
  });

  it('is one taxonomy for briefbot ingest and the bot: the stored meeting is tagged and the shell lists and filters the topic', async () => {
    const env = { DATA_DIR: join(dir, 'data-bot'), TOPICS_FILE: topicsFile, SEED_SAMPLES: 'false' };
    const ingested = await runNode(['src/cli.ts', 'ingest', briefing], { env });
    expect(ingested.code).toBe(0);
    expect(ingested.stdout).toContain('1 new');
    const shell = await runNode(['src/main.ts'], { input: '/brief topics page:2\n/brief meetings topic:maritime-security\n', env });
    expect(shell.stderr).toBe('');
    expect(shell.code).toBe(0);
    // Counts cover the last 30 days of the real clock, which this 2023 briefing is outside of.
    expect(shell.stdout).toMatch(/• maritime-security Maritime security: \d+ meetings? · Piracy, patrols and safe shipping/);
    expect(shell.stdout).toMatch(/#1 · 20 Jun 2023 · .*Accra/);
  });

  it.each([['src/cli.ts', 'extract', '--json', briefing], ['src/main.ts']])('stops %s on a bad file with one clear line and no stack trace', async (...args) => {
    const bad = join(dir, 'bad-topics.json');
    writeFileSync(bad, JSON.stringify({ topics: [{ id: 'piracy', label: 'Piracy', phrases: ['pirac(y'] }] }));
    const result = await runNode(args, { env: { DATA_DIR: join(dir, 'data-bad'), TOPICS_FILE: bad } });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^briefbot: TOPICS_FILE: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: topics\\[0\\] \\(id "piracy"\\): phrases\\[0\\]: "pirac\\(y" is not a valid regular expression .+\\n$`));
  });
});
