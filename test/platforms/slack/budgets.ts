/** Asserts every Block Kit budget on one rendered message (shared by render and delivery tests). */
import { expect } from 'vitest';
import { SLACK_LIMITS, type SlackPayload } from '../../../src/platforms/slack/index.js';

export function blockTexts(payload: SlackPayload): string[] {
  const out: string[] = [];
  for (const b of payload.blocks) {
    if (b.type === 'header') out.push(b.text.text);
    if (b.type === 'section') out.push(...(b.text ? [b.text.text] : []), ...(b.fields ?? []).map((f) => f.text));
    if (b.type === 'context') out.push(...b.elements.map((e) => e.text));
    if (b.type === 'actions') out.push(...b.elements.flatMap((e) => [e.text.text, e.value]));
  }
  return out;
}

export function expectWithinBudget(payload: SlackPayload): void {
  expect(payload.blocks.length).toBeGreaterThan(0);
  expect(payload.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
  expect(payload.text.length).toBeGreaterThan(0);
  expect(payload.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  let total = 0;
  for (const b of payload.blocks) {
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    if (b.type === 'section') {
      expect(b.text ?? b.fields).toBeDefined();
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect((b.fields ?? []).length).toBeLessThanOrEqual(SLACK_LIMITS.fieldsPerSection);
      for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
    }
    if (b.type === 'context') for (const e of b.elements) expect(e.text.length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
  }
  for (const t of blockTexts(payload)) {
    expect(t.length).toBeGreaterThan(0);
    total += t.length;
  }
  expect(total).toBeLessThanOrEqual(SLACK_LIMITS.totalBlockText);
}
