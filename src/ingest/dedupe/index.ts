export { contentHash } from './content-hash.js';
export {
  simhash,
  fingerprintText,
  hammingDistance,
  fingerprintHalves,
  halvesDistance,
  isNearDuplicate,
  setOverlap,
  packedOverlap,
  shingleOverlap,
  shingleSet,
  NEAR_DUPLICATE_BITS,
  SHINGLE_WORDS,
  type Fingerprint,
  type TextKeys,
  type FingerprintHalves,
} from './simhash.js';
export { normalizeForHash } from './normalize.js';
