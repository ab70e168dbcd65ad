import { describe, expect, it } from '@jest/globals';
import { sameBankAccount, validateBankAccount } from './payout-rules.js';

describe('a clinic\'s bank account for TED payouts', () => {
  it('is normalized as the SPB takes it: agência in four digits, the account with its digit and no separator', () => {
    expect(validateBankAccount({ ispb: '60701190', branch: '123', account: ' 12.345-x ', accountType: 'CHECKING' })).toEqual({ ispb: '60701190', branch: '0123', account: '12345X', accountType: 'CHECKING' });
  });

  it('refuses a bank off the list, an agência with its digit, and an account without one, each with the field at fault', () => {
    const base = { ispb: '60701190', branch: '0123', account: '12345-6', accountType: 'SAVINGS' as const };
    for (const [input, field] of [
      [{ ...base, ispb: '341' }, 'bankAccount.ispb'],
      [{ ...base, branch: '0123-4' }, 'bankAccount.branch'],
      [{ ...base, account: '' }, 'bankAccount.account'],
      [{ ...base, account: 'abc' }, 'bankAccount.account'],
    ] as const) {
      expect(() => validateBankAccount(input)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', extensions: expect.objectContaining({ field }) }));
    }
  });

  it('is the same account whatever the order its stored fields come back in, and none is only the same as none', () => {
    const account = validateBankAccount({ ispb: '60701190', branch: '123', account: '12345-6', accountType: 'CHECKING' });
    expect(sameBankAccount(account, { accountType: 'CHECKING', account: '123456', branch: '0123', ispb: '60701190' })).toBe(true);
    expect([sameBankAccount(account, { ...account, account: '123457' }), sameBankAccount(account, null), sameBankAccount(null, null)]).toEqual([false, false, true]);
  });
});
