import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack allows five minutes of clock skew, in either direction. */
export const MAX_SKEW_SEC = 5 * 60;

export interface SignedRequest {
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
}

/**
 * Checks Slack's `v0` request signature. Unlike Bolt, a timestamp too far in the
 * future is refused as well as a stale one. Returns why it failed, or null.
 */
export function signatureProblem(secret: string, req: SignedRequest, nowMs: number = Date.now()): string | null {
  if (!req.timestamp || !req.signature) return 'missing signature headers';
  if (!/^\d{1,12}$/.test(req.timestamp)) return 'malformed timestamp';
  const skew = Math.abs(Math.floor(nowMs / 1000) - Number(req.timestamp));
  if (skew > MAX_SKEW_SEC) return 'timestamp outside the allowed window';
  const expected = signBody(secret, req.timestamp, req.body);
  const given = Buffer.from(req.signature, 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return 'signature mismatch';
  return null;
}

export function signBody(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}
