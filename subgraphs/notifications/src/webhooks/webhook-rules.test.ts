import { describe, expect, it } from '@jest/globals';
import { isFailing, nextAttemptAt, STANDARD_RETRY_SCHEDULE, validateEventTypes } from './webhook-rules.js';

const HOUR = 3_600_000;

describe('the retry schedule', () => {
  it('follows Standard Webhooks: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, then 10 h until 3 days after creation', () => {
    const createdAt = new Date('2026-12-06T00:00:00Z');
    const attempts = [createdAt];
    for (let failed = 1; ; failed++) {
      const next = nextAttemptAt(STANDARD_RETRY_SCHEDULE, createdAt, failed, attempts.at(-1)!);
      if (!next) break;
      attempts.push(next);
    }
    const gaps = attempts.slice(1).map((at, n) => at.getTime() - attempts[n]!.getTime());
    expect(gaps).toEqual([5_000, 300_000, 1_800_000, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR, 10 * HOUR, 10 * HOUR, 10 * HOUR, 10 * HOUR]);
    expect(attempts.at(-1)!.getTime() - createdAt.getTime()).toBeLessThanOrEqual(72 * HOUR);
  });

  it('ends a redelivered old delivery after its one new attempt', () => {
    const createdAt = new Date(Date.now() - 5 * 24 * HOUR);
    expect(nextAttemptAt(STANDARD_RETRY_SCHEDULE, createdAt, 12, new Date())).toBeNull();
  });
});

describe('event types and failing endpoints', () => {
  it('accepts the offered types once each and refuses the rest', () => {
    expect(validateEventTypes(['charge.issued', 'charge.issued', 'installment.paid'])).toEqual(['charge.issued', 'installment.paid']);
    expect(() => validateEventTypes([])).toThrow('Escolha ao menos um tipo de evento.');
    expect(() => validateEventTypes(['clinic.approved'])).toThrow(/Tipo de evento desconhecido: clinic\.approved/);
  });

  it('calls an endpoint failing once its streak is an hour old', () => {
    const now = new Date();
    expect(isFailing(null, now)).toBe(false);
    expect(isFailing(new Date(now.getTime() - HOUR + 1_000), now)).toBe(false);
    expect(isFailing(new Date(now.getTime() - HOUR), now)).toBe(true);
  });
});
