import { verifySlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { signatureProblem } from '../../../src/platforms/slack/verify.js';

// Slack's documented example (docs.slack.dev, "Verifying requests from Slack").
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const TS = '1531420618';
const BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const SIG = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const NOW = 1531420618_000;

describe('signatureProblem', () => {
  it("accepts Slack's documented example with the clock pinned", () => {
    expect(signatureProblem(SECRET, { body: BODY, timestamp: TS, signature: SIG }, NOW)).toBeNull();
    // Bolt's own verifier agrees on the same vector.
    expect(() => verifySlackRequest({ signingSecret: SECRET, body: BODY, headers: { 'x-slack-signature': SIG, 'x-slack-request-timestamp': Number(TS) }, nowMilliseconds: NOW })).not.toThrow();
  });

  it('refuses a changed body, a wrong secret and a missing header', () => {
    expect(signatureProblem(SECRET, { body: BODY.replace('text=', 'text=x'), timestamp: TS, signature: SIG }, NOW)).toBe('signature mismatch');
    expect(signatureProblem('another-secret', { body: BODY, timestamp: TS, signature: SIG }, NOW)).toBe('signature mismatch');
    expect(signatureProblem(SECRET, { body: BODY, timestamp: TS, signature: undefined }, NOW)).toBe('missing signature headers');
    expect(signatureProblem(SECRET, { body: BODY, timestamp: 'soon', signature: SIG }, NOW)).toBe('malformed timestamp');
    expect(signatureProblem(SECRET, { body: BODY, timestamp: TS, signature: SIG.slice(0, -1) }, NOW)).toBe('signature mismatch');
  });

  it('refuses timestamps more than five minutes off in either direction; Bolt alone accepts the future one', () => {
    expect(signatureProblem(SECRET, { body: BODY, timestamp: TS, signature: SIG }, NOW + 300_000)).toBeNull();
    expect(signatureProblem(SECRET, { body: BODY, timestamp: TS, signature: SIG }, NOW - 300_000)).toBeNull();
    expect(signatureProblem(SECRET, { body: BODY, timestamp: TS, signature: SIG }, NOW + 301_000)).toBe('timestamp outside the allowed window');
    expect(signatureProblem(SECRET, { body: BODY, timestamp: TS, signature: SIG }, NOW - 301_000)).toBe('timestamp outside the allowed window');
    expect(() => verifySlackRequest({ signingSecret: SECRET, body: BODY, headers: { 'x-slack-signature': SIG, 'x-slack-request-timestamp': Number(TS) }, nowMilliseconds: NOW - 3_600_000 })).not.toThrow();
  });
});
