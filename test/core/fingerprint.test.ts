import { describe, expect, it } from 'vitest';
import { fingerprintDistance, fingerprintHalves, halvesDistance } from '../../src/core/index.js';

describe('fingerprints', () => {
  it('count the bits two fingerprints differ by, in either half', () => {
    expect(fingerprintDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(fingerprintDistance('00000000000000f0', '0000000000000001')).toBe(5);
    expect(fingerprintDistance('8000000000000000', '0000000000000000')).toBe(1);
    expect(fingerprintDistance('ABCDEF0123456789', 'abcdef0123456789')).toBe(0);
    let seed = 9;
    const hex = () => Array.from({ length: 16 }, () => ((seed = (seed * 1103515245 + 12345) % 2147483648) >>> 4) % 16).map((d) => d.toString(16)).join('');
    for (let i = 0; i < 200; i++) {
      const [a, b] = [hex(), hex()];
      const slow = [...(BigInt(`0x${a}`) ^ BigInt(`0x${b}`)).toString(2)].filter((c) => c === '1').length;
      expect(halvesDistance(fingerprintHalves(a)!, fingerprintHalves(b)!)).toBe(slow);
    }
  });

  it('take nothing but 16 hex digits', () => {
    expect(fingerprintHalves('xyz')).toBeNull();
    expect(fingerprintHalves('00000000000000000')).toBeNull();
    expect(fingerprintDistance('not a fingerprint', '0000000000000000')).toBe(64);
  });
});
