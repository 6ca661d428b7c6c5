import type { MeetingKind } from '../../core/facts.js';
import type { BodyDef } from './bodies.js';

const RULES: Array<[RegExp, MeetingKind]> = [
  [/\bpolitical[- ]directors?\b|\bsenior diplomatic\b/i, 'political-directors'],
  [/\bministerial\b|\bministers\b|\bministers['’]/i, 'ministerial'],
  [/\bsummit\b/i, 'summit'],
  [/\bplenary\b/i, 'plenary'],
  [/\bbilateral\b/i, 'bilateral'],
  // Named as neither: chiefs of staff or experts meeting is no summit, whatever the body usually holds.
  [/\b(?:military|army|defen[cs]e) chiefs\b|\bchiefs of (?:defen[cs]e )?staff\b|\bexperts\b|\bsenior officials\b/i, 'other'],
];

/** The level of a meeting: the body's own kind, else the words naming it, else the words used around it. */
export function kindOf(body: BodyDef, texts: string[], own: string[] = []): MeetingKind {
  if (body.kind) return body.kind;
  for (const [re, kind] of RULES) if (own.some((t) => re.test(t))) return kind;
  for (const [re, kind] of RULES) if (texts.some((t) => re.test(t))) return kind;
  return body.fallbackKind ?? 'other';
}
