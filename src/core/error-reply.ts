import { randomBytes } from 'node:crypto';
import { isUserError, type UserError } from './errors.js';
import type { Logger } from './logger.js';
import type { Reply } from './reply.js';

/** The friendly, ephemeral reply for a user error. */
export function userErrorReply(error: UserError): Reply {
  return {
    blocks: [
      { type: 'text', text: error.message },
      ...(error.hint ? [{ type: 'context' as const, text: error.hint }] : []),
    ],
    ephemeral: true,
    error: { code: error.code },
  };
}

/** A short id users can quote and operators can grep for in the logs. */
export function newReference(): string {
  return randomBytes(4).toString('hex');
}

/**
 * Turns anything thrown while answering into a reply: user errors as they are,
 * anything else logged with a reference and shown as an apology.
 */
export function replyForError(error: unknown, log: Logger, context: Record<string, unknown>): Reply {
  if (isUserError(error)) return userErrorReply(error);
  const ref = newReference();
  log.error({ err: error, ref, ...context }, 'command failed');
  return {
    blocks: [{ type: 'text', text: `Sorry, something went wrong on our side (reference ${ref}).` }],
    footer: 'Please try again; if it keeps happening, give the reference to whoever runs Briefbot.',
    ephemeral: true,
    error: { code: 'internal' },
  };
}
