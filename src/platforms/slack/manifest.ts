import type { CommandDef } from '../../core/index.js';

export interface ManifestOptions {
  commandName: string;
  /** The public base URL (`https://bot.example.org`) or full events URL; HTTP mode only. */
  requestUrl?: string;
  socketMode: boolean;
}

/** Where Slack posts commands and interactions in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';
const USAGE_HINT_MAX = 200;

/** `[meetings | digest | help] …`, from the command registry. */
export function usageHint(commands: readonly CommandDef[]): string {
  const names = commands.map((c) => c.name);
  const hint = `[${names.join(' | ')}] …`;
  if (hint.length <= USAGE_HINT_MAX) return hint;
  const shown: string[] = [];
  for (const name of names) {
    if (`[${[...shown, name].join(' | ')} | …]`.length > USAGE_HINT_MAX) break;
    shown.push(name);
  }
  return `[${shown.join(' | ')} | …]`;
}

function eventsUrl(requestUrl: string): string {
  const url = new URL(requestUrl);
  if (url.pathname === '/' || url.pathname === '') url.pathname = SLACK_EVENTS_PATH;
  return url.toString();
}

/** The Slack app manifest for this bot; the CLI prints it for pasting into api.slack.com. */
export function slackManifest(commands: readonly CommandDef[], options: ManifestOptions): Record<string, unknown> {
  const url = !options.socketMode && options.requestUrl ? eventsUrl(options.requestUrl) : undefined;
  const command: Record<string, unknown> = {
    command: `/${options.commandName}`,
    description: 'Briefings on coalition meetings, with sources',
    usage_hint: usageHint(commands),
    should_escape: false,
  };
  if (url) command.url = url;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: 'Briefbot',
      description: 'Cited briefings and digests on international security coalition meetings.',
      background_color: '#1d3557',
    },
    features: {
      bot_user: { display_name: 'Briefbot', always_online: true },
      slash_commands: [command],
    },
    oauth_config: {
      scopes: {
        bot: ['commands', 'chat:write', 'chat:write.public', 'im:write', 'users:read', 'channels:history', 'groups:history', 'im:history'],
      },
    },
    settings: {
      interactivity: url ? { is_enabled: true, request_url: url } : { is_enabled: true },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}
