import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/index.js';

const TOKEN_PATTERNS: RegExp[] = [
  /xox[abposer]-[A-Za-z0-9-]+/g,
  /xapp-[A-Za-z0-9-]+/g,
  /(token=)[^&\s"']+/gi,
  /("token"\s*:\s*")[^"]*/gi,
  /(Bearer\s+)[^\s"']+/gi,
];

/** Removes anything that looks like a Slack token, and the given secrets, from a log line. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join('[redacted]');
  for (const pattern of TOKEN_PATTERNS) {
    out = out.replace(pattern, (match, prefix?: unknown) => (typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}[redacted]` : '[redacted]'));
  }
  return out;
}

function stringify(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return `${part.name}: ${part.message}`;
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part);
  }
}

/**
 * Bolt's and the Web API client's logger, forwarding only warnings and errors
 * to ours, always redacted: their debug output includes request bodies.
 */
export function boltLogger(log: Logger, secrets: readonly string[]): BoltLogger {
  let name = 'bolt';
  const line = (parts: unknown[]) => ({ source: name, detail: redact(parts.map(stringify).join(' '), secrets) });
  return {
    debug() {},
    info() {},
    warn(...parts: unknown[]) {
      log.warn(line(parts), 'slack sdk warning');
    },
    error(...parts: unknown[]) {
      log.error(line(parts), 'slack sdk error');
    },
    setLevel() {},
    getLevel: () => LogLevel.WARN,
    setName(n: string) {
      name = n;
    },
  };
}
