import { createRequire } from 'node:module';
import type * as Linkedom from 'linkedom';
import type * as ReadabilityModule from '@mozilla/readability';

// The DOM and Readability are loaded on first use, synchronously: a process that only reads
// plain-text briefings and Markdown (a bulk `briefbot ingest` of a folder) never needs them,
// and they hold some 25 MB.
const load = createRequire(import.meta.url);
let linkedom: typeof Linkedom | null = null;
let readability: typeof ReadabilityModule | null = null;

/** linkedom's `parseHTML`. */
export function parseHTML(html: string): ReturnType<typeof Linkedom.parseHTML> {
  linkedom ??= load('linkedom') as typeof Linkedom;
  return linkedom.parseHTML(html);
}

/** Mozilla's Readability class. */
export function readabilityClass(): typeof ReadabilityModule.Readability {
  readability ??= load('@mozilla/readability') as typeof ReadabilityModule;
  return readability.Readability;
}
