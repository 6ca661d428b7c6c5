import type { DocumentInput, Extraction, Store, StoredDocument } from '../../core/index.js';
import { canonicalizeUrl } from '../parse/index.js';
import { attachMeetings } from './attach-meetings.js';
import { fingerprintText, isNearDuplicate, sameStory, type TextKeys } from '../dedupe/index.js';
import type { ExtractFn, IngestInput, IngestOptions, IngestResult } from './types.js';

const MAX_CONFIRMATIONS = 3;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

// The originals a new document is checked against are mostly documents ingested just before,
// whose shingles were computed then: remembered by document id and fingerprint, so checking a
// candidate needs neither its text loaded nor its shingles recomputed. Bounded, oldest dropped
// first: packed, 4,096 documents hold about 5 MB. The fingerprint in the key keeps an id reused
// after a rolled-back insert from matching.
const SHINGLE_CACHE = 4096;
const knownShingles = new Map<string, Float64Array>();
const shingleKey = (id: number, simhash: string): string => `${id}:${simhash.toLowerCase()}`;

function rememberShingles(id: number, simhash: string, shingles: Float64Array): void {
  if (knownShingles.size >= SHINGLE_CACHE) knownShingles.delete(knownShingles.keys().next().value!);
  knownShingles.set(shingleKey(id, simhash), shingles);
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

/**
 * The first of the close candidates (closest first) whose shingles confirm it is the same story
 * lightly edited: SimHash alone lets a few unrelated pairs through. Only candidates whose
 * shingles are not remembered are loaded, in one call.
 */
async function confirmedOriginal(
  store: Store,
  close: ReadonlyArray<{ id: number; simhash: string }>,
  own: Float64Array,
): Promise<StoredDocument | null> {
  const unknown = close.filter((c) => !knownShingles.has(shingleKey(c.id, c.simhash))).map((c) => c.id);
  const loaded = new Map((unknown.length ? await store.documents.getMany(unknown) : []).map((d) => [d.id, d]));
  for (const c of close) {
    const doc = loaded.get(c.id);
    let shingles = knownShingles.get(shingleKey(c.id, c.simhash)) ?? null;
    if (!shingles && doc) {
      shingles = fingerprintText(doc.text).packed();
      rememberShingles(c.id, c.simhash, shingles);
    }
    if (!shingles || !sameStory(shingles, own)) continue;
    // Remembered shingles spared the load; the document is needed now for its URLs.
    const original = doc ?? (await store.documents.getMany([c.id]))[0];
    if (original) return original;
  }
  return null;
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
 * The real extractor on this thread, its modules loaded on first use: a process that hands
 * extraction to the extractor thread (or is given its own extractor) never loads them here.
 */
export const inThreadExtract: ExtractFn = async (input) => (await import('../extract/extract.js')).extract(input);

/** A document as ingestion reads it: text trimmed, URLs canonical, title and date chosen. */
export interface PreparedDocument {
  input: IngestInput;
  text: string;
  urls: string[];
  title: string;
  /** The document's own date (ISO day), if it gave one. */
  given: string | null;
}

/** Checks and tidies a document before anything is looked up; throws if it has no text. */
export function prepareDocument(input: IngestInput): PreparedDocument {
  const text = input.text.trim();
  if (!text) throw new Error('the document has no text');
  const given = input.published && ISO_DATE.test(input.published) ? input.published.slice(0, 10) : null;
  return { input, text, urls: canonicalUrls(input), title: titleOf(input), given };
}

/** What the extractor is given for a document: the same whether it runs now or ahead, here or on a thread. */
export function extractionInput(doc: PreparedDocument): DocumentInput {
  return { text: doc.text, title: doc.title, published: doc.given, url: doc.urls[0] ?? null };
}

/**
 * Ingests one document: a copy of a stored one (same URL, same text, or a near copy)
 * only adds its URLs; otherwise it is extracted first and stored only if that worked,
 * then each meeting it reports is merged into a stored meeting or created.
 */
export async function ingestDocument(store: Store, input: IngestInput, opts: IngestOptions = {}): Promise<IngestResult> {
  const prepared = prepareDocument(input);
  const extract = opts.extract ?? inThreadExtract;
  return ingestPrepared(store, { prepared, keys: () => fingerprintText(prepared.text), extraction: () => extract(extractionInput(prepared)) }, opts);
}

/** A prepared document with how to get its dedupe keys and its extraction (now, or worked out ahead). */
export interface ReadyDocument {
  prepared: PreparedDocument;
  keys(): TextKeys | Promise<TextKeys>;
  extraction(): Extraction | Promise<Extraction>;
}

/**
 * Ingests a prepared document. Its keys are asked for only if no URL is known, its extraction
 * only once it is known to be new; a bulk driver passes them worked out ahead (see
 * read-ahead.ts), and a duplicate drops its extraction.
 */
export async function ingestPrepared(store: Store, ready: ReadyDocument, opts: IngestOptions = {}): Promise<IngestResult> {
  const { input, text, urls, title, given } = ready.prepared;
  for (const url of urls) {
    const known = await store.documents.findByUrl(url);
    if (known) {
      await addMissingUrls(store, known, urls);
      return duplicate('duplicate', known.id);
    }
  }
  const own = await ready.keys();
  const hash = own.contentHash;
  const same = await store.documents.findByContentHash(hash);
  if (same) {
    await addMissingUrls(store, same, urls);
    return duplicate('duplicate', same.id);
  }
  const fingerprint = own.simhash();
  // Each check needs a whole document; the store offers those within the near-duplicate bound
  // closest first, so the first few are all that are confirmed, loaded in one call.
  const candidates = await store.documents.nearDuplicateCandidates(fingerprint, MAX_CONFIRMATIONS);
  const close = candidates.filter((c) => c.simhash && isNearDuplicate(fingerprint, c.simhash));
  const original = close.length ? await confirmedOriginal(store, close, own.packed()) : null;
  if (original) {
    await addMissingUrls(store, original, urls);
    return duplicate('near-duplicate', original.id);
  }

  const extracted = await ready.extraction();
  // One group of writes: on SQLite one commit per document (or per caller's batch), and a
  // failure while merging meetings leaves no document without its meetings.
  const { doc, created, merged } = await grouped(store, async () => {
    const stored = await store.documents.add({
      url: urls[0] ?? null,
      urls,
      title,
      outlet: input.outlet ?? null,
      published: given ?? extracted.published,
      text,
      contentHash: hash,
      simhash: fingerprint,
      sourceId: input.sourceId ?? null,
      extraction: extracted,
    });
    return { doc: stored, ...(await attachMeetings(store, stored)) };
  });
  // The next documents are mostly checked against recent ones like this: cheaper now than a load then.
  rememberShingles(doc.id, fingerprint, own.packed());
  opts.log?.debug({ documentId: doc.id, created, merged }, 'document ingested');
  return { outcome: 'new', documentId: doc.id, meetingsCreated: created, meetingsMerged: merged };
}
