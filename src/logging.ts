import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pino } from 'pino';
import type { Logger } from './core/index.js';

// Keys that may hold credentials anywhere in a logged object.
const SECRET_KEYS = ['token', 'botToken', 'appToken', 'signingSecret', 'secret', 'password', 'authorization', 'Authorization'];
const REDACT_PATHS = [...SECRET_KEYS, ...SECRET_KEYS.map((k) => `*.${k}`), ...SECRET_KEYS.map((k) => `*.*.${k}`), 'headers.authorization', 'req.headers.authorization'];

/**
 * Structured logs at `level`, to a file when given (the shell keeps its terminal
 * for the conversation), otherwise to standard error. Secrets are redacted.
 */
export function createLogger(options: { level: string; file?: string | undefined }): Logger {
  const destination = options.file
    ? (mkdirSync(dirname(options.file), { recursive: true }), pino.destination({ dest: options.file, sync: false, mkdir: true }))
    : pino.destination({ dest: 2, sync: true });
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { pid: process.pid },
    },
    destination,
  ) as unknown as Logger;
}

/** Masks anything that looks like a Slack or Discord token inside free text. */
export function maskSecrets(text: string): string {
  return text
    .replace(/xox[abposr]-[\w-]+/g, 'xox*-[redacted]')
    .replace(/xapp-[\w-]+/g, 'xapp-[redacted]')
    .replace(/[MN][\w-]{23,25}\.[\w-]{6}\.[\w-]{27,}/g, '[redacted-discord-token]');
}
