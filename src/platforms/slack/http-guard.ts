import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HTTPModuleFunctions } from '@slack/bolt';
import type { Logger } from '../../core/index.js';
import { signatureProblem } from './verify.js';

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function reject(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}

/**
 * Sits in front of Bolt's request listener on the events endpoint: buffers the
 * body (Bolt reuses it), checks the signature with a two-sided clock window and
 * answers 401 before Bolt sees a bad request. It matches the events endpoint
 * exactly as Bolt does (method, then URL pathname), so Bolt's own verification
 * can be turned off instead of hashing every body twice.
 */
export function guardRequests(
  inner: RequestListener,
  options: { signingSecret: string; endpoint: string; log: Logger; bodyLimit?: number; now?: () => number },
): RequestListener {
  const limit = options.bodyLimit ?? HTTPModuleFunctions.defaultBodyLimit;
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method?.toUpperCase() !== 'POST' || path !== options.endpoint) {
      inner(req, res);
      return;
    }
    void (async () => {
      let raw: Buffer;
      try {
        raw = (await HTTPModuleFunctions.bufferIncomingMessage(req, limit)).rawBody;
      } catch (error) {
        reject(res, HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413 ? 413 : 400);
        return;
      }
      const body = raw.toString('utf8');
      // Slack's unsigned reachability probe; Bolt answers it and strips any other field.
      const sslCheck = header(req, 'content-type') === 'application/x-www-form-urlencoded' && new URLSearchParams(body).get('ssl_check') === '1';
      if (!sslCheck) {
        const problem = signatureProblem(
          options.signingSecret,
          { body, timestamp: header(req, 'x-slack-request-timestamp'), signature: header(req, 'x-slack-signature') },
          options.now?.(),
        );
        if (problem) {
          // Never the body: a slash command's form carries a (deprecated) token.
          options.log.warn({ problem, path }, 'refused a Slack request');
          reject(res, 401);
          return;
        }
      }
      inner(req, res);
    })().catch((error: unknown) => {
      options.log.error({ err: String(error) }, 'slack request guard failed');
      if (!res.headersSent) reject(res, 500);
    });
  };
}
