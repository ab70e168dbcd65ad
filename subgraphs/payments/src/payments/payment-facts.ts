// A payment as a message about it shows it, now (the contract `paymentFacts`, asked by notifications):
// its parties, amounts and status, the charge the patient is asked to pay, and the crediário's
// schedule with the late charges payments' own rule gives today.
import type { paymentFacts } from '@medpay/contracts';
import type { z } from 'zod';
import type { Charge, Installment, Payment } from '../generated/prisma/client.js';
import { installmentDue } from '../crediario/late-charges.js';
import { chargeDeadline } from '../events/domain-events.js';

export type PaymentFacts = z.input<typeof paymentFacts.response>;

/** The charge awaiting payment: the latest one the gateway made payable (ACTIVE), or null. */
export function openChargeOf(charges: readonly Charge[]): Charge | null {
  return charges.filter((charge) => charge.status === 'ACTIVE').at(-1) ?? null;
}

/** `today` is São Paulo's date (YYYY-MM-DD), the day late charges are counted to. */
export function paymentFactsOf(payment: Payment & { charges: Charge[]; installments: Installment[] }, today: string): PaymentFacts {
  const open = openChargeOf(payment.charges);
  return {
    paymentId: payment.id,
    payerId: payment.payerId,
    clinicId: payment.clinicId,
    procedureId: payment.procedureId,
    status: payment.status,
    escrowState: payment.escrowState,
    method: payment.method,
    planKind: payment.planKind,
    patientTotalCentavos: payment.patientTotalCentavos,
    clinicNetCentavos: payment.clinicNetCentavos,
    refundedCentavos: payment.refundedCentavos,
    openCharge: open && { method: open.method, installmentNumber: open.installmentNumber, ...chargeDeadline(open) },
    installments: payment.installments.map((installment) => ({
      number: installment.number,
      dueDate: installment.dueDate,
      amountCentavos: installment.amountCentavos,
      status: installment.status,
      ...installmentDue(installment, today),
    })),
    createdAt: payment.createdAt.toISOString(),
  };
}
