/** The core's public surface: all that commands/ and digests/ may import. */
export * from './args.js';
export * from './channel.js';
export * from './command.js';
export type * from './context.js';
export * from './digest.js';
export * from './dispatch.js';
export * from './error-reply.js';
export * from './errors.js';
export * from './facts.js';
export * from './filter.js';
export * from './logger.js';
export * from './paging.js';
export * from './platform.js';
export * from './reply.js';
export type * from './request.js';
export type * from './store/index.js';
export * from './suggest.js';
export * from './text-render.js';
