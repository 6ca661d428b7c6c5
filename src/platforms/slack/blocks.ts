/** The Block Kit subset Briefbot sends, and Slack's budgets for it. */

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
  /** Always true: Slack must not turn bare words into mentions or links. */
  verbatim: true;
}
export interface ButtonElement {
  type: 'button';
  action_id: string;
  text: PlainText;
  value: string;
}

export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text?: Mrkdwn; fields?: Mrkdwn[] }
  | { type: 'context'; elements: Mrkdwn[] }
  | { type: 'divider' }
  | { type: 'actions'; block_id: string; elements: ButtonElement[] };

/** One message: `text` is the notification fallback, itself escaped mrkdwn. */
export interface SlackPayload {
  text: string;
  blocks: SlackBlock[];
}

export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3_000,
  fieldsPerSection: 10,
  fieldText: 2_000,
  /** Our own cap on one fields section, so one block cannot eat the whole message. */
  fieldsSectionText: 8_000,
  headerText: 150,
  contextText: 3_000,
  buttonValue: 2_000,
  /** Slack's undocumented `msg_blocks_too_long` sits near 12–13k; keep a margin. */
  totalBlockText: 11_000,
  fallbackText: 3_000,
} as const;

export const NEXT_PAGE_ACTION = 'briefbot_next_page';

export const mrkdwn = (text: string): Mrkdwn => ({ type: 'mrkdwn', text, verbatim: true });

/** Characters of text a block contributes toward the per-message total. */
export function blockTextLength(block: SlackBlock): number {
  switch (block.type) {
    case 'header':
      return block.text.text.length;
    case 'section':
      return (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((n, f) => n + f.text.length, 0);
    case 'context':
      return block.elements.reduce((n, e) => n + e.text.length, 0);
    case 'actions':
      return block.elements.reduce((n, e) => n + e.text.text.length + e.value.length, 0);
    case 'divider':
      return 0;
  }
}
