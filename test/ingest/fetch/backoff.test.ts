import { describe, expect, it } from 'vitest';
import { nextPollDelay, shouldDisable } from '../../../src/ingest/fetch/index.js';

describe('nextPollDelay', () => {
  it('polls at the base interval with no failures and doubles per failure', () => {
    expect([0, 1, 2, 3, 4].map((n) => nextPollDelay(n, 600))).toEqual([600, 1200, 2400, 4800, 9600]);
  });

  it('caps the delay at maxSec (default one day) even for absurd failure counts', () => {
    expect(nextPollDelay(10, 600)).toBe(86_400);
    expect(nextPollDelay(5000, 600)).toBe(86_400);
    expect(nextPollDelay(3, 600, { maxSec: 3600 })).toBe(3600);
  });

  it('treats negative or fractional counts as whole non-negative counts', () => {
    expect(nextPollDelay(-2, 300)).toBe(300);
    expect(nextPollDelay(1.9, 300)).toBe(600);
  });

  it('spreads the delay by up to ±jitter using the injected random source', () => {
    expect(nextPollDelay(1, 600, { jitter: 0.25, random: () => 0 })).toBe(900); // 1200 − 25 %
    expect(nextPollDelay(1, 600, { jitter: 0.25, random: () => 0.5 })).toBe(1200);
    expect(nextPollDelay(1, 600, { jitter: 0.25, random: () => 0.999999 })).toBe(1500);
  });

  it('never exceeds the cap when jitter pushes upward', () => {
    expect(nextPollDelay(20, 600, { jitter: 0.5, random: () => 0.99 })).toBe(86_400);
  });
});

describe('shouldDisable', () => {
  it('disables after 5 consecutive failures by default', () => {
    expect([0, 4, 5, 6].map((n) => shouldDisable(n))).toEqual([false, false, true, true]);
  });

  it('honours a custom threshold', () => {
    expect(shouldDisable(2, 3)).toBe(false);
    expect(shouldDisable(3, 3)).toBe(true);
  });
});
