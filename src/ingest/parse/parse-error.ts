/** Stable reasons parsing or reading a source can fail. */
export type ParseErrorCode =
  | 'malformed-xml'
  | 'not-a-feed'
  | 'bad-url'
  | 'not-found'
  | 'not-a-file'
  | 'unsupported-type'
  | 'empty'
  | 'binary'
  | 'line-too-long'
  | 'too-large'
  | 'no-content';

/** The one error type of the parse module; `source` is the URL or path that failed, named in `message` too. */
export class ParseError extends Error {
  override readonly name = 'ParseError';

  constructor(
    readonly code: ParseErrorCode,
    readonly source: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
