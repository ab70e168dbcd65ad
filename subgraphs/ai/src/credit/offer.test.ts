import { describe, expect, it } from '@jest/globals';
import { mulberry32 } from '../random.js';
import { emptyHistory, priceInstallmentCentavos, type CreditApplicant, type CreditHistory } from './features.js';
import { CreditModel } from './model.js';
import { amountGrid, creditOffer, type OfferRequest } from './offer.js';
import { reasonTexts } from './reasons.js';
import { MAX_FINANCED_CENTAVOS } from './rules.js';
import { generateApplicants, installmentOptions } from './synthetic.js';

const model = await CreditModel.load(new URL('../../models/credit-1.0.0.json', import.meta.url));

const protectedAttributes = { sex: 'F', ageBand: '35-49', region: 'SE' } as const;
const goodPayer: CreditApplicant = {
  incomeBand: 'DE_4_A_10_SM',
  history: { ...emptyHistory, paidInstallments: 24, monthsSinceFirstPayment: 30, completedCrediarios: 2 },
  protected: protectedAttributes,
};
const request = (priceCentavos: number): OfferRequest => ({ priceCentavos, installmentOptions });

/** A history no better than `history` in any respect, worsened at random in one or more. */
function worsen(history: CreditHistory, random: () => number): CreditHistory {
  const worse = { ...history };
  const pick = () => random() < 0.4;
  if (pick()) worse.latePaidInstallments += 1 + Math.floor(random() * 6);
  if (pick()) worse.maxDaysLate += 1 + Math.floor(random() * 60);
  if (pick()) worse.outstandingPrincipalCentavos += Math.round(random() * 500_000);
  if (random() < 0.1) worse.activeCrediarios += 1;
  if (random() < 0.05) worse.overdueInstallments += 1;
  if (pick()) worse.paidInstallments = Math.max(0, worse.paidInstallments - Math.floor(random() * 10));
  if (pick()) worse.monthsSinceFirstPayment = Math.max(0, worse.monthsSinceFirstPayment - Math.floor(random() * 12));
  if (pick()) worse.completedCrediarios = Math.max(0, worse.completedCrediarios - 1);
  return worse;
}

describe('the crediário offer', () => {
  it('finances the whole price of an ordinary procedure for a good payer, at a Price-table installment', () => {
    const offer = creditOffer(model, goodPayer, request(300_000));
    expect(offer).toMatchObject({ approved: true, maxAmountCentavos: 300_000, reasons: [], modelVersion: '1.0.0' });
    expect(installmentOptions).toContain(offer.maxInstallments);
    expect(offer.installmentCentavos).toBe(priceInstallmentCentavos(300_000, 0.0299, offer.maxInstallments));
    expect(offer.score).toBeLessThan(model.approvalThreshold);
  });

  it('refuses with OVERDUE_INSTALLMENTS while an installment is overdue, whatever else', () => {
    const offer = creditOffer(model, { ...goodPayer, history: { ...goodPayer.history, overdueInstallments: 1, activeCrediarios: 1 } }, request(50_000));
    expect(offer).toMatchObject({ approved: false, maxAmountCentavos: 0, maxInstallments: 0 });
    expect(offer.reasons.map((entry) => entry.code)).toContain('OVERDUE_INSTALLMENTS');
    expect(offer.reasons[0]!.text).toBe(reasonTexts.OVERDUE_INSTALLMENTS);
  });

  it('refuses a third active crediário with TOO_MANY_ACTIVE_CONTRACTS', () => {
    const offer = creditOffer(model, { ...goodPayer, history: { ...goodPayer.history, activeCrediarios: 2 } }, request(50_000));
    expect(offer.approved).toBe(false);
    expect(offer.reasons.map((entry) => entry.code)).toEqual(['TOO_MANY_ACTIVE_CONTRACTS']);
  });

  it('never finances more than R$ 30.000,00, and says so', () => {
    const offer = creditOffer(model, { ...goodPayer, incomeBand: 'ACIMA_10_SM' }, request(5_000_000));
    expect(offer.maxAmountCentavos).toBeLessThanOrEqual(MAX_FINANCED_CENTAVOS);
    expect(offer.reasons.map((entry) => entry.code)).toContain('AMOUNT_ABOVE_MAXIMUM');
  });

  it('offers less than the price to a low income with a heavy request, saying why not all of it', () => {
    const offer = creditOffer(model, { ...goodPayer, incomeBand: 'ATE_2_SM', history: emptyHistory }, request(2_000_000));
    expect(offer.maxAmountCentavos).toBeLessThan(2_000_000);
    expect(offer.reasons.length).toBeGreaterThan(0);
  });

  const population = generateApplicants(150, 31);

  it('always gives a refusal at least one pt-BR reason', () => {
    for (const row of population) {
      const offer = creditOffer(model, row.applicant, request(row.request.financedAmountCentavos));
      if (offer.approved) continue;
      expect(offer.reasons.length).toBeGreaterThan(0);
      for (const entry of offer.reasons) expect(entry.text).toBe(reasonTexts[entry.code]);
    }
  });

  it('never offers a larger amount to a worse history', () => {
    const random = mulberry32(2026);
    const violations: string[] = [];
    for (const row of population) {
      const price = Math.max(30_000, row.request.financedAmountCentavos * 2);
      const base = creditOffer(model, row.applicant, request(price));
      const worseHistory = worsen(row.applicant.history, random);
      const worse = creditOffer(model, { ...row.applicant, history: worseHistory }, request(price));
      if (worse.maxAmountCentavos > base.maxAmountCentavos) violations.push(JSON.stringify({ history: row.applicant.history, worseHistory, price }));
    }
    expect(violations).toEqual([]);
  });

  it('finds the same largest amount as trying every amount of the grid', () => {
    for (const row of population.slice(0, 15)) {
      if (row.applicant.history.overdueInstallments > 0 || row.applicant.history.activeCrediarios >= 2) continue;
      const price = Math.min(MAX_FINANCED_CENTAVOS, row.request.financedAmountCentavos * 3);
      const grid = amountGrid(price, 5_000, 30_000);
      const exhaustive = Math.max(
        0,
        ...installmentOptions.flatMap((count) =>
          grid.filter((amount) => model.scoreApplicant(row.applicant, { financedAmountCentavos: amount, installmentCount: count }).approved),
        ),
      );
      expect(creditOffer(model, row.applicant, request(price)).maxAmountCentavos).toBe(exhaustive);
    }
  });

  it('tries amounts from the minimum to the ceiling in steps', () => {
    expect(amountGrid(100_000, 25_000, 30_000)).toEqual([30_000, 50_000, 75_000, 100_000]);
    expect(amountGrid(20_000, 5_000, 30_000)).toEqual([20_000]);
  });
});
