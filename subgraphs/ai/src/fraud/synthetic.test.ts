import { describe, expect, it } from '@jest/globals';
import { mulberry32 } from '../random.js';
import { featureOrder } from './features.js';
import { fraudPatternRates, generateCheckouts } from './synthetic.js';

describe('synthetic checkouts', () => {
  it('are the same checkouts, in the same order, for the same seed', () => {
    expect(generateCheckouts(2_000, 7)).toEqual(generateCheckouts(2_000, 7));
  });

  it('differ for another seed', () => {
    expect(generateCheckouts(200, 7)).not.toEqual(generateCheckouts(200, 8));
  });

  it('draw the same numbers on every run (the PRNG is ours, not Math.random)', () => {
    const next = mulberry32(42);
    expect([next(), next(), next()].map((value) => value.toFixed(8))).toEqual(['0.60110375', '0.44829056', '0.85246579']);
  });

  it('hold every fraud pattern at a 2–5 % fraud rate, with finite features and consistent labels', () => {
    const rows = generateCheckouts(20_000, 20_261_205);
    const fraud = rows.filter((row) => row.label === 1);
    expect(fraud.length / rows.length).toBeGreaterThan(0.02);
    expect(fraud.length / rows.length).toBeLessThan(0.05);
    for (const pattern of Object.keys(fraudPatternRates)) expect(fraud.some((row) => row.pattern === pattern)).toBe(true);
    // One assertion over all rows: an expect per row and feature would take most of the run.
    const malformed = rows.filter(
      (row) =>
        row.label !== (row.pattern === 'LEGITIMATE' ? 0 : 1) ||
        !featureOrder.every((name) => Number.isFinite(row.features[name])) ||
        !Number.isInteger(row.features.amountCentavos) ||
        row.features.methodPix + row.features.methodBoleto + row.features.methodCard + row.features.methodCrediario !== 1,
    );
    expect(malformed).toEqual([]);
  });

  it('make card testing a burst of declines on one device, which honest patients almost never show', () => {
    const rows = generateCheckouts(20_000, 3);
    const share = (pattern: string) => {
      const matching = rows.filter((row) => row.pattern === pattern);
      return matching.filter((row) => row.features.deviceDeclines1h >= 3).length / matching.length;
    };
    expect(share('CARD_TESTING')).toBeGreaterThan(0.6);
    expect(share('LEGITIMATE')).toBeLessThan(0.001);
  });
});
