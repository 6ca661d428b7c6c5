import { closest, ERROR_CODES, UserError, type CommandContext, type OptionSpec } from '../../src/core/index.js';
import { echo } from './text.js';

export const DIGEST_OPTION: OptionSpec = { name: 'digest', description: 'Which digest: daily-brief, weekly-roundup, ...' };

/** A digest kind id the scheduler knows; unknown ones name the closest. */
export function resolveDigest(value: string | undefined, fallback: string, context: CommandContext): string {
  const kinds = context.digests.kinds().map((k) => k.id);
  const wanted = (value ?? fallback).trim().toLowerCase();
  if (kinds.includes(wanted)) return wanted;
  const near = closest(wanted, kinds);
  throw new UserError(
    ERROR_CODES.BAD_OPTION,
    `There is no digest \`${echo(wanted)}\`.`,
    `${near.length ? `Did you mean ${near.map((k) => `\`digest:${k}\``).join(' or ')}? ` : ''}Digests: ${kinds.join(', ')}.`,
  );
}
