/**
 * Throughput check (not a test): docs/s of extract() against one bare
 * wink-nlp readDoc pass over the same texts.
 *   node --import tsx src/ingest/extract/throughput-check.ts FILE... [--rounds N] [--head CHARS]
 */
import { readFileSync } from 'node:fs';
import { parseBriefingText } from './briefing-format.js';
import { extract } from './extract.js';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : null; };
const rounds = opt('--rounds') ?? 20;
// --head N keeps the first N characters of each body (cut at a sentence end), to measure short items.
const head = opt('--head');
const files = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const docs = files.map((f) => parseBriefingText(readFileSync(f, 'utf8'))).map((d) => {
  if (!head) return d;
  const cut = d.body.slice(0, head);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'));
  return { ...d, body: end > 0 ? cut.slice(0, end + 1) : cut };
});

// The machine is shared: measure this process's CPU time, and interleave the two
// passes round by round so load from elsewhere hits both alike.
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

// The yardstick is wink's default pipe, as anyone would run it, not the extractor's lighter one.
const nlp = winkNLP(model);
const bare = () => { for (const d of docs) nlp.readDoc(d.body); };
const full = () => { for (const d of docs) extract({ text: d.body, title: d.title, published: d.published }); };
bare(); full(); // warm-up: model, gazetteer and tables load once
let tBare = 0, tFull = 0;
for (let r = 0; r < rounds; r++) {
  let t = cpu(); bare(); tBare += cpu() - t;
  t = cpu(); full(); tFull += cpu() - t;
}
// Interleaved per document as well: bare and full passes then share the same cache state,
// which is closer to a pipeline that does other work between documents.
let iBare = 0, iFull = 0;
for (let r = 0; r < rounds; r++) {
  for (const d of docs) {
    let t = cpu(); nlp.readDoc(d.body); iBare += cpu() - t;
    t = cpu(); extract({ text: d.body, title: d.title, published: d.published }); iFull += cpu() - t;
  }
}
const n = rounds * docs.length;
const say = (line: string) => process.stdout.write(`${line}\n`);
say(`interleaved: bare ${(n / iBare).toFixed(0)} docs/s, extract ${(n / iFull).toFixed(0)} docs/s, ratio ${((iBare / iFull) * 100).toFixed(0)}%`);
say(`bare wink readDoc  ${(n / tBare).toFixed(0)} docs/s (CPU time)`);
say(`extract()          ${(n / tFull).toFixed(0)} docs/s (CPU time)`);
say(`ratio ${((tBare / tFull) * 100).toFixed(0)}% (${docs.length} docs x ${rounds} rounds)`);
