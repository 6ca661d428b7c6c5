/** The subscription filter language: parse, describe, compile and match. */
export * from './filter-types.js';
export { describeFilter, parseFilter } from './filter-parse.js';
export { compileFilter, matchesFilter, prepareFacets, termNeedles, type TermNeedles } from './filter-match.js';
