export { contentHash } from './content-hash.js';
export {
  simhash,
  fingerprintText,
  hammingDistance,
  isNearDuplicate,
  setOverlap,
  packedOverlap,
  sameStory,
  shingleOverlap,
  shingleSet,
  NEAR_DUPLICATE_BITS,
  SHINGLE_WORDS,
  type Fingerprint,
  type TextKeys,
} from './simhash.js';
export { normalizeForHash } from './normalize.js';
export { RecentTexts, RECENT_TEXTS } from './recent-texts.js';
