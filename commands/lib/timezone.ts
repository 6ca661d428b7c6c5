import { ERROR_CODES, UserError } from '../../src/core/index.js';
import { echo } from './text.js';

let known: Set<string> | null = null;

/** The canonical IANA name of a timezone (any case), or a user error. `UTC` is accepted. */
export function resolveTimezone(value: string): string {
  const wanted = value.trim();
  known ??= new Set(Intl.supportedValuesOf('timeZone'));
  let resolved: string | null = null;
  if (wanted.length <= 64 && /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(wanted)) {
    try {
      resolved = new Intl.DateTimeFormat('en-US', { timeZone: wanted }).resolvedOptions().timeZone;
    } catch {
      resolved = null;
    }
  }
  if (resolved && (resolved === 'UTC' || known.has(resolved) || resolved.startsWith('Etc/'))) return resolved;
  throw new UserError(
    ERROR_CODES.BAD_TIMEZONE,
    `\`${echo(value)}\` is not a timezone I know.`,
    'Use an IANA name such as `tz:Africa/Casablanca`, `tz:Europe/Rome`, `tz:America/New_York` or `tz:UTC`.',
  );
}
