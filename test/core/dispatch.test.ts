import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/core/dispatch.js';
import { defineCommand, type CommandDef } from '../../src/core/command.js';
import { ERROR_CODES, UserError } from '../../src/core/errors.js';
import type { CommandContext } from '../../src/core/context.js';
import type { Asker } from '../../src/core/request.js';
import type { Logger } from '../../src/core/logger.js';
import { renderPlainText } from '../../src/core/text-render.js';

const asker: Asker = {
  user: { ref: 'shell:local', name: 'tester' },
  channel: 'shell:local',
  isDirect: false,
  canManageChannel: true,
  canManageSources: true,
};

function recordingLogger(): Logger & { errors: Array<Record<string, unknown>> } {
  const errors: Array<Record<string, unknown>> = [];
  const log = {
    errors,
    debug() {},
    info() {},
    warn() {},
    error(obj: object) {
      errors.push(obj as Record<string, unknown>);
    },
    child() {
      return log;
    },
  };
  return log;
}

const echo = defineCommand({
  name: 'meetings',
  summary: 'List meetings',
  options: [
    { name: 'topic', description: 'A topic id' },
    { name: 'page', description: 'Page number', type: 'integer' },
    { name: 'order', description: 'Sort order', choices: ['newest', 'oldest'] },
  ],
  examples: ['meetings topic:sahel'],
  async run(request) {
    return { blocks: [{ type: 'text', text: `topic=${request.options.topic ?? '-'} words=${request.positional.join(',')}` }], ephemeral: false };
  },
});
const failing = defineCommand({
  name: 'search',
  summary: 'Search',
  options: [{ name: 'for', description: 'Target' }],
  examples: [],
  async run(request) {
    if (request.positional[0] === 'user') throw new UserError(ERROR_CODES.NOT_FOUND, 'No such thing.', 'Try another.');
    throw new Error('database exploded');
  },
});

function dispatcherWith(commands: CommandDef[], log = recordingLogger()) {
  const context = { commands, settings: { commandName: 'brief' }, log } as unknown as CommandContext;
  return { dispatcher: createDispatcher(context), log };
}

describe('dispatch', () => {
  it('routes `/brief <sub>` and the bare subcommand to the same module', async () => {
    const { dispatcher } = dispatcherWith([echo]);
    const a = await dispatcher.handle('/brief meetings topic:sahel niger', asker);
    const b = await dispatcher.handle('meetings topic:sahel niger', asker);
    expect(renderPlainText(a)).toBe('topic=sahel words=niger');
    expect(renderPlainText(b)).toBe(renderPlainText(a));
  });

  it('suggests the closest subcommand for a typo', async () => {
    const { dispatcher } = dispatcherWith([echo, failing]);
    const reply = await dispatcher.handle('/brief meetngs', asker);
    expect(reply.error?.code).toBe('unknown-command');
    expect(renderPlainText(reply)).toContain('/brief meetings');
    expect(reply.ephemeral).toBe(true);
  });

  it('answers an empty line with what to type', async () => {
    const { dispatcher } = dispatcherWith([echo]);
    const reply = await dispatcher.handle('   ', asker);
    expect(reply.error?.code).toBe('empty-command');
    expect(renderPlainText(reply)).toContain('/brief help');
  });

  it('refuses an option of another subcommand and names its owner', async () => {
    const { dispatcher } = dispatcherWith([echo, failing]);
    const reply = await dispatcher.handle('meetings for:channel', asker);
    expect(reply.error?.code).toBe('unknown-option');
    expect(renderPlainText(reply)).toContain('belongs to `search`');
  });

  it('checks choices and integer options before running', async () => {
    const { dispatcher } = dispatcherWith([echo]);
    expect((await dispatcher.handle('meetings order:random', asker)).error?.code).toBe('bad-option');
    expect((await dispatcher.handle('meetings page:two', asker)).error?.code).toBe('bad-option');
    expect((await dispatcher.handle('meetings page:', asker)).error?.code).toBe('bad-option');
  });

  it('shows user errors as they are and logs nothing', async () => {
    const { dispatcher, log } = dispatcherWith([failing]);
    const reply = await dispatcher.handle('search user', asker);
    expect(reply.error?.code).toBe('not-found');
    expect(renderPlainText(reply)).toBe('No such thing.\n  Try another.');
    expect(log.errors).toHaveLength(0);
  });

  it('logs an internal failure with a reference the user sees, without the stack', async () => {
    const { dispatcher, log } = dispatcherWith([failing]);
    const reply = await dispatcher.handle('search anything', asker);
    const text = renderPlainText(reply);
    expect(reply.error?.code).toBe('internal');
    const ref = /reference ([0-9a-f]{8})/.exec(text)?.[1];
    expect(ref).toBeDefined();
    expect(log.errors[0]).toMatchObject({ ref });
    expect(text).not.toContain('database exploded');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });
});
