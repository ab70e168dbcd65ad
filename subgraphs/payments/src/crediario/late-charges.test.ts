import { describe, expect, it } from '@jest/globals';
import { lateChargesCentavos } from './late-charges.js';

describe('late charges', () => {
  it('are zero up to the due date', () => {
    expect(lateChargesCentavos(10_000, '2026-12-10', '2026-12-10')).toBe(0);
  });
  it('are the 2 % multa plus 1 % a month pro rata die', () => {
    expect(lateChargesCentavos(10_000, '2026-12-10', '2026-12-11')).toBe(200 + 3); // 1 day: 10000 × 1% / 30 = 3,33
    expect(lateChargesCentavos(10_000, '2026-12-10', '2027-01-09')).toBe(200 + 100); // 30 days
  });
});
