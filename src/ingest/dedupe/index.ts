export { contentHash } from './content-hash.js';
export { simhash, hammingDistance, isNearDuplicate, shingleOverlap, NEAR_DUPLICATE_BITS, SHINGLE_WORDS, type Fingerprint } from './simhash.js';
export { normalizeForHash } from './normalize.js';
