// How a paid amount divides between the platform fee, processing costs and the clinic.

import { assertCentavos, percentOf } from './centavos.js';

export interface PaymentSplitInput {
  grossCentavos: number;
  platformFeeBasisPoints: number;
  processingCostCentavos: number;
}

export interface PaymentSplit {
  grossCentavos: number;
  platformFeeCentavos: number;
  processingCostCentavos: number;
  clinicNetCentavos: number;
}

/** The clinic takes whatever the fee (rounded half up) and the cost leave, so the parts sum to gross. */
export function splitPayment({ grossCentavos, platformFeeBasisPoints, processingCostCentavos }: PaymentSplitInput): PaymentSplit {
  assertCentavos(grossCentavos, 'grossCentavos');
  assertCentavos(processingCostCentavos, 'processingCostCentavos');
  const platformFeeCentavos = percentOf(grossCentavos, platformFeeBasisPoints);
  const clinicNetCentavos = grossCentavos - platformFeeCentavos - processingCostCentavos;
  if (clinicNetCentavos < 0) {
    throw new RangeError(`fee ${platformFeeCentavos} plus processing cost ${processingCostCentavos} exceed the gross ${grossCentavos}`);
  }
  return { grossCentavos, platformFeeCentavos, processingCostCentavos, clinicNetCentavos };
}
