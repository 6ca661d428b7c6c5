import { readFileSync } from 'node:fs';
import { parseBriefingText } from './briefing-format.js';
import { getNlp, analyse } from './nlp.js';
const docs = process.argv.slice(2).map((f) => parseBriefingText(readFileSync(f, 'utf8')));
const nlp = getNlp(); const its = nlp.its;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const runs: Record<string, () => void> = {
  bare: () => { for (const d of docs) nlp.readDoc(d.body); },
  outs: () => { for (const d of docs) { const doc = nlp.readDoc(d.body); doc.tokens().out(its.value); doc.tokens().out(its.precedingSpaces); doc.tokens().out(its.pos); doc.sentences().out(its.span); doc.entities().out(its.type); doc.entities().out(its.span);} },
  analyse: () => { for (const d of docs) analyse(d.body); },
};
for (const k of Object.keys(runs)) runs[k]!();
const tot: Record<string, number> = {};
for (let rep = 0; rep < 6; rep++) for (const [k, fn] of Object.entries(runs)) { const t = cpu(); for (let r = 0; r < 10; r++) fn(); tot[k] = (tot[k] ?? 0) + cpu() - t; }
for (const [k, v] of Object.entries(tot)) console.log(k.padEnd(10), ((60 * docs.length) / v).toFixed(0), 'docs/s');
