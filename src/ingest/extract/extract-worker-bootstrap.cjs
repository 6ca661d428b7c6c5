// The extractor thread's entry. tsx's require hook compiles our TypeScript on this thread
// itself: its ESM loader would start a loader thread of its own beside this one (hooks on the
// main thread do not reach a worker on Node 20), some 30 MB for nothing. The same under the
// `briefbot` bin, `node --import tsx` and vitest.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS entry loads with require */
require('tsx/cjs/api').register();
require('./extract-worker.ts');
