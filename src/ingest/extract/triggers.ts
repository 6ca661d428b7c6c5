/** Words that say a meeting happens; a sentence without one is never a meeting frame. */
export const TRIGGERS = new Set([
  'meeting', 'meetings', 'met', 'meet', 'meets', 'ministerial', 'plenary', 'conference', 'session', 'summit',
  'talks', 'gathering', 'gathered', 'convened', 'convenes', 'convene', 'hosted', 'co-hosted', 'co-hosting',
  'co-host', 'co-hosts', 'co-chaired', 'co-chair', 'co-chairs', 'chaired', 'consultation', 'consultations',
  'videoconference', 'vtc', 'teleconference', 'dialogue', 'briefing', 'forum',
  // "Saudi Arabia will host the Finance Group in Jeddah": a frame still needs a body to count.
  'host', 'hosts', 'hosting', 'chair', 'chairs', 'chairing', 'co-chairing', 'convening',
]);

/** Verbs that may stand between a meeting word and its place or date without changing the event. */
export const MEETING_VERBS = new Set([
  'held', 'hold', 'holds', 'holding', 'hosted', 'host', 'hosts', 'hosting', 'co-hosted', 'co-hosting', 'met', 'meet',
  'meets', 'meeting', 'convened', 'convene', 'convenes', 'chaired', 'co-chaired', 'co-chair', 'chair', 'gathered',
  'place', 'opened', 'opens', 'opening', 'closed', 'closing', 'concluded', 'concluding', 'ended', 'ends', 'ending',
  'began', 'begins', 'beginning', 'starting', 'started', 'running', 'lasting', 'be', 'been', 'being', 'is', 'was', 'were', 'are', 'will', 'scheduled', 'planned', 'led', 'organised',
  'organized', 'came', 'come', 'together',
]);

/** Words before a place that make it the topic of talk rather than the venue ("banned in Russia"). */
export const PLACE_BLOCKERS = new Set([
  'banned', 'outlawed', 'presence', 'threat', 'threats', 'fight', 'war', 'operations', 'progress', 'situation',
  'affiliates', 'affiliate', 'branches', 'efforts', 'conflict', 'crisis', 'campaign', 'attacks', 'attack', 'isis',
  'isil', 'daesh', 'deash', 'forces', 'troops', 'interests', 'activity', 'activities', 'stability', 'security',
  'strongholds', 'camps', 'born', 'based', 'killed', 'defeat', 'violence', 'refugees', 'detained', 'imprisoned',
  'ambassador', 'embassy', 'embassies', 'engagement', 'deployed', 'mission', 'partners', 'resurgence',
]);

/** Words that tie a meeting word to a different meeting than the document's own. */
export const OTHER_MEETING_MARKERS = new Set([
  'last', 'previous', 'prior', 'next', 'upcoming', 'forthcoming', 'future', 'follow-up', 'follows', 'preceding',
  'earlier', 'subsequent', 'following', 'since',
]);

export const GENERIC = /\b(?:regularly|routinely|usually|annually|each year|every year|periodically)\b/i;
/** A meeting held online; "virtual currencies", "virtually all members" or "online propaganda" say nothing of how it met. */
export const VIRTUAL = /\bvirtual\b(?!\s+(?:currenc|assets?\b|asset-|caliphate|worlds?\b|spaces?\b|reality|private))|\bvirtually\b(?!\s+(?:all|every|no|none|nothing|any|impossible|unchanged|identical|the same|certain)\b)|\bvideo[- ]?conferenc\w*|\bVTC\b|\bteleconferenc\w*|\bonline\b(?!\s+(?:propaganda|content|recruitment|radicali[sz]ation|extremism|material|videos?|channels?|platforms?|spaces?|activit(?:y|ies)|presence|networks?|campaigns?|fundraising|payments?|threats?|posts?|messaging|narratives?|hate|harms?|abuse|scams?|fraud))/i;
// "co-chaired the meeting with the United States" names a partner chair, not a meeting with a guest.
export const BILATERAL = /\bbilateral\b|\bcounterparts?\b|\bmet (?:separately )?with\b|(?<!\bco-(?:chaired|hosted|chairs|hosts|chairing|hosting) (?:the|a|this) )\bmeetings? with\b/i;
export const DATE_BARRIERS = new Set(['ahead', 'before', 'after', 'since', 'until', 'by', 'prior', 'following']);
