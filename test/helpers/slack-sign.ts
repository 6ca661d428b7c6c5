/** Signs requests the way Slack does, for tests that POST to the bot. */
import { createHmac } from 'node:crypto';

export function slackSignature(secret: string, timestamp: number | string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  secret: string;
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  /** Override the signature (e.g. a wrong one); `null` leaves the headers out. */
  signature?: string | null;
  headers?: Record<string, string>;
}

export async function postSigned(url: string, body: string, options: SignedPostOptions): Promise<globalThis.Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', ...options.headers };
  if (options.signature !== null) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = options.signature ?? slackSignature(options.secret, timestamp, body);
  }
  return fetch(url, { method: 'POST', body, headers });
}

let trigger = 0;

/** A slash command's form body, as Slack sends it. */
export function slashBody(fields: { text: string; responseUrl: string; command?: string; user?: string; channel?: string; team?: string; userName?: string }): string {
  trigger += 1;
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: fields.team ?? 'T1',
    team_domain: 'fake',
    channel_id: fields.channel ?? 'C1',
    channel_name: 'general',
    user_id: fields.user ?? 'U1',
    user_name: fields.userName ?? 'ada',
    command: fields.command ?? '/brief',
    text: fields.text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: `${Date.now()}.${process.pid}.${trigger}`,
  }).toString();
}
