import type { DevelopmentKind } from '../../core/facts.js';

const RULES: Array<[RegExp, DevelopmentKind]> = [
  [/\bdesignat(?:ed|es|ion)\b|\bsanction(?:ed|s)\b|\bForeign Terrorist Organization\b/i, 'designation'],
  [/\b(?:joined|joins|joining) the (?:Global )?Coalition\b|\bnew members?\b|\b\d+(?:st|nd|rd|th) member\b/i, 'membership'],
  [/\bstatement\b|\bsaid:|\bcondemn(?:s|ed)\b/i, 'statement'],
  [/\bwill (?:travel|visit|host|launch)\b|\bannounce[sd]?\b/i, 'announcement'],
];

/** What a document reports when it is not a meeting report. */
export function developmentOf(isMeeting: boolean, title: string | null, text: string): DevelopmentKind {
  if (isMeeting) return 'meeting';
  const head = `${title ?? ''}\n${text.slice(0, 600)}`;
  for (const [re, kind] of RULES) if (re.test(head)) return kind;
  return 'other';
}
