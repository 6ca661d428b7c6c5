/**
 * Ingestion throughput against a floor measured in the same run.
 *
 *   node --import tsx bench/ingest.ts [--docs 5000] [--rounds 3]
 *
 * Texts: 5,000 reports of generated meetings, as long as real briefings (about 1,500 characters;
 * the texts we measure the extractor on average 1,600), syndicated copies among them. The target
 * is set on those; the same measure over wire briefs half as long is printed beside it, for
 * information: short texts weigh the per-document work against the floor's per-character work.
 *
 * Floor: one bare wink-nlp pass (readDoc + sentences) over the same texts.
 * Pipeline: `briefbot ingest FOLDER`'s path over the texts written as briefing files: read,
 * extract on the extractor thread (the next files read and extracted ahead), dedupe, merge and
 * store into a temp SQLite file. The extractor alone is timed too, so a slow run says where the
 * time goes.
 *
 * The floor, the extractor alone and the pipeline each run in a child process of their own, in
 * turn for each round (the floor just before and just after the pipeline, averaged), and the
 * median round is reported: the pipeline's peak memory is then its
 * own (one process used to hold the floor's wink model beside the extractor's, and the garbage
 * of a first extraction pass over the whole corpus), and on a shared machine one busy moment
 * does not decide the figure.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArticles, type ArticleLength } from './ingest-corpus.js';
import { corpus, extractorPhase, floorPhase, pipelinePhase, type FloorResult, type PipelineResult } from './ingest-phases.js';

const option = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const COUNT = Number(option('--docs') ?? 5000);
const ROUNDS = Number(option('--rounds') ?? 3);
const PHASE = option('--phase');
const LENGTH: ArticleLength = option('--length') === 'brief' ? 'brief' : 'article';
const TARGET_RATIO = 0.4;
const RSS_LIMIT_MB = 300;

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
const rate = (n: number, ms: number): number => (n * 1000) / ms;

/** The articles written as briefing files in a new temp folder, and how many meetings they report. */
function writeCorpus(length: ArticleLength): { dir: string; folder: string; generated: number } {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-bench-'));
  const folder = join(dir, 'briefings');
  mkdirSync(folder);
  const width = String(COUNT).length;
  const articles = generateArticles(COUNT, undefined, length);
  articles.forEach((a, i) => writeFileSync(join(folder, `${String(i).padStart(width, '0')}.txt`), a.raw));
  return { dir, folder, generated: new Set(articles.map((a) => a.meetingKey)).size };
}

