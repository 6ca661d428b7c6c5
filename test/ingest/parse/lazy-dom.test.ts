import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'briefbot-lazy-dom-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads `file` with readLocalFile in a fresh process; says whether linkedom and Readability got loaded. */
function loadedAfterReading(file: string): { dom: boolean; readability: boolean; text: string } {
  // Modules loaded either way count: through import (seen by a load hook) or through require.
  const script = `
    import { createRequire, register } from 'node:module';
    import { MessageChannel } from 'node:worker_threads';
    const { port1, port2 } = new MessageChannel();
    const imported = [];
    port1.on('message', (url) => imported.push(url));
    const hook = 'let port; export function initialize(d) { port = d.port; }' +
      ' export async function load(url, context, next) { port.postMessage(url); return next(url, context); }';
    register('data:text/javascript,' + encodeURIComponent(hook), { data: { port: port2 }, transferList: [port2] });
    const { readLocalFile } = await import(${JSON.stringify(join(root, 'src/ingest/parse/index.ts'))});
    const doc = await readLocalFile(${JSON.stringify(file)});
    await new Promise((r) => setTimeout(r, 100));
    port1.close();
    const loaded = [...imported, ...Object.keys(createRequire(import.meta.url).cache)];
    console.log(JSON.stringify({
      dom: loaded.some((p) => p.includes('/node_modules/linkedom/')),
      readability: loaded.some((p) => p.includes('/node_modules/@mozilla/readability/')),
      text: doc.text,
    }));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as { dom: boolean; readability: boolean; text: string };
}

describe('the DOM libraries load only for HTML', () => {
  it('reads a plain-text briefing without loading linkedom or Readability', () => {
    const file = join(dir, 'brief.txt');
    writeFileSync(file, 'Title: Focus Group meets\nPublished: 2031-03-04\n\nThe Africa Focus Group met in Niamey on 3 March 2031.\n');
    expect(loadedAfterReading(file)).toEqual({ dom: false, readability: false, text: 'The Africa Focus Group met in Niamey on 3 March 2031.' });
  });

  it('loads both when it reads a web page, and takes its main text', () => {
    const file = join(dir, 'page.html');
    const story = 'The Africa Focus Group met in Niamey on 3 March 2031 and agreed a plan for the region. '.repeat(4);
    writeFileSync(file, `<html><head><title>Focus Group meets</title></head><body><nav>Home | World</nav><article><h1>Focus Group meets</h1><p>${story}</p></article></body></html>`);
    const read = loadedAfterReading(file);
    expect(read.dom).toBe(true);
    expect(read.readability).toBe(true);
    expect(read.text).toContain('agreed a plan for the region');
    expect(read.text).not.toContain('Home | World');
  });
});
