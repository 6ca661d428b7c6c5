/**
 * The phases of bench/ingest.ts, each run in a child process of its own: the floor, the extractor
 * alone, and the pipeline as `briefbot ingest FOLDER` runs it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateArticles, type ArticleLength } from './ingest-corpus.js';
import { splitThreadCpu, threadCpuMs, type ThreadSplit } from './thread-cpu.js';

// CPU time beside the wall clock: on a loaded machine the wall clock mostly measures waiting for a core.
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const maxRss = (): number => process.resourceUsage().maxRSS * 1024;

export interface FloorResult {
  ms: number;
  cpu: number;
  sentences: number;
  rss: number;
}

export interface PipelineResult {
  ms: number;
  cpu: number;
  rss: number;
  stored: string;
  /** Main-thread stages, in ms over the run (only in the separate `stages` run: timing them costs time). */
  stages: Array<[string, number]>;
  /** Time the extractor spent on its worker thread, overlapping the main thread's stages. */
  extractorMs: number;
  extracted: number;
  /**
   * CPU per thread over the run (ms), where /proc tells: the main thread, the busiest other (the
   * extractor's), and the rest (V8's collector and compiler threads, libuv's pool); else null.
   */
  threads: ThreadSplit | null;
}

// Made by each phase that needs them: the pipeline's process holds no corpus while it runs, as
// `briefbot ingest` holds none.
export const corpus = (count: number, length: ArticleLength): string[] => generateArticles(count, undefined, length).map((a) => a.raw);

/** The floor, in its own process: wink-nlp as anyone gets it, the shipped model with its default pipe. */
export async function floorPhase(count: number, length: ArticleLength): Promise<FloorResult> {
  const { default: winkNLP } = await import('wink-nlp');
  const { default: model } = await import('wink-eng-lite-web-model');
  const { parseBriefingText } = await import('../src/ingest/extract/briefing-format.js');
  // The extractor's own instance drops stages no rule reads; that saving is the extractor's, so it
  // counts on its side of the ratio, not as a faster floor.
  const nlp = winkNLP(model);
  nlp.readDoc('Warm-up for the floor.');
  const raws = corpus(count, length);
  const t0 = performance.now();
  const c0 = cpuMs();
  let sentences = 0;
  for (const raw of raws) sentences += nlp.readDoc(parseBriefingText(raw).body).sentences().length();
  return { ms: performance.now() - t0, cpu: cpuMs() - c0, sentences, rss: maxRss() };
}

/** The extractor alone over the same texts, in its own process. */
export async function extractorPhase(count: number, length: ArticleLength): Promise<FloorResult> {
  const { parseBriefingText } = await import('../src/ingest/extract/briefing-format.js');
  const { extract } = await import('../src/ingest/extract/extract.js');
  extract({ text: 'Warm-up: the Small Group met in Rome on 3 March 2031.', title: null, published: '2031-03-04' });
  const raws = corpus(count, length);
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

/**
 * The whole pipeline as `briefbot ingest FOLDER` runs it, in its own process: ingestPaths reads
 * the briefing files the parent wrote into a temp SQLite file, with the extractor on its worker
 * thread and the next files read ahead, a hundred per commit. The process never holds the
 * corpus: its peak memory is the pipeline's, as `briefbot ingest`'s would be.
 */
export async function pipelinePhase(withStages: boolean, folder: string): Promise<PipelineResult> {
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
  const threads0 = threadCpuMs();
  const elu0 = performance.eventLoopUtilization();
  const summary = await ingestPaths(store, [folder], { log: silentLogger, extract: thread.extract, readAhead: READ_AHEAD });
  const ms = performance.now() - t0;
  const cpu = cpuMs() - c0;
  const threads1 = threadCpuMs();
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
    threads: threads0 && threads1 ? splitThreadCpu(threads0, threads1) : null,
  };
}

