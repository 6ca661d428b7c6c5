import { describe, expect, it } from 'vitest';
import { freshDataDir, runNode } from './run-bot.js';

describe('npm start with piped input (the shell)', () => {
  it('lists the Niamey meeting and the help, then exits 0 at end of input', async () => {
    const dataDir = freshDataDir();
    const result = await runNode(['src/main.ts'], { input: '/brief meetings\n/brief help\n', env: { DATA_DIR: dataDir } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Africa Focus Group/);
    expect(result.stdout).toMatch(/Niamey/);
    expect(result.stdout).toMatch(/meetings/);
    expect(result.stdout).toMatch(/subscribe/);
    expect(result.stdout).not.toContain('[object Object]');
  });

  it('answers bad input with guidance and keeps going', async () => {
    const dataDir = freshDataDir();
    const long = `search ${'x'.repeat(10_000)}`;
    const input = ['', 'meetngs', 'meetings body:"Africa', long, '\u0001\u0002', '🛰️ 🇳🇪', 'meetings for:channel', 'topics'].join('\n');
    const result = await runNode(['src/main.ts'], { input: `${input}\n`, env: { DATA_DIR: dataDir } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('/brief meetings');
    expect(result.stdout).toContain('never closed');
    expect(result.stdout).toContain('limit is 2,000');
    expect(result.stdout).toMatch(/has no option `for:`/);
    expect(result.stdout).toMatch(/sahel/i);
    expect(result.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('migrates and seeds a fresh data directory once; a second start adds nothing', async () => {
    const dataDir = freshDataDir();
    const first = await runNode(['src/cli.ts', 'meetings', '--json'], { env: { DATA_DIR: dataDir } });
    const second = await runNode(['src/cli.ts', 'meetings', '--json'], { env: { DATA_DIR: dataDir } });
    expect(first.code).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(second.stdout).toBe(first.stdout);
    // One JSON object per line, in the evaluation schema's meeting fields plus id, sources and summary.
    const meetings = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const m of meetings) {
      expect(typeof m).toBe('object');
      expect(Object.keys(m)).toEqual(expect.arrayContaining(['id', 'body', 'city', 'country', 'start', 'end', 'chairs', 'outcomes', 'primary', 'sources', 'summary']));
    }
    const niamey = meetings.find((m) => m.city === 'Niamey');
    expect(niamey).toMatchObject({ body: 'Africa Focus Group', country: 'Niger', start: '2023-03-01', end: '2023-03-02' });
    const urls = new Set((niamey!.sources as Array<{ url: string }>).map((s) => s.url));
    for (const s of niamey!.summary as Array<{ url: string }>) expect(urls).toContain(s.url);
  });
});

describe('briefbot ask', () => {
  it('suggests the right subcommand for a typo and exits 0', async () => {
    const result = await runNode(['src/cli.ts', 'ask', '/brief meetngs'], { env: { DATA_DIR: freshDataDir() } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Did you mean `/brief meetings`?');
  });

  it('says plainly when a command is not built and exits non-zero', async () => {
    const result = await runNode(['src/cli.ts', 'frobnicate'], { env: { DATA_DIR: freshDataDir() } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
  });

  it('refuses a bad setting with one line naming it', async () => {
    const result = await runNode(['src/cli.ts', 'ask', 'meetings'], { env: { DATA_DIR: freshDataDir(), DEFAULT_TIMEZONE: 'Nowhere/Land' } });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/^briefbot: DEFAULT_TIMEZONE: expected an IANA timezone/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
