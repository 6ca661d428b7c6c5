import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIngestibleFiles, readLocalFile } from '../../../src/ingest/parse/index.js';
import { expectParseError } from './expect-parse-error.js';
import { fixture } from './fixtures.js';

let dir: string;
const p = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefbot-local-'));
  await mkdir(p('inbox/nested'), { recursive: true });
  await mkdir(p('inbox/.hidden'), { recursive: true });
  await writeFile(
    p('inbox/briefing.txt'),
    'Title: Envoys meet in Dakar\nSource: Wire desk\nPublished: 2025-06-07\n\nEnvoys met in Dakar on Saturday.\n\nThey agreed to meet again in September.\n',
  );
  await writeFile(p('inbox/no-header.txt'), 'Just a note that the meeting happened.\nSecond line.\n');
  await writeFile(
    p('released.txt'),
    'Title: Ministry note on the Rome talks\nSource: https://www.mfa.gov.example/news/rome-talks\nPublished: 2025-06-09\n\nThe Minister attended the talks in Rome.\n',
  );
  await writeFile(
    p('inbox/nested/report.md'),
    '---\ndate: 2025-06-08\n---\n# Working group report\n\nThe **working group** met in [Doha](https://example.org/doha).\n\n## Outcomes\n\n- Agreed a *timetable*\n- Named two `co-chairs`\n\n> Quoted remark from a delegate.\n',
  );
  await writeFile(p('inbox/nested/page.htm'), fixture('article-abuja.html'));
  await writeFile(p('inbox/.hidden/secret.txt'), 'hidden');
  await writeFile(p('inbox/picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await writeFile(p('empty.txt'), '');
  await writeFile(p('blank.md'), '  \n\n \n');
  await writeFile(p('header-only.txt'), 'Title: Nothing here\nSource: x\n\n');
  await writeFile(p('one-line.txt'), 'a'.repeat(1024 * 1024));
  await writeFile(p('binary.txt'), Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x00, 0x01, 0x02, 0xff]));
  await writeFile(p('latin1.txt'), Buffer.from('Title: Réunion\n\nLa réunion a eu lieu à Niamey.\n', 'latin1'));
  await writeFile(p('notes.pdf'), '%PDF-1.4');
  // A named pipe with no writer: opening it the blocking way would wait forever.
  execFileSync('mkfifo', [p('pipe.txt')]);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('readLocalFile', () => {
  it('reads a briefing .txt: headers, then the body', async () => {
    const d = await readLocalFile(p('inbox/briefing.txt'));
    expect(d).toEqual({
      path: p('inbox/briefing.txt'),
      kind: 'text',
      title: 'Envoys meet in Dakar',
      text: 'Envoys met in Dakar on Saturday.\n\nThey agreed to meet again in September.',
      published: '2025-06-07',
      source: 'Wire desk',
      url: null,
    });
  });

  it('takes a Source: that is an address as where the text was published, its site as the outlet', async () => {
    const d = await readLocalFile(p('released.txt'));
    expect(d).toMatchObject({ url: 'https://www.mfa.gov.example/news/rome-talks', source: 'mfa.gov.example', title: 'Ministry note on the Rome talks' });
  });

  it('reads a .txt without headers as all body', async () => {
    const d = await readLocalFile(p('inbox/no-header.txt'));
    expect(d.title).toBeNull();
    expect(d.text).toBe('Just a note that the meeting happened.\nSecond line.');
  });

  it('reads Markdown: title from the first # heading, plain text body, front-matter date', async () => {
    const d = await readLocalFile(p('inbox/nested/report.md'));
    expect(d.kind).toBe('markdown');
    expect(d.title).toBe('Working group report');
    expect(d.published).toBe('2025-06-08T00:00:00.000Z');
    expect(d.text).toBe('The working group met in Doha.\n\nOutcomes\n\nAgreed a timetable\nNamed two co-chairs\n\nQuoted remark from a delegate.');
  });

  it('reads HTML through article extraction', async () => {
    const d = await readLocalFile(p('inbox/nested/page.htm'));
    expect(d.kind).toBe('html');
    expect(d.title).toBe('Africa focus group meets in Abuja');
    expect(d.published).toBe('2025-06-04T06:45:00.000Z');
    expect(d.text).not.toContain('cookies');
    expect(d.text.split('\n\n')).toHaveLength(5);
  });

  it('decodes an undeclared Latin-1 text file as windows-1252 when it is not valid UTF-8', async () => {
    const d = await readLocalFile(p('latin1.txt'));
    expect(d.title).toBe('Réunion');
    expect(d.text).toBe('La réunion a eu lieu à Niamey.');
  });

  it.each([
    ['does-not-exist.txt', 'not-found'],
    ['empty.txt', 'empty'],
    ['blank.md', 'empty'],
    ['header-only.txt', 'empty'],
    ['one-line.txt', 'line-too-long'],
    ['binary.txt', 'binary'],
    ['notes.pdf', 'unsupported-type'],
    ['inbox', 'not-a-file'],
    ['pipe.txt', 'not-a-file'],
  ] as const)('refuses %s with %s, naming the path', async (name, code) => {
    await expectParseError(() => readLocalFile(p(name)), code, p(name));
  });

  it('refuses a file over the size cap', async () => {
    await expectParseError(() => readLocalFile(p('inbox/briefing.txt'), { maxBytes: 10 }), 'too-large', p('inbox/briefing.txt'));
  });
});

describe('listIngestibleFiles', () => {
  it('lists .txt/.md/.htm files recursively, sorted, skipping hidden folders and other types', async () => {
    expect(await listIngestibleFiles(p('inbox'))).toEqual([
      p('inbox/briefing.txt'),
      p('inbox/nested/page.htm'),
      p('inbox/nested/report.md'),
      p('inbox/no-header.txt'),
    ]);
  });

  it('returns a single ingestible file as itself', async () => {
    expect(await listIngestibleFiles(p('inbox/briefing.txt'))).toEqual([p('inbox/briefing.txt')]);
  });

  it('refuses a missing path and an unsupported single file', async () => {
    await expectParseError(() => listIngestibleFiles(p('nowhere')), 'not-found', p('nowhere'));
    await expectParseError(() => listIngestibleFiles(p('notes.pdf')), 'unsupported-type', p('notes.pdf'));
  });
});
