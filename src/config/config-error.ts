/** A setting that cannot be used: one line naming the variable and what it expects. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
