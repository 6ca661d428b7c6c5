export { contentHash } from './content-hash.js';
export {
  simhash,
  fingerprintText,
  keyData,
  keysFrom,
  hammingDistance,
  isNearDuplicate,
  setOverlap,
  packShingles,
  packedOverlap,
  shingleOverlap,
  shingleSet,
  NEAR_DUPLICATE_BITS,
  SHINGLE_WORDS,
  type Fingerprint,
  type TextKeys,
  type KeyData,
} from './simhash.js';
export { normalizeForHash } from './normalize.js';
