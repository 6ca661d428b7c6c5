import { describe, expect, it } from 'vitest';
import { defineCommand, type Reply } from '../../../src/core/index.js';
import { slackManifest } from '../../../src/platforms/slack/index.js';
import { usageHint } from '../../../src/platforms/slack/manifest.js';

const run = async (): Promise<Reply> => ({ blocks: [], ephemeral: true });
const commands = ['meetings', 'digest', 'help'].map((name) => defineCommand({ name, summary: name, options: [], examples: [], run }));

describe('slackManifest', () => {
  it('describes an HTTP-mode app with the events URL for commands and interactivity', () => {
    const m = slackManifest(commands, { commandName: 'brief', requestUrl: 'https://bot.example.org', socketMode: false }) as {
      features: { slash_commands: Array<Record<string, unknown>>; bot_user: { display_name: string } };
      oauth_config: { scopes: { bot: string[] } };
      settings: Record<string, unknown>;
    };
    expect(m.features.slash_commands).toEqual([
      { command: '/brief', description: 'Briefings on coalition meetings, with sources', usage_hint: '[meetings | digest | help] …', should_escape: false, url: 'https://bot.example.org/slack/events' },
    ]);
    expect(m.features.bot_user.display_name).toBe('Briefbot');
    expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'im:write', 'users:read', 'channels:history', 'groups:history', 'im:history']));
    expect(m.settings).toEqual({
      interactivity: { is_enabled: true, request_url: 'https://bot.example.org/slack/events' },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    });
  });

  it('describes a Socket Mode app without URLs, under a custom command name', () => {
    const m = slackManifest(commands, { commandName: 'news', requestUrl: 'https://ignored.example', socketMode: true }) as {
      features: { slash_commands: Array<Record<string, unknown>> };
      settings: Record<string, unknown>;
    };
    expect(m.features.slash_commands[0]?.command).toBe('/news');
    expect(m.features.slash_commands[0]).not.toHaveProperty('url');
    expect(m.settings).toMatchObject({ socket_mode_enabled: true, interactivity: { is_enabled: true } });
    expect(JSON.stringify(m)).not.toContain('ignored.example');
  });

  it('keeps the usage hint short when there are many commands', () => {
    const many = Array.from({ length: 40 }, (_, i) => defineCommand({ name: `command${i}`, summary: 's', options: [], examples: [], run }));
    const hint = usageHint(many);
    expect(hint.length).toBeLessThanOrEqual(200);
    expect(hint.startsWith('[command0 | command1 |')).toBe(true);
    expect(hint.endsWith(' | …]')).toBe(true);
  });
});
