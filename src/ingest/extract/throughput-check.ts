/**
 * Throughput check (not a test): docs/s of extract() against one bare
 * wink-nlp readDoc pass over the same texts.
 *   node --import tsx src/ingest/extract/throughput-check.ts FILE... [--rounds N]
 */
import { readFileSync } from 'node:fs';
import { parseBriefingText } from './briefing-format.js';
import { extract } from './extract.js';
import { getNlp } from './nlp.js';

const args = process.argv.slice(2);
const at = args.indexOf('--rounds');
const rounds = at >= 0 ? Number(args[at + 1]) : 20;
const files = args.filter((a, i) => i !== at && i !== at + 1);
const docs = files.map((f) => parseBriefingText(readFileSync(f, 'utf8')));

// The machine is shared: measure this process's CPU time, and interleave the two
// passes round by round so load from elsewhere hits both alike.
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

const nlp = getNlp();
const bare = () => { for (const d of docs) nlp.readDoc(d.body); };
const full = () => { for (const d of docs) extract({ text: d.body, title: d.title, published: d.published }); };
bare(); full(); // warm-up: model, gazetteer and tables load once
let tBare = 0, tFull = 0;
for (let r = 0; r < rounds; r++) {
  let t = cpu(); bare(); tBare += cpu() - t;
  t = cpu(); full(); tFull += cpu() - t;
}
const n = rounds * docs.length;
console.log(`bare wink readDoc  ${(n / tBare).toFixed(0)} docs/s (CPU time)`);
console.log(`extract()          ${(n / tFull).toFixed(0)} docs/s (CPU time)`);
console.log(`ratio ${((tBare / tFull) * 100).toFixed(0)}% (${docs.length} docs x ${rounds} rounds)`);
