import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseBriefingText, sourceAddress } from '../extract/briefing-format.js';
import { looksBinary } from '../fetch/binary-sniff.js';
import { charsetFromDocument, decodeBody } from '../fetch/charset.js';
import { extractArticle } from './extract-article.js';
import { tidyText } from './html-text.js';
import { parseMarkdown } from './markdown-text.js';
import { ParseError } from './parse-error.js';

export type LocalFileKind = 'text' | 'markdown' | 'html';

/** A local file read as a document. */
export interface LocalDocument {
  /** Absolute path. */
  path: string;
  kind: LocalFileKind;
  title: string | null;
  /** Plain text, paragraphs separated by a blank line. */
  text: string;
  /** ISO date or timestamp from the file's own header/metadata, or null. */
  published: string | null;
  /** The `Source:` header of a briefing text (its site when that is an address), or an HTML page's site name. */
  source: string | null;
  /** Where the text was published: an HTML page's canonical http(s) URL, or a briefing's `Source:` address. */
  url: string | null;
}

export interface LocalFileOptions {
  /** Largest file read. Default 5 MB. */
  maxBytes?: number;
  /** Longest line accepted in .txt/.md files; longer means it is not prose. Default 20 000 chars. */
  maxLineChars?: number;
}

const KINDS: Record<string, LocalFileKind> = { '.txt': 'text', '.md': 'markdown', '.markdown': 'markdown', '.html': 'html', '.htm': 'html' };

/** The kind of document a path holds, judged by extension, or null if we do not ingest it. */
export function localFileKind(path: string): LocalFileKind | null {
  return KINDS[extname(path).toLowerCase()] ?? null;
}

function notFound(path: string, err: unknown): ParseError {
  return new ParseError('not-found', path, `${path} does not exist or cannot be read; check the path.`, { cause: err });
}

/**
 * The file's bytes, read at once: local files are capped small, and the five asynchronous
 * calls a promise-based stat and read take cost about 0.2 ms of the main thread per file, as
 * much as storing the document. Throws `ParseError` naming the path.
 */
function readBounded(abs: string, maxBytes: number): { bytes: Buffer; kind: LocalFileKind } {
  let fd: number;
  try {
    // Non-blocking, so a named pipe is refused as not a regular file instead of waiting for a writer.
    fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw notFound(abs, err);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new ParseError('not-a-file', abs, `${abs} is not a regular file; to ingest a folder, list it with listIngestibleFiles.`);
    const kind = localFileKind(abs);
    if (!kind) throw new ParseError('unsupported-type', abs, `${abs} is not a .txt, .md, .html or .htm file; convert it to one of those to ingest it.`);
    if (info.size > maxBytes) throw new ParseError('too-large', abs, `${abs} is ${info.size} bytes, over the ${maxBytes}-byte limit; split it into smaller files.`);
    // One byte past the size seen: a file still growing is cut at the cap, not read without end.
    const bytes = Buffer.allocUnsafe(Math.min(info.size + 1, maxBytes + 1));
    let length = 0;
    for (let n = 1; n > 0 && length < bytes.length; length += n) n = readSync(fd, bytes, length, bytes.length - length, null);
    if (length > maxBytes) throw new ParseError('too-large', abs, `${abs} is over the ${maxBytes}-byte limit; split it into smaller files.`);
    return { bytes: bytes.subarray(0, length), kind };
  } catch (err) {
    if (err instanceof ParseError) throw err;
    throw notFound(abs, err);
  } finally {
    closeSync(fd);
  }
}

function longestLine(text: string): number {
  let longest = 0;
  for (let from = 0; from <= text.length; ) {
    const end = text.indexOf('\n', from);
    const stop = end < 0 ? text.length : end;
    longest = Math.max(longest, stop - from);
    from = stop + 1;
  }
  return longest;
}

/** Read a .txt briefing, .md or .html/.htm file as plain text with its title and date; throws `ParseError` naming the path. */
export async function readLocalFile(path: string, opts: LocalFileOptions = {}): Promise<LocalDocument> {
  const abs = resolve(path);
  const maxBytes = opts.maxBytes ?? 5 * 1024 * 1024;
  const maxLine = opts.maxLineChars ?? 20_000;
  const { bytes, kind } = readBounded(abs, maxBytes);
  if (looksBinary(bytes)) throw new ParseError('binary', abs, `${abs} holds binary data, not text; only text, Markdown and HTML files can be ingested.`);
  let { text: raw } = decodeBody(bytes, null);
  // Files carry no Content-Type; undeclared bytes that are not UTF-8 are nearly always Windows Latin-1.
  if (raw.includes('\uFFFD') && !charsetFromDocument(bytes)) raw = decodeBody(bytes, 'text/plain; charset=windows-1252').text;
  if (!raw.trim()) throw new ParseError('empty', abs, `${abs} is empty; nothing to ingest.`);
  if (kind !== 'html') {
    const longest = longestLine(raw);
    if (longest > maxLine) {
      throw new ParseError('line-too-long', abs, `${abs} has a line of ${longest} characters (limit ${maxLine}); it does not look like prose. Check that it is the right file.`);
    }
  }
  const fail = (): never => {
    throw new ParseError('empty', abs, `${abs} has a header but no body text; nothing to ingest.`);
  };

  if (kind === 'text') {
    const b = parseBriefingText(raw);
    const text = tidyText(b.body);
    if (!text) fail();
    const from = sourceAddress(b.source);
    return { path: abs, kind, title: b.title, text, published: b.published, source: from ? from.site : b.source, url: from?.url ?? null };
  }
  if (kind === 'markdown') {
    const md = parseMarkdown(raw);
    if (!md.text) fail();
    return { path: abs, kind, title: md.title, text: md.text, published: md.published, source: null, url: null };
  }
  try {
    const a = extractArticle(raw, pathToFileURL(abs).href);
    const url = /^https?:/.test(a.canonicalUrl) ? a.canonicalUrl : null;
    return { path: abs, kind, title: a.title || null, text: a.text, published: a.published, source: a.siteName, url };
  } catch (err) {
    if (err instanceof ParseError) throw new ParseError(err.code, abs, `${abs} has no readable text; nothing to ingest.`, { cause: err });
    throw err;
  }
}

/** Ingestible files (.txt, .md, .html, .htm) under a folder, recursively, sorted; a single file path gives itself. Skips dot-files. */
export async function listIngestibleFiles(path: string): Promise<string[]> {
  const abs = resolve(path);
  const info = await stat(abs).catch((err: unknown) => {
    throw notFound(abs, err);
  });
  if (info.isFile()) {
    if (!localFileKind(abs)) throw new ParseError('unsupported-type', abs, `${abs} is not a .txt, .md, .html or .htm file; convert it to one of those to ingest it.`);
    return [abs];
  }
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && localFileKind(full)) out.push(full);
    }
  };
  await walk(abs);
  return out.sort();
}
