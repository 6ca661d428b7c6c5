import type { ChannelRef, UserRef } from '../../core/index.js';

/** `slack:<team>:<id>` for channels and people alike. */
export function slackRef(team: string, id: string): string {
  return `slack:${team}:${id}`;
}

export function parseSlackRef(ref: ChannelRef | UserRef): { team: string; id: string } {
  const match = /^slack:([^:]+):([A-Z0-9]+)$/i.exec(ref);
  if (!match?.[1] || !match[2]) throw new Error(`Not a Slack reference: ${ref}`);
  return { team: match[1], id: match[2] };
}

/** Direct-message channel ids start with `D`. */
export function isDirectChannel(channelId: string): boolean {
  return channelId.startsWith('D');
}
