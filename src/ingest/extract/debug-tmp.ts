import { readFileSync } from 'node:fs';
import { parseBriefingText } from './briefing-format.js';
import { analyse } from './nlp.js';
import { findBodies } from './bodies.js';
import { buildFrame } from './frame.js';
for (const f of process.argv.slice(2)) {
  const b = parseBriefingText(readFileSync(f, 'utf8'));
  const prefix = b.title ? b.title + '\n\n' : '';
  const text = prefix + b.body;
  const { sentences } = analyse(text);
  const ms = findBodies(text);
  for (const s of sentences) {
    const fr = buildFrame(s, text, ms, b.published, s.start < prefix.length);
    if (fr) console.log(s.index, JSON.stringify(s.text.slice(0, 90)), fr.body?.name, JSON.stringify(fr.place), fr.date?.start, fr.date?.end, fr.chairs, fr.other ? 'OTHER' : '', fr.anaphoric ? 'ana' : '');
  }
}
