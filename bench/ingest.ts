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
// CPU time beside the wall clock: on a loaded machine the wall clock mostly measures waiting for a core.
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const maxRss = (): number => process.resourceUsage().maxRSS * 1024;

interface FloorResult {
  ms: number;
  cpu: number;
  sentences: number;
  rss: number;
}

interface PipelineResult {
  ms: number;
  cpu: number;
  rss: number;
  stored: string;
  /** Main-thread stages, in ms over the run (only in the separate `stages` run: timing them costs time). */
  stages: Array<[string, number]>;
  /** Time the extractor spent on its worker thread, overlapping the main thread's stages. */
  extractorMs: number;
  extracted: number;
}

// Made by each phase that needs them: the pipeline's process holds no corpus while it runs, as
// `briefbot ingest` holds none.
const corpus = (length: ArticleLength = LENGTH): string[] => generateArticles(COUNT, undefined, length).map((a) => a.raw);

/** The floor, in its own process: wink-nlp as anyone gets it, the shipped model with its default pipe. */
async function floorPhase(): Promise<FloorResult> {
  const { default: winkNLP } = await import('wink-nlp');
  const { default: model } = await import('wink-eng-lite-web-model');
  const { parseBriefingText } = await import('../src/ingest/extract/briefing-format.js');
  // The extractor's own instance drops stages no rule reads; that saving is the extractor's, so it
  // counts on its side of the ratio, not as a faster floor.
  const nlp = winkNLP(model);
  nlp.readDoc('Warm-up for the floor.');
  const raws = corpus();
  const t0 = performance.now();
  const c0 = cpuMs();
  let sentences = 0;
  for (const raw of raws) sentences += nlp.readDoc(parseBriefingText(raw).body).sentences().length();
  return { ms: performance.now() - t0, cpu: cpuMs() - c0, sentences, rss: maxRss() };
}

/** The extractor alone over the same texts, in its own process. */
async function extractorPhase(): Promise<FloorResult> {
  const { parseBriefingText } = await import('../src/ingest/extract/briefing-format.js');
  const { extract } = await import('../src/ingest/extract/extract.js');
  extract({ text: 'Warm-up: the Small Group met in Rome on 3 March 2031.', title: null, published: '2031-03-04' });
  const raws = corpus();
  const t0 = performance.now();
  const c0 = cpuMs();
  for (const raw of raws) {
    const b = parseBriefingText(raw);
    extract({ text: b.body.trim(), title: b.title, published: b.published });
  }
  return { ms: performance.now() - t0, cpu: cpuMs() - c0, sentences: 0, rss: maxRss() };
}

const STORE_CALLS = [
  ['documents', ['findByUrl', 'findByContentHash', 'nearDuplicateCandidates', 'get', 'getMany', 'add', 'addUrl']],
  ['meetings', ['candidates', 'create', 'update']],
] as const;

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

/**
 * The whole pipeline as `briefbot ingest FOLDER` runs it, in its own process: ingestPaths reads
 * the briefing files the parent wrote into a temp SQLite file, with the extractor on its worker
 * thread and the next files read ahead, a hundred per commit. The process never holds the
 * corpus: its peak memory is the pipeline's, as `briefbot ingest`'s would be.
 */
async function pipelinePhase(withStages: boolean, folder: string): Promise<PipelineResult> {
  const { silentLogger } = await import('../src/core/index.js');
  const { ingestPaths, READ_AHEAD } = await import('../src/ingest/pipeline/index.js');
  const { createTaxonomy } = await import('../src/ingest/taxonomy.js');
  const { openStore } = await import('../src/store/open.js');

  const dir = mkdtempSync(join(tmpdir(), 'briefbot-bench-db-'));
  const store = await openStore(join(dir, 'bench.db'), { log: silentLogger });
  const thread = createTaxonomy().startThread();
  // Started and warmed before the clock, as the floor's model is.
  await thread.extract({ text: 'Warm-up: the Small Group met in Rome on 3 March 2031.', title: null, published: '2031-03-04' });
  const warm = thread.stats();

  // Time spent in each store call, to say where the main thread's time goes.
  const stageMs = new Map<string, number>();
  const timed = <A extends unknown[], R>(label: string, f: (...a: A) => R) => (...a: A): R => {
    const t = performance.now();
    const r = f(...a);
    const done = (): void => void stageMs.set(label, (stageMs.get(label) ?? 0) + performance.now() - t);
    if (r instanceof Promise) return r.finally(done) as R;
    done();
    return r;
  };
  for (const [repo, methods] of withStages ? STORE_CALLS : []) {
    const target = store[repo] as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const m of methods) target[m] = timed(`store.${repo}.${m}`, target[m]!.bind(target));
  }

  const t0 = performance.now();
  const c0 = cpuMs();
  const elu0 = performance.eventLoopUtilization();
  const summary = await ingestPaths(store, [folder], { log: silentLogger, extract: thread.extract, readAhead: READ_AHEAD });
  const ms = performance.now() - t0;
  const cpu = cpuMs() - c0;
  // The main thread's idle time: waiting for the extractor thread or for a file to be read.
  const idle = performance.eventLoopUtilization(elu0).idle;
  const worker = thread.stats();
  await thread.close();
  const meetings = await store.meetings.count();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const accounted = [...stageMs.values()].reduce((x, y) => x + y, 0);
  return {
    ms,
    cpu,
    rss: maxRss(),
    stored: `${summary.new} new, ${summary.duplicates} duplicates, ${summary.failures.length} failures, ${summary.meetingsCreated} meetings created, ${summary.meetingsMerged} merged; ${meetings} meetings in the store`,
    stages: [
      ...[...stageMs].sort((x, y) => y[1] - x[1]),
      ['waiting (extractor thread, file reads)', idle],
      ['rest (read files, merge, summary)', ms - accounted - idle],
    ],
    extractorMs: worker.busyMs - warm.busyMs,
    extracted: worker.documents - warm.documents,
  };
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

if (PHASE === 'floor') console.log(JSON.stringify(await floorPhase()));
else if (PHASE === 'extractor') console.log(JSON.stringify(await extractorPhase()));
else if (PHASE === 'pipeline') console.log(JSON.stringify(await pipelinePhase(false, option('--folder')!)));
else if (PHASE === 'stages') console.log(JSON.stringify(await pipelinePhase(true, option('--folder')!)));
else {
  const raws = corpus();
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
    `wire briefs (${(corpus('brief').reduce((n, r) => n + r.length, 0) / COUNT).toFixed(0)} characters on average), median round: floor ${rate(COUNT, sf.ms).toFixed(0)}, ` +
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
