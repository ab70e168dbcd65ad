// Card plans of 1–12 installments: "parcelado sem juros" up to the clinic's limit (the clinic bears
// the cost), Price interest paid by the patient above it. Shows the patient the installment and the
// clinic its net.

import { allocate, assertCentavos, percentOf, roundHalfUp } from '@medpay/money';
import { pmt } from './price-table.js';
import { assertCount, assertRate } from './validation.js';

export const MAX_CARD_INSTALLMENTS = 12;
const MAX_CARD_RATE = 0.2;

export interface CardInstallmentsInput {
  priceCentavos: number;
  count: number;
  /** Largest count the clinic offers without interest (0: every plan bears interest). */
  interestFreeUpTo: number;
  /** Interest the patient pays per month above interestFreeUpTo. */
  patientMonthlyRate: number;
  /** Acquirer MDR on the price. */
  mdrBasisPoints: number;
  /** Monthly discount to receive all installments now instead of as they fall due. */
  anticipationMonthlyRate: number;
}

export interface CardInstallments {
  count: number;
  /** The regular installment ("12x de R$ 123,45"). */
  installmentCentavos: number;
  /** Installment 1, which absorbs the split's leftover centavos sem juros; otherwise the same as the rest. */
  firstInstallmentCentavos: number;
  totalCentavos: number;
  interestFree: boolean;
  mdrCentavos: number;
  anticipationCentavos: number;
  /** mdrCentavos + anticipationCentavos. */
  feesCentavos: number;
  clinicNetCentavos: number;
}

/**
 * Sem juros: the patient pays the cash price split in count (installment 1 takes the leftover
 * centavos) and the clinic bears the MDR plus the anticipation discount
 * Σ_k installment_k · (1 − (1 + a)^−k), rounded half up once on the sum.
 * With interest: every installment is round(PMT) at patientMonthlyRate (but at least ⌈price / count⌉),
 * so the total is installment × count; the clinic bears only the MDR on the price, since the interest pays for
 * the anticipation (a deliberate simplification).
 */
export function cardInstallments(input: CardInstallmentsInput): CardInstallments {
  const { priceCentavos, count, interestFreeUpTo, patientMonthlyRate, mdrBasisPoints, anticipationMonthlyRate } = input;
  assertCentavos(priceCentavos, 'priceCentavos');
  if (priceCentavos === 0) throw new RangeError('priceCentavos must be positive');
  assertCount(count, 'count', 1, MAX_CARD_INSTALLMENTS);
  assertCount(interestFreeUpTo, 'interestFreeUpTo', 0, MAX_CARD_INSTALLMENTS);
  assertRate(patientMonthlyRate, 'patientMonthlyRate', MAX_CARD_RATE);
  assertRate(anticipationMonthlyRate, 'anticipationMonthlyRate', MAX_CARD_RATE);
  assertCount(mdrBasisPoints, 'mdrBasisPoints', 0, 10_000);

  const interestFree = count <= interestFreeUpTo;
  if (!interestFree && patientMonthlyRate === 0) {
    throw new RangeError(`count ${count} is above interestFreeUpTo ${interestFreeUpTo} but patientMonthlyRate is 0`);
  }
  const mdrCentavos = percentOf(priceCentavos, mdrBasisPoints);
  const plan = interestFree ? interestFreePlan(priceCentavos, count, anticipationMonthlyRate) : withInterestPlan(priceCentavos, count, patientMonthlyRate);
  const feesCentavos = mdrCentavos + plan.anticipationCentavos;
  if (feesCentavos > priceCentavos) throw new RangeError(`card fees ${feesCentavos} exceed the price ${priceCentavos}`);
  return { count, interestFree, ...plan, mdrCentavos, feesCentavos, clinicNetCentavos: priceCentavos - feesCentavos };
}

interface Plan {
  installmentCentavos: number;
  firstInstallmentCentavos: number;
  totalCentavos: number;
  anticipationCentavos: number;
}

function interestFreePlan(priceCentavos: number, count: number, anticipationMonthlyRate: number): Plan {
  const installments = allocate(priceCentavos, Array.from({ length: count }, () => 1), 0);
  const discount = installments.reduce((sum, amount, index) => sum + amount * (1 - Math.pow(1 + anticipationMonthlyRate, -(index + 1))), 0);
  return {
    installmentCentavos: installments[count - 1]!,
    firstInstallmentCentavos: installments[0]!,
    totalCentavos: priceCentavos,
    anticipationCentavos: roundHalfUp(discount),
  };
}

/** Rounding PMT down could make paying with interest cheaper than cash (R$ 1,00 in 7x at 0.01 %: 7 × 14), so never below ⌈price / count⌉. */
function withInterestPlan(priceCentavos: number, count: number, patientMonthlyRate: number): Plan {
  const installment = Math.max(roundHalfUp(pmt(priceCentavos, patientMonthlyRate, count)), Math.ceil(priceCentavos / count));
  return { installmentCentavos: installment, firstInstallmentCentavos: installment, totalCentavos: installment * count, anticipationCentavos: 0 };
}
