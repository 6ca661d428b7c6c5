import type { MeetingKind } from '../../core/facts.js';
import type { BodyDef } from './bodies.js';

const RULES: Array<[RegExp, MeetingKind]> = [
  [/\bpolitical[- ]directors?\b|\bsenior diplomatic\b/i, 'political-directors'],
  [/\bministerial\b|\bministers\b|\bministers['’]/i, 'ministerial'],
  [/\bsummit\b/i, 'summit'],
  [/\bplenary\b/i, 'plenary'],
  [/\bbilateral\b/i, 'bilateral'],
];

/** The level of a meeting: the body's own kind, else the words used for it. */
export function kindOf(body: BodyDef, texts: string[]): MeetingKind {
  if (body.kind) return body.kind;
  for (const [re, kind] of RULES) if (texts.some((t) => re.test(t))) return kind;
  return body.fallbackKind ?? 'other';
}
