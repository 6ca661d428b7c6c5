/**
 * Ingestion throughput against a floor measured in the same run.
 *
 *   node --import tsx bench/ingest.ts [--docs 5000]
 *
 * Floor: one bare wink-nlp pass (readDoc + sentences) over the same texts.
 * Pipeline: parse the briefing text, extract, dedupe, merge and store into a temp SQLite file.
 * The extractor alone is timed too, so a slow run says where the time goes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../src/core/index.js';
import { parseBriefingText } from '../src/ingest/extract/briefing-format.js';
import { extract } from '../src/ingest/extract/extract.js';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { ingestDocument, type IngestSummary } from '../src/ingest/pipeline/index.js';
import { grouped } from '../src/ingest/pipeline/ingest-document.js';
import { emptySummary, countResult } from '../src/ingest/pipeline/summary.js';
import { openStore } from '../src/store/open.js';
import { generateArticles } from './ingest-corpus.js';

const arg = process.argv.indexOf('--docs');
const COUNT = arg > 0 ? Number(process.argv[arg + 1]) : 5000;
const TARGET_RATIO = 0.4;
const RSS_LIMIT_MB = 300;
const DOCS_PER_COMMIT = 100;

let peakRss = 0;
const sampleRss = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
};
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
const rate = (n: number, ms: number): number => (n * 1000) / ms;

const articles = generateArticles(COUNT);
const raws = articles.map((a) => a.raw);
console.log(`${raws.length} generated articles, ${(raws.reduce((n, r) => n + r.length, 0) / raws.length).toFixed(0)} characters on average`);

// The floor is wink-nlp as anyone gets it: the shipped model with its default pipe. The
// extractor's own instance drops stages no rule reads; that saving is the extractor's, so it
// counts on its side of the ratio, not as a faster floor.
const nlp = winkNLP(model);
nlp.readDoc('Warm-up for the floor.');
extract({ text: 'Warm-up: the Small Group met in Rome on 3 March 2031.', title: null, published: '2031-03-04' });

// CPU time beside the wall clock: on a loaded machine the wall clock mostly measures waiting for a core.
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let t0 = performance.now();
let c0 = cpuMs();
let sentences = 0;
for (const raw of raws) {
  sentences += nlp.readDoc(parseBriefingText(raw).body).sentences().length();
}
const floorMs = performance.now() - t0;
const floorCpu = cpuMs() - c0;
sampleRss();

t0 = performance.now();
c0 = cpuMs();
for (const raw of raws) {
  const b = parseBriefingText(raw);
  extract({ text: b.body.trim(), title: b.title, published: b.published });
}
const extractMs = performance.now() - t0;
const extractCpu = cpuMs() - c0;
sampleRss();

const dir = mkdtempSync(join(tmpdir(), 'briefbot-bench-'));
const store = await openStore(join(dir, 'bench.db'), { log: silentLogger });
// Time spent in each store call and in the extractor, to say where the pipeline's time goes.
const stageMs = new Map<string, number>();
const timed = <A extends unknown[], R>(label: string, f: (...a: A) => R) => (...a: A): R => {
  const t = performance.now();
  const r = f(...a);
  const done = (): void => void stageMs.set(label, (stageMs.get(label) ?? 0) + performance.now() - t);
  if (r instanceof Promise) return r.finally(done) as R;
  done();
  return r;
};
for (const [repo, methods] of [
  ['documents', ['findByUrl', 'findByContentHash', 'nearDuplicateCandidates', 'get', 'getMany', 'add', 'addUrl']],
  ['meetings', ['candidates', 'create', 'update']],
] as const) {
  const target = store[repo] as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const m of methods) target[m] = timed(`store.${repo}.${m}`, target[m]!.bind(target));
}
const timedExtract = timed('extract', extract);

const summary: IngestSummary = emptySummary();
t0 = performance.now();
c0 = cpuMs();
// As ingestPaths does with local files: a hundred documents per commit where the store groups writes.
for (let i = 0; i < articles.length; i += DOCS_PER_COMMIT) {
  await grouped(store, async () => {
    for (const a of articles.slice(i, i + DOCS_PER_COMMIT)) {
      const b = parseBriefingText(a.raw);
      const result = await ingestDocument(store, { text: b.body, title: b.title, outlet: b.source, published: b.published, url: a.url }, { extract: timedExtract });
      countResult(summary, result);
      if (summary.read % 50 === 0) sampleRss();
    }
  });
}
const pipelineMs = performance.now() - t0;
const pipelineCpu = cpuMs() - c0;
sampleRss();
const meetings = await store.meetings.count();
await store.close();
rmSync(dir, { recursive: true, force: true });

const floor = rate(raws.length, floorMs);
const pipeline = rate(raws.length, pipelineMs);
const extractOnly = rate(raws.length, extractMs);
const ratio = pipeline / floor;
const maxRss = process.resourceUsage().maxRSS * 1024;
console.log(`floor (wink-nlp readDoc + sentences): ${floor.toFixed(0)} docs/s (${sentences} sentences)`);
console.log(`extractor alone:                     ${extractOnly.toFixed(0)} docs/s = ${((100 * extractOnly) / floor).toFixed(1)}% of the floor (${((100 * extractMs) / pipelineMs).toFixed(0)}% of pipeline time)`);
console.log(`full pipeline (parse, extract, dedupe, merge, SQLite): ${pipeline.toFixed(0)} docs/s`);
console.log(`ratio pipeline/floor: ${(100 * ratio).toFixed(1)}% (target >= ${100 * TARGET_RATIO}%)`);
console.log(
  `by CPU time: floor ${rate(raws.length, floorCpu).toFixed(0)}, extractor ${rate(raws.length, extractCpu).toFixed(0)}, pipeline ${rate(raws.length, pipelineCpu).toFixed(0)} docs/s; ratio ${((100 * floorCpu) / pipelineCpu).toFixed(1)}%, extractor alone ${((100 * floorCpu) / extractCpu).toFixed(1)}% of the floor`,
);
console.log(`peak RSS: ${mb(Math.max(peakRss, maxRss))} MB (target < ${RSS_LIMIT_MB} MB)`);
console.log(
  `stored: ${summary.new} new, ${summary.duplicates} duplicates, ${summary.meetingsCreated} meetings created, ${summary.meetingsMerged} merged; ${meetings} meetings in the store (${articles.reduce((s, a) => s.add(a.meetingKey), new Set<string>()).size} generated)`,
);
console.log('pipeline time by stage (ms per document):');
const accounted = [...stageMs.values()].reduce((x, y) => x + y, 0);
for (const [label, ms] of [...stageMs].sort((x, y) => y[1] - x[1])) console.log(`  ${label.padEnd(36)} ${(ms / raws.length).toFixed(2)}`);
console.log(`  ${'rest (parse, hashes, merge, summary)'.padEnd(36)} ${((pipelineMs - accounted) / raws.length).toFixed(2)}`);
const ok = ratio >= TARGET_RATIO && Math.max(peakRss, maxRss) < RSS_LIMIT_MB * 1024 * 1024;
console.log(ok ? 'PASS' : 'BELOW TARGET');
