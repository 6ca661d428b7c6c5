import { defineCommand, ERROR_CODES, UserError, type CommandDef, type Reply } from '../../../src/core/index.js';

const text = (t: string, ephemeral = false): Reply => ({ blocks: [{ type: 'text', text: t }], ephemeral });

/** A small registry that exercises every option kind the Discord adapter maps. */
export function testCommands(opts: { slowMs?: number } = {}): CommandDef[] {
  return [
    defineCommand({
      name: 'meetings',
      summary: 'List coalition meetings, newest first.',
      argument: { name: 'query', description: 'Words or filters to search for', autocomplete: 'meeting' },
      options: [
        { name: 'topic', description: 'Only this topic', autocomplete: 'topic' },
        { name: 'body', description: 'Only meetings of this body', autocomplete: 'body' },
        { name: 'page', description: 'Page number', type: 'integer' },
      ],
      examples: ['meetings topic:sahel'],
      freeformOptions: true,
      async run(req) {
        const page = Number(req.options.page ?? '1');
        return {
          title: `Meetings page ${page}`,
          blocks: [{ type: 'text', text: `args=${JSON.stringify(req.positional)} opts=${JSON.stringify(req.options)} by ${req.user.name}` }],
          ephemeral: false,
          paging: { page, pages: 3, next: page < 3 ? `meetings ${req.argText.replace(/page:\S+/, '').trim()} page:${page + 1}`.replace(/\s+/g, ' ') : null, prev: page > 1 ? `meetings page:${page - 1}` : null },
        };
      },
    }),
    defineCommand({
      name: 'digest',
      summary: 'Preview a digest.',
      options: [{ name: 'kind', description: 'Which digest', choices: ['daily-brief', 'weekly-roundup'], required: true }],
      examples: ['digest kind:daily-brief'],
      async run(req) {
        return text(`digest ${req.options.kind}`);
      },
    }),
    defineCommand({
      name: 'subscribe',
      summary: 'Subscribe this channel to a digest.',
      options: [],
      examples: ['subscribe'],
      async run(req) {
        if (!req.canManageChannel) throw new UserError(ERROR_CODES.FORBIDDEN, 'You need Manage Channels to change this channel’s subscriptions.');
        return text(`subscribed ${req.channel}`);
      },
    }),
    defineCommand({
      name: 'slow',
      summary: 'Takes a while.',
      options: [{ name: 'private', description: 'Answer privately', choices: ['yes', 'no'] }],
      examples: ['slow'],
      async run(req) {
        await new Promise((r) => setTimeout(r, opts.slowMs ?? 2_500));
        return text('slow answer', req.options.private === 'yes');
      },
    }),
    defineCommand({
      name: 'echo',
      summary: 'Repeat ingested text.',
      argument: { name: 'text', description: 'What to repeat', required: true },
      options: [],
      examples: ['echo hi'],
      async run(req) {
        return { blocks: [{ type: 'text', text: req.argText }], ephemeral: false };
      },
    }),
    defineCommand({
      name: 'big',
      summary: 'A long answer that needs several messages.',
      options: [{ name: 'private', description: 'Answer privately', choices: ['yes', 'no'] }],
      examples: ['big'],
      async run(req) {
        return {
          title: 'Two hundred items',
          blocks: [{ type: 'list', ordered: true, items: Array.from({ length: 200 }, (_, i) => `Item ${i + 1}: a statement on stabilisation funding that runs to about a hundred characters in all.`) }],
          ephemeral: req.options.private === 'yes',
          paging: { page: 1, pages: 2, next: 'big page:2', prev: null },
        };
      },
    }),
    defineCommand({
      name: 'whoami',
      summary: 'Show what you may do here.',
      options: [],
      examples: ['whoami'],
      async run(req) {
        return text(JSON.stringify({ user: req.user.ref, channel: req.channel, isDirect: req.isDirect, ch: req.canManageChannel, src: req.canManageSources }), true);
      },
    }),
  ];
}
