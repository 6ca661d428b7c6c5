/**
 * The one error type users see. Anything else thrown while handling a command is
 * an internal failure: logged with a reference id, shown as a short apology.
 */
export const ERROR_CODES = {
  EMPTY_COMMAND: 'empty-command',
  UNKNOWN_COMMAND: 'unknown-command',
  UNKNOWN_OPTION: 'unknown-option',
  BAD_OPTION: 'bad-option',
  MISSING_ARGUMENT: 'missing-argument',
  UNBALANCED_QUOTE: 'unbalanced-quote',
  INPUT_TOO_LONG: 'input-too-long',
  NOT_FOUND: 'not-found',
  AMBIGUOUS: 'ambiguous',
  FORBIDDEN: 'forbidden',
  BAD_DATE: 'bad-date',
  BAD_TIMEZONE: 'bad-timezone',
  BAD_SCHEDULE: 'bad-schedule',
  BAD_FILTER: 'bad-filter',
  BAD_URL: 'bad-url',
  SOURCE_FAILED: 'source-failed',
  NOT_AVAILABLE: 'not-available',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** What the user can do next, e.g. "Try `/brief help meetings`." */
    readonly hint?: string,
  ) {
    super(message);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
