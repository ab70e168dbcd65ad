import { describe, expect, it } from '@jest/globals';
import { formatBRL } from '@medpay/money';
import fc from 'fast-check';
import { cardInstallments, type CardInstallmentsInput } from './index.js';

const clinicTerms = { interestFreeUpTo: 6, patientMonthlyRate: 0.0199, mdrBasisPoints: 299, anticipationMonthlyRate: 0.0199 };

describe('cardInstallments', () => {
  it('sem juros: the patient pays the cash price, the clinic bears MDR and anticipation', () => {
    const plan = cardInstallments({ priceCentavos: 100_000, count: 3, ...clinicTerms });
    // Anticipation by hand: 33 334·(1 − 1.0199⁻¹) + 33 333·(1 − 1.0199⁻²) + 33 333·(1 − 1.0199⁻³) = 3 851.81.
    expect(plan).toEqual({
      count: 3,
      installmentCentavos: 33_333,
      firstInstallmentCentavos: 33_334,
      totalCentavos: 100_000,
      interestFree: true,
      mdrCentavos: 2_990,
      anticipationCentavos: 3_852,
      feesCentavos: 6_842,
      clinicNetCentavos: 93_158,
    });
  });
  it('above the limit: the patient pays Price interest, the clinic only the MDR', () => {
    const plan = cardInstallments({ priceCentavos: 100_000, count: 12, ...clinicTerms });
    expect(plan).toEqual({
      count: 12,
      installmentCentavos: 9_450, // PMT 9 450.15
      firstInstallmentCentavos: 9_450,
      totalCentavos: 113_400,
      interestFree: false,
      mdrCentavos: 2_990,
      anticipationCentavos: 0,
      feesCentavos: 2_990,
      clinicNetCentavos: 97_010,
    });
    expect(`${plan.count}x de ${formatBRL(plan.installmentCentavos)}`).toBe('12x de R$ 94,50');
  });
  it('1x sem juros bears one month of anticipation', () => {
    const plan = cardInstallments({ priceCentavos: 100_000, count: 1, ...clinicTerms });
    expect(plan.anticipationCentavos).toBe(1_951); // 100 000 · (1 − 1/1.0199) = 1 951.17
    expect(plan.totalCentavos).toBe(100_000);
  });
  it('never charges less than the cash price with interest, even when PMT rounds down', () => {
    const plan = cardInstallments({ priceCentavos: 100, count: 7, interestFreeUpTo: 0, patientMonthlyRate: 0.0001, mdrBasisPoints: 0, anticipationMonthlyRate: 0 });
    expect(plan.installmentCentavos).toBe(15); // round(14.29) = 14 would total 98
    expect(plan.totalCentavos).toBe(105);
  });
  it('validates its inputs', () => {
    const base: CardInstallmentsInput = { priceCentavos: 100_000, count: 3, ...clinicTerms };
    for (const bad of [{ count: 0 }, { count: 13 }, { interestFreeUpTo: 13 }, { mdrBasisPoints: 10_001 }, { mdrBasisPoints: 2.5 }, { priceCentavos: 0 }, { anticipationMonthlyRate: -0.01 }, { patientMonthlyRate: 0.3 }]) {
      expect(() => cardInstallments({ ...base, ...bad })).toThrow(RangeError);
    }
    expect(() => cardInstallments({ ...base, count: 7, patientMonthlyRate: 0 })).toThrow(/patientMonthlyRate/);
    expect(() => cardInstallments({ ...base, count: 12, interestFreeUpTo: 12, mdrBasisPoints: 9_900 })).toThrow(/exceed/);
  });
  it('sem juros installments sum to the price and the clinic net plus fees is the price', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 1e9 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 1_000 }),
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        fc.double({ min: 0.0001, max: 0.1, noNaN: true }),
        (price, count, interestFreeUpTo, mdr, anticipation, patientRate) => {
          const plan = cardInstallments({ priceCentavos: price, count, interestFreeUpTo, mdrBasisPoints: mdr, anticipationMonthlyRate: anticipation, patientMonthlyRate: patientRate });
          expect(plan.clinicNetCentavos + plan.feesCentavos).toBe(price);
          expect(plan.feesCentavos).toBe(plan.mdrCentavos + plan.anticipationCentavos);
          if (plan.interestFree) {
            expect(plan.firstInstallmentCentavos + plan.installmentCentavos * (count - 1)).toBe(price);
            expect(plan.totalCentavos).toBe(price);
            expect(plan.firstInstallmentCentavos - plan.installmentCentavos).toBeLessThan(count);
          } else {
            expect(plan.totalCentavos).toBe(plan.installmentCentavos * count);
            expect(plan.totalCentavos).toBeGreaterThanOrEqual(price);
            expect(plan.anticipationCentavos).toBe(0);
          }
        },
      ),
    );
  });
});
