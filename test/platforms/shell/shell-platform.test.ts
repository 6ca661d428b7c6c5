import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src/core/dispatch.js';
import { defineCommand } from '../../../src/core/command.js';
import type { CommandContext } from '../../../src/core/context.js';
import { silentLogger } from '../../../src/core/logger.js';
import { createShellPlatform, toCommandText } from '../../../src/platforms/shell/shell-platform.js';

const ping = defineCommand({
  name: 'ping',
  summary: 'Answers pong',
  options: [],
  examples: [],
  async run(request) {
    return { title: 'Pong', blocks: [{ type: 'list', items: [request.user.ref, request.channel, String(request.canManageChannel)] }], ephemeral: true };
  },
});

function dispatcher() {
  return createDispatcher({ commands: [ping], settings: { commandName: 'brief' }, log: silentLogger } as unknown as CommandContext);
}

async function runShell(lines: string) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<void>((resolve) => {
    const shell = createShellPlatform({ input, output, interactive: false, commandName: 'brief', onExit: resolve });
    void shell.start(dispatcher());
  });
  input.end(lines);
  await exited;
  return text;
}

describe('shell platform', () => {
  it('answers one command per line as the local user who manages the channel, then exits at end of input', async () => {
    const text = await runShell('/brief ping\nping\n/ping\n');
    const block = 'Pong\n====\n• shell:local\n• shell:local\n• true\n\n';
    expect(text).toBe(block.repeat(3));
  });

  it('stops at /quit and ignores blank lines', async () => {
    const text = await runShell('\n   \nping\n/quit\nping\n');
    expect(text.match(/Pong/g)).toHaveLength(1);
  });

  it('keeps going after bad input and never prints a stack trace', async () => {
    const text = await runShell('pnig\nping "unbalanced\n\u0001\u0002\nping\n');
    expect(text).toContain('There is no `pnig` command.');
    expect(text).toContain('Did you mean `/brief ping`?');
    expect(text).toContain('is never closed');
    expect(text).toContain('Pong');
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('prints digests as they fire', async () => {
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const shell = createShellPlatform({ input: new PassThrough(), output, interactive: false, commandName: 'brief', onExit: () => {} });
    const [part] = shell.renderParts({ title: 'Daily brief', blocks: [{ type: 'text', text: 'Two new meetings.' }], ephemeral: false });
    const sent = await shell.sendPart({ kind: 'channel', ref: 'shell:local' }, part, {
      deliveryId: 7, part: 0, key: 'bb7p0', digest: 'daily-brief', slot: '2026-03-02T08:00:00.000Z',
    });
    expect(sent.messageId).toMatch(/^shell-bb7p0/);
    expect(text).toContain('── daily-brief for shell:local (2026-03-02T08:00:00.000Z) ──\nDaily brief\n===========\nTwo new meetings.');
  });

  it('reads /brief, bare and /sub forms alike', () => {
    expect(toCommandText('/brief meetings', 'brief')).toBe('/brief meetings');
    expect(toCommandText('/meetings', 'brief')).toBe('meetings');
    expect(toCommandText('meetings', 'brief')).toBe('meetings');
  });
});
