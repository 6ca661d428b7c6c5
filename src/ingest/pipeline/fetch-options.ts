import type { FetchOptions } from '../fetch/index.js';

/** Fetch settings the pipeline passes through; `allowPrivate` is FETCH_ALLOW_PRIVATE. */
export type PipelineFetchOptions = Omit<FetchOptions, 'etag' | 'lastModified'>;