function child<T>(phase: 'floor' | 'extractor' | 'pipeline' | 'stages', length: ArticleLength = 'article', folder?: string): T {
  const args = [...process.execArgv, fileURLToPath(import.meta.url), '--phase', phase, '--docs', String(COUNT), '--length', length, ...(folder ? ['--folder', folder] : [])];
  const out = execFileSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (PHASE === 'floor') console.log(JSON.stringify(await floorPhase(COUNT, LENGTH)));
else if (PHASE === 'extractor') console.log(JSON.stringify(await extractorPhase(COUNT, LENGTH)));
else if (PHASE === 'pipeline') console.log(JSON.stringify(await pipelinePhase(false, option('--folder')!)));
else if (PHASE === 'stages') console.log(JSON.stringify(await pipelinePhase(true, option('--folder')!)));
else {
  const raws = corpus(COUNT, LENGTH);
  console.log(`${raws.length} generated articles, ${(raws.reduce((n, r) => n + r.length, 0) / raws.length).toFixed(0)} characters on average; ${ROUNDS} rounds`);
  const { floors, extractors, pipes, at, generated, folder, dir } = rounds('article');
  const f = floors[at]!;
  const p = pipes[at]!;
  const e = extractors[at]!;
  const floor = rate(COUNT, f.ms);
  const pipeline = rate(COUNT, p.ms);
  const extractOnly = rate(COUNT, e.ms);
  const ratio = pipeline / floor;
  const peak = Math.max(...pipes.map((x) => x.rss));
  console.log(`median round (${at + 1}):`);
  console.log(`floor (wink-nlp readDoc + sentences): ${floor.toFixed(0)} docs/s (${f.sentences} sentences)`);
  console.log(`extractor alone:                     ${extractOnly.toFixed(0)} docs/s = ${((100 * extractOnly) / floor).toFixed(1)}% of the floor (${((100 * e.ms) / p.ms).toFixed(0)}% of pipeline time)`);
  console.log(`full pipeline (read, parse, extract on a worker, dedupe, merge, SQLite): ${pipeline.toFixed(0)} docs/s`);
  console.log(`ratio pipeline/floor: ${(100 * ratio).toFixed(1)}% (target >= ${100 * TARGET_RATIO}%)`);
  console.log(
    `by CPU time: floor ${rate(COUNT, f.cpu).toFixed(0)}, extractor ${rate(COUNT, e.cpu).toFixed(0)}, pipeline ${rate(COUNT, p.cpu).toFixed(0)} docs/s; ratio ${((100 * f.cpu) / p.cpu).toFixed(1)}%, extractor alone ${((100 * f.cpu) / e.cpu).toFixed(1)}% of the floor`,
  );
  console.log(`pipeline peak RSS: ${mb(peak)} MB, highest of ${ROUNDS} rounds (target < ${RSS_LIMIT_MB} MB); floor process ${mb(Math.max(...floors.map((x) => x.rss)))} MB, extractor alone ${mb(Math.max(...extractors.map((x) => x.rss)))} MB`);
  console.log(`stored: ${p.stored} (${generated} generated)`);
  // Timing each store call slows the pipeline by some 5 %, so the stages come from a run of their own.
  const staged = child<PipelineResult>('stages', 'article', folder);
  rmSync(dir, { recursive: true, force: true });
  console.log(`pipeline main-thread time by stage, from one more run with each store call timed (${rate(COUNT, staged.ms).toFixed(0)} docs/s), ms per document:`);
  for (const [label, ms] of staged.stages) console.log(`  ${label.padEnd(42)} ${(ms / COUNT).toFixed(2)}`);
  // Both cores are mostly busy, so what each thread costs says more than the wall clock of either.
  if (p.threads) {
    const per = (ms: number): string => (ms / COUNT).toFixed(2);
    console.log(
      `pipeline CPU by thread, ms per document: main ${per(p.threads.main)}, extractor thread ${per(p.threads.busiest)}, ` +
        `other threads (V8's collectors, libuv) ${per(p.threads.rest)}; ${per(p.threads.main + p.threads.busiest + p.threads.rest)} in all, in ${per(p.ms)} of wall time`,
    );
  }
  console.log(
    `extractor on its worker thread, beside the main thread: ${(p.extractorMs / Math.max(1, p.extracted)).toFixed(2)} ms per extracted document ` +
      `(${p.extracted} extracted, ${(p.extractorMs / COUNT).toFixed(2)} ms per document read)`,
  );
  // Short texts weigh the per-document work (store, merge) against the floor's per-character
  // work: shown beside the target, so neither figure is read without the other.
  const short = rounds('brief');
  rmSync(short.dir, { recursive: true, force: true });
  const sf = short.floors[short.at]!;
  const sp = short.pipes[short.at]!;
  console.log(
    `wire briefs (${(corpus(COUNT, 'brief').reduce((n, r) => n + r.length, 0) / COUNT).toFixed(0)} characters on average), median round: floor ${rate(COUNT, sf.ms).toFixed(0)}, ` +
      `pipeline ${rate(COUNT, sp.ms).toFixed(0)} docs/s, ratio ${((100 * sf.ms) / sp.ms).toFixed(1)}% (for information: the target is set on articles of real length)`,
  );
  const ok = ratio >= TARGET_RATIO && peak < RSS_LIMIT_MB * 1024 * 1024;
  console.log(ok ? 'PASS' : 'BELOW TARGET');
}

/** ROUNDS rounds of floor, pipeline and extractor alone over texts of one length, and the median round by ratio. */
interface Rounds {
  floors: FloorResult[];
  extractors: FloorResult[];
  pipes: PipelineResult[];
  /** The median round. */
  at: number;
  /** Meetings the corpus reports, and the folder it was written to (the caller removes `dir`). */
  generated: number;
  folder: string;
  dir: string;
}

function rounds(length: ArticleLength): Rounds {
  const corpusFiles = writeCorpus(length);
  const floors: FloorResult[] = [];
  const extractors: FloorResult[] = [];
  const pipes: PipelineResult[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // The floor is run just before and just after the pipeline and their mean taken: on a shared
    // machine whose speed drifts, one floor run on one side would lean the ratio with the drift.
    const before = child<FloorResult>('floor', length);
    pipes.push(child('pipeline', length, corpusFiles.folder));
    const after = child<FloorResult>('floor', length);
    floors.push({ ms: (before.ms + after.ms) / 2, cpu: (before.cpu + after.cpu) / 2, sentences: before.sentences, rss: Math.max(before.rss, after.rss) });
    extractors.push(child('extractor', length));
    const f = floors[r]!;
    const p = pipes[r]!;
    console.log(
      `  ${length === 'brief' ? 'briefs ' : ''}round ${r + 1}: floor ${rate(COUNT, f.ms).toFixed(0)}, pipeline ${rate(COUNT, p.ms).toFixed(0)} docs/s (${((100 * f.ms) / p.ms).toFixed(1)}%); ` +
        `by CPU ${((100 * f.cpu) / p.cpu).toFixed(1)}%; pipeline peak RSS ${mb(p.rss)} MB`,
    );
  }
  // The median round by wall-clock ratio, so every figure printed comes from one round.
  const ratios = pipes.map((p, i) => floors[i]!.ms / p.ms);
  return { floors, extractors, pipes, at: ratios.indexOf(median(ratios)), ...corpusFiles };
}
