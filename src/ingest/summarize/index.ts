export { meetingSummary, selectByMmr, MAX_MEETING_SENTENCES, SAME_SUBSTANCE, type SummaryDoc } from './meeting-summary.js';
export { splitSentences, type TextSpan } from './split-sentences.js';
export { jaccard, wordSet } from './similarity.js';
export { argumentCounter } from './arguments.js';
