import { describe, expect, it } from '@jest/globals';
import { cardTestingBurst, newAccountFarAboveNorm, ordinaryCheckout } from './checkout-fixtures.js';
import { featureReasons, reasonTexts } from './reasons.js';
import { applyRules, fraudRules } from './rules.js';

describe('fraud rules', () => {
  it('leave an ordinary checkout alone', () => {
    expect(applyRules(ordinaryCheckout())).toEqual([]);
  });

  it('decline a card-testing burst for the declines on the device', () => {
    expect(applyRules(cardTestingBurst())[0]).toMatchObject({
      rule: 'card-testing-device-declines',
      atLeast: 'DECLINE',
      reason: { code: 'MANY_DECLINES_DEVICE', text: reasonTexts.MANY_DECLINES_DEVICE },
    });
  });

  it('tolerate the one or two declines honest patients have', () => {
    expect(applyRules(ordinaryCheckout({ deviceDeclines1h: 2, cardDeclines1h: 2, ...{ methodPix: 0, methodCard: 1 } }))).toEqual([]);
  });

  it('send a new account far above the clinic norm to review', () => {
    expect(applyRules(newAccountFarAboveNorm())).toEqual([
      expect.objectContaining({ rule: 'new-account-high-ticket', atLeast: 'REVIEW', reason: expect.objectContaining({ code: 'NEW_ACCOUNT_HIGH_TICKET' }) }),
    ]);
    // The same ticket on an old account is the model's call, not a rule's.
    expect(applyRules(newAccountFarAboveNorm()).length).toBe(1);
    expect(applyRules({ ...newAccountFarAboveNorm(), accountAgeDays: 400 })).toEqual([]);
  });

  it('have unique ids, and every reason code in rules and features has a pt-BR text', () => {
    expect(new Set(fraudRules.map((rule) => rule.id)).size).toBe(fraudRules.length);
    for (const code of [...fraudRules.map((rule) => rule.reason), ...Object.values(featureReasons)]) {
      expect(reasonTexts[code]).toMatch(/\S/);
    }
  });
});
