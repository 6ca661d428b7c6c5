import { SendError } from '../../core/index.js';

const GONE = new Set(['channel_not_found', 'is_archived', 'account_inactive', 'user_not_found', 'user_disabled']);
const FORBIDDEN = new Set(['not_in_channel', 'restricted_action', 'missing_scope', 'cannot_dm_bot', 'ekm_access_denied', 'team_access_not_granted']);

interface SlackErrorShape {
  code?: string;
  data?: { error?: string };
  retryAfter?: number;
  message?: string;
}

/** The Slack error string of a platform error (`{ok:false, error}`), if any. */
export function slackErrorCode(error: unknown): string | undefined {
  const e = error as SlackErrorShape | null;
  return e?.code === 'slack_webapi_platform_error' ? e.data?.error : undefined;
}

/** Seconds to wait, when the Web API client rejected a call for rate limiting. */
export function rateLimitSeconds(error: unknown): number | undefined {
  const e = error as SlackErrorShape | null;
  return e?.code === 'slack_webapi_rate_limited_error' ? (e.retryAfter ?? 1) : undefined;
}

/** Maps a Web API failure to the scheduler's vocabulary. */
export function toSendError(error: unknown): SendError {
  const retry = rateLimitSeconds(error);
  if (retry !== undefined) return new SendError('rate-limited', `Slack rate limit, retry after ${retry} s`, retry * 1000);
  const code = slackErrorCode(error);
  if (code && GONE.has(code)) return new SendError('gone', `Slack: ${code}`);
  if (code && FORBIDDEN.has(code)) return new SendError('forbidden', `Slack: ${code}`);
  if (code) return new SendError('transient', `Slack: ${code}`);
  const message = error instanceof Error ? error.message : String(error);
  return new SendError('transient', `Slack request failed: ${message.slice(0, 200)}`);
}
