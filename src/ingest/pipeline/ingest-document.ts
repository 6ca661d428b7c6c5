import type { Store, StoredDocument } from '../../core/index.js';
import { extract as realExtract } from '../extract/extract.js';
import { canonicalizeUrl } from '../parse/index.js';
import { attachMeetings } from './attach-meetings.js';
import { fingerprintText, isNearDuplicate, setOverlap, shingleSet } from '../dedupe/index.js';
import type { IngestInput, IngestOptions, IngestResult } from './types.js';

const DEFAULT_NEAR_DUPLICATE_LIMIT = 16;
// Share of the shorter text's shingles a SimHash candidate must share to be the same story lightly
// edited. Syndicated copies (byline, footer, a paragraph cut) share nearly all; reports of different
// meetings written from one house template can share half, and must not be folded together.
const MIN_SHINGLE_OVERLAP = 0.8;
const MAX_CONFIRMATIONS = 3;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

// The originals a new document is checked against are mostly documents ingested just before,
// whose shingles were computed then; remembered by text (bounded: cleared when full).
const SHINGLE_CACHE = 128;
const recentShingles = new Map<string, Set<number>>();

function rememberShingles(text: string, shingles: Set<number>): Set<number> {
  if (recentShingles.size >= SHINGLE_CACHE) recentShingles.clear();
  recentShingles.set(text, shingles);
  return shingles;
}

function shinglesOf(text: string): Set<number> {
  return recentShingles.get(text) ?? rememberShingles(text, shingleSet(text));
}

/** Canonical spellings of every URL given, first one first; unusable ones are dropped. */
function canonicalUrls(input: IngestInput): string[] {
  const out: string[] = [];
  for (const raw of [input.url, ...(input.urls ?? [])]) {
    if (!raw) continue;
    try {
      const url = canonicalizeUrl(raw);
      if (!out.includes(url)) out.push(url);
    } catch {
      // A malformed extra URL must not cost the document; it just cannot be deduplicated by.
    }
  }
  return out;
}

async function addMissingUrls(store: Store, doc: StoredDocument, urls: readonly string[]): Promise<void> {
  const known = new Set([doc.url, ...doc.urls]);
  for (const url of urls) if (!known.has(url)) await store.documents.addUrl(doc.id, url);
}

/** Runs `fn` as one batch where the store offers batches. */
export function grouped<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  return store.batch ? store.batch(fn) : fn();
}

function duplicate(outcome: 'duplicate' | 'near-duplicate', documentId: number): IngestResult {
  return { outcome, documentId, meetingsCreated: 0, meetingsMerged: 0 };
}

function titleOf(input: IngestInput): string {
  const title = input.title?.replace(/\s+/g, ' ').trim();
  if (title) return title;
  const firstLine = input.text.trim().split('\n')[0] ?? '';
  return firstLine.length > 120 ? `${firstLine.slice(0, 117)}...` : firstLine;
}

/**
 * Ingests one document: a copy of a stored one (same URL, same text, or a near copy)
 * only adds its URLs; otherwise it is extracted first and stored only if that worked,
 * then each meeting it reports is merged into a stored meeting or created.
 */
export async function ingestDocument(store: Store, input: IngestInput, opts: IngestOptions = {}): Promise<IngestResult> {
  const text = input.text.trim();
  if (!text) throw new Error('the document has no text');
  const urls = canonicalUrls(input);

  for (const url of urls) {
    const known = await store.documents.findByUrl(url);
    if (known) {
      await addMissingUrls(store, known, urls);
      return duplicate('duplicate', known.id);
    }
  }
  const own = fingerprintText(text);
  const hash = own.contentHash;
  const same = await store.documents.findByContentHash(hash);
  if (same) {
    await addMissingUrls(store, same, urls);
    return duplicate('duplicate', same.id);
  }
  const fingerprint = own.simhash();
  const candidates = await store.documents.nearDuplicateCandidates(fingerprint, opts.nearDuplicateLimit ?? DEFAULT_NEAR_DUPLICATE_LIMIT);
  // Each check needs a whole document; the store ranks the closest first, so a few suffice,
  // loaded in one call.
  const close = candidates.filter((c) => c.simhash && isNearDuplicate(fingerprint, c.simhash)).slice(0, MAX_CONFIRMATIONS);
  for (const original of close.length ? await store.documents.getMany(close.map((c) => c.id)) : []) {
    // SimHash alone lets a few unrelated pairs through; the shingles confirm it.
    if (setOverlap(shinglesOf(original.text), own.shingles()) >= MIN_SHINGLE_OVERLAP) {
      await addMissingUrls(store, original, urls);
      return duplicate('near-duplicate', original.id);
    }
  }

  // Computed above when a candidate was checked; the next documents may be checked against this one.
  if (close.length > 0) rememberShingles(text, own.shingles());
  const title = titleOf(input);
  const given = input.published && ISO_DATE.test(input.published) ? input.published.slice(0, 10) : null;
  const extraction = (opts.extract ?? realExtract)({ text, title, published: given, url: urls[0] ?? null });
  // One group of writes: on SQLite one commit per document (or per caller's batch), and a
  // failure while merging meetings leaves no document without its meetings.
  const { doc, created, merged } = await grouped(store, async () => {
    const stored = await store.documents.add({
      url: urls[0] ?? null,
      urls,
      title,
      outlet: input.outlet ?? null,
      published: given ?? extraction.published,
      text,
      contentHash: hash,
      simhash: fingerprint,
      sourceId: input.sourceId ?? null,
      extraction,
    });
    return { doc: stored, ...(await attachMeetings(store, stored)) };
  });
  opts.log?.debug({ documentId: doc.id, created, merged }, 'document ingested');
  return { outcome: 'new', documentId: doc.id, meetingsCreated: created, meetingsMerged: merged };
}
