import { describe, expect, it } from 'vitest';
import { defineCommand, type CommandDef } from '../../../src/core/index.js';
import { buildCommandPayload, validateCommandPayload, type CommandPayload } from '../../../src/platforms/discord/index.js';
import { testCommands } from './test-commands.js';

const noop = async () => ({ blocks: [], ephemeral: false });

describe('buildCommandPayload', () => {
  it('maps the registry to one subcommand each, with typed options', () => {
    const payload = buildCommandPayload(testCommands(), 'brief');
    expect(validateCommandPayload(payload)).toEqual([]);
    expect(payload.name).toBe('brief');
    expect(payload.options.map((o) => o.name)).toEqual(['meetings', 'digest', 'subscribe', 'slow', 'echo', 'big', 'whoami']);
    const meetings = payload.options[0]!;
    expect(meetings.type).toBe(1);
    expect(meetings.options).toEqual([
      { type: 3, name: 'query', description: 'Words or filters to search for', required: false, autocomplete: true },
      { type: 3, name: 'topic', description: 'Only this topic', required: false, autocomplete: true },
      { type: 3, name: 'body', description: 'Only meetings of this body', required: false, autocomplete: true },
      { type: 4, name: 'page', description: 'Page number', required: false, min_value: 0 },
    ]);
    expect(payload.options[1]!.options).toEqual([
      { type: 3, name: 'kind', description: 'Which digest', required: true, choices: [{ name: 'daily-brief', value: 'daily-brief' }, { name: 'weekly-roundup', value: 'weekly-roundup' }] },
    ]);
    expect(payload.options[4]!.options![0]).toMatchObject({ name: 'text', required: true });
    expect(payload.contexts).toBeUndefined();
    expect(buildCommandPayload(testCommands(), 'brief', 'global').contexts).toEqual([0, 1]);
  });

  it('truncates long descriptions, caps options and choices, and puts required options first', () => {
    const many: CommandDef[] = Array.from({ length: 30 }, (_, i) =>
      defineCommand({
        name: `cmd${i}`,
        summary: 'A summary that goes on and on. '.repeat(10),
        options: [
          ...Array.from({ length: 30 }, (_, j) => ({ name: `opt${j}`, description: 'd' })),
          { name: 'must', description: 'required one', required: true },
          { name: 'many', description: 'too many choices', choices: Array.from({ length: 30 }, (_, k) => `c${k}`) },
        ],
        examples: [],
        run: noop,
      }),
    );
    const payload = buildCommandPayload(many, 'brief');
    expect(payload.options).toHaveLength(25);
    const first = payload.options[0]!;
    expect(first.description).toHaveLength(100);
    expect(first.description.endsWith('…')).toBe(true);
    expect(first.options).toHaveLength(25);
    expect(first.options![0]!.name).toBe('must');
    expect(validateCommandPayload(payload).filter((p) => !p.includes('characters in names'))).toEqual([]);
  });

  it('drops choices beyond 25 rather than hiding valid values', () => {
    const payload = buildCommandPayload(
      [defineCommand({ name: 'tz', summary: 's', options: [{ name: 'zone', description: 'd', choices: Array.from({ length: 26 }, (_, k) => `z${k}`), autocomplete: 'timezone' }], examples: [], run: noop })],
      'brief',
    );
    expect(payload.options[0]!.options![0]).toEqual({ type: 3, name: 'zone', description: 'd', required: false, autocomplete: true });
  });
});

describe('validateCommandPayload', () => {
  const valid = (): CommandPayload => buildCommandPayload(testCommands(), 'brief');

  it('accepts the names Discord documents as valid', () => {
    for (const name of ['ping', 'hello-world_command', 'aˇ㐆1٢〣²अก']) {
      const p = valid();
      p.options[0]!.name = name;
      expect(validateCommandPayload(p), name).toEqual([]);
    }
  });

  it('rejects the names Discord documents as invalid', () => {
    for (const name of ['', 'ABC', 'help ping', '🦦', 'x'.repeat(33)]) {
      const p = valid();
      p.options[0]!.name = name;
      expect(validateCommandPayload(p).length, name).toBeGreaterThan(0);
    }
  });

  it('reports each kind of violation', () => {
    const p = valid();
    p.description = '';
    p.options[1]!.options![0]!.autocomplete = true;
    p.options[1]!.options!.push({ type: 3, name: 'kind', description: 'dup' });
    p.options[0]!.options!.push({ type: 3, name: 'late', description: 'd', required: true });
    p.options[0]!.options![3]!.choices = [{ name: 'x'.repeat(101), value: 'y'.repeat(101) }];
    p.options[2]!.options = Array.from({ length: 26 }, (_, i) => ({ type: 3 as const, name: `o${i}`, description: 'd'.repeat(100) }));
    const problems = validateCommandPayload(p);
    const expected = [
      'brief: description is 0 characters',
      'brief digest kind: choices and autocomplete together',
      'brief digest kind: duplicate option name',
      'brief meetings late: required option after an optional one',
      'brief meetings page: choice name',
      'brief meetings page: choice value is 101 characters',
      'brief subscribe: 26 options (limit 25)',
    ];
    for (const e of expected) expect(problems.some((x) => x.startsWith(e)), e).toBe(true);
    expect(problems).toHaveLength(expected.length);
  });

  it('counts the 8,000-character limit per command', () => {
    const p = valid();
    p.options = Array.from({ length: 25 }, (_, i) => ({
      type: 1 as const,
      name: `s${i}`,
      description: 'd'.repeat(100),
      options: Array.from({ length: 5 }, (_, j) => ({ type: 3 as const, name: `o${j}`, description: 'e'.repeat(100) })),
    }));
    expect(validateCommandPayload(p).some((x) => x.includes('(limit 8000)'))).toBe(true);
  });
});

describe('discordName', () => {
  it('turns registry names with spaces into valid option names', async () => {
    const { discordName, NAME_PATTERN } = await import('../../../src/platforms/discord/command-payload.js');
    expect(discordName('meeting id')).toBe('meeting-id');
    expect(discordName('ID or Words!')).toBe('id-or-words');
    expect(discordName('  ')).toBe('value');
    expect(discordName('x'.repeat(40))).toHaveLength(32);
    for (const n of ['meeting id', 'ID or Words!', 'a/b c', 'x'.repeat(40)]) expect(NAME_PATTERN.test(discordName(n))).toBe(true);
  });
});
