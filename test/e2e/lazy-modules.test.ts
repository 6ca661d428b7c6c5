import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Every process counts the memory of what it loads: these paths must not load the heavy modules
// (or the heavy entry points of libraries) that they do not need. Each runs in a fresh process.
const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'briefbot-lazy-modules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const folder = join(dir, 'briefings');
mkdirSync(folder);
writeFileSync(join(folder, 'brief.txt'), 'Title: Focus Group meets\nPublished: 2031-03-04\n\nThe Africa Focus Group met in Niamey on 3 March 2031.\n');

interface Run {
  stdout: string;
  /** Every module file loaded, through import (seen by a load hook) or through require, as paths. */
  loaded: string[];
}

/** Runs the `briefbot` bin with `args`, recording on the main thread every module it loads. */
function briefbot(args: string[], name: string): Run {
  const record = join(dir, `${name}.loaded`);
  writeFileSync(record, '');
  const hook =
    `import { appendFileSync } from 'node:fs';` +
    ` export async function load(url, context, next) { appendFileSync(${JSON.stringify(record)}, url + '\\n'); return next(url, context); }`;
  const preload =
    `import { createRequire, register } from 'node:module'; import { appendFileSync } from 'node:fs';` +
    ` register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));` +
    ` process.on('exit', () => appendFileSync(${JSON.stringify(record)}, Object.keys(createRequire(${JSON.stringify(root)}).cache).join('\\n') + '\\n'));`;
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: join(dir, `${name}-data`), SEED_SAMPLES: 'false' };
  const stdout = execFileSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(preload)}`, 'src/bin/briefbot.mjs', ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  return { stdout, loaded: paths(readFileSync(record, 'utf8')) };
}

/** The extractor's modules as its thread loads them (tsx's require hook), after one document. */
function extractorModules(): { start: string | null; loaded: string[] } {
  const script = `
    require('tsx/cjs/api').register();
    const { extractorFor } = require('./src/ingest/extract/extractor-for.ts');
    const facts = extractorFor([])({ text: 'ROME, 3 March - The Small Group met in Rome on 3 March 2031.', title: null, published: null });
    console.log(JSON.stringify({ start: facts.meetings[0]?.start ?? null, loaded: Object.keys(require.cache) }));`;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  const { start, loaded } = JSON.parse(out.trim().split('\n').pop()!) as { start: string | null; loaded: string[] };
  return { start, loaded: paths(loaded.join('\n')) };
}

const paths = (lines: string): string[] =>
  lines
    .split('\n')
    .filter(Boolean)
    .map((l) => (l.startsWith('file:') ? fileURLToPath(l) : l));

const packageLoaded = (loaded: string[], name: string) => loaded.some((p) => p.includes(`/node_modules/${name}/`));
const ours = (loaded: string[]) => [...new Set(loaded.filter((p) => p.startsWith(root) && !p.includes('/node_modules/')).map((p) => p.slice(root.length)))].sort();
/** The whole index of date-fns (all ~250 functions), not one function's own entry. */
const dateFnsIndex = (loaded: string[]) => loaded.some((p) => /\/node_modules\/date-fns\/index\.c?js$/.test(p));

describe('modules a path does not need stay unloaded', () => {
  it('briefbot --help loads only the CLI itself', () => {
    const run = briefbot(['--help'], 'help');
    expect(run.stdout).toContain('Usage: briefbot <command>');
    expect(ours(run.loaded)).toEqual(['src/bin/briefbot.mjs', 'src/cli.ts']);
    for (const name of ['zod', 'pino', 'date-fns', 'better-sqlite3', 'node-cron']) expect(packageLoaded(run.loaded, name), name).toBe(false);
  });

  it('briefbot ingest loads no command, digest, scheduler or platform, nor date-fns or node-cron', () => {
    const run = briefbot(['ingest', folder], 'ingest');
    expect(run.stdout).toBe('1 read, 1 new, 0 duplicates, 1 meetings created, 0 merged, 0 failures\n');
    const loaded = ours(run.loaded);
    expect(loaded).toContain('src/ingest/pipeline/index.ts');
    expect(loaded.filter((p) => /^(commands|digests|src\/schedule|src\/platforms)\//.test(p) || p === 'src/main.ts')).toEqual([]);
    for (const name of ['date-fns', '@date-fns/tz', 'node-cron', 'cronstrue']) expect(packageLoaded(run.loaded, name), name).toBe(false);
  });

  it('a command loads one date-fns function, not the whole package', () => {
    const run = briefbot(['ask', '/brief help'], 'ask');
    expect(run.stdout).toContain('meetings');
    expect(packageLoaded(run.loaded, 'date-fns')).toBe(true);
    expect(dateFnsIndex(run.loaded)).toBe(false);
  });

  it("the extractor loads chrono-node's English parsers only and one date-fns function, and still reads dates", () => {
    const { start, loaded } = extractorModules();
    expect(start).toBe('2031-03-03');
    const chrono = loaded.filter((p) => p.includes('/node_modules/chrono-node/'));
    expect(chrono.some((p) => p.includes('/locales/en/'))).toBe(true);
    expect(chrono.filter((p) => /\/locales\/(?!en\/)/.test(p))).toEqual([]);
    expect(chrono.filter((p) => /\/chrono-node\/dist\/cjs\/index\.js$/.test(p))).toEqual([]);
    expect(dateFnsIndex(loaded)).toBe(false);
  });
});
