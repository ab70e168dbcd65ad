// Helpers the resolver files share: ISO dates, payment pages, the payment a caller may see, and the
// payment instructions of a charge.
import { decodeCursor, notFound, pageSize, toConnection } from '@medpay/runtime';
import type { Charge, Payment, Prisma } from '../generated/prisma/client.js';
import type { Page } from '../payments/payment-store.js';
import type { PaymentsContext } from './context.js';
import type { BoletoInstructionsMapper, PaymentConnectionMapper, PixInstructionsMapper } from './mappers.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export function iso(date: Date): string;
export function iso(date: Date | null | undefined): string | null;
export function iso(date: Date | null | undefined) {
  return date?.toISOString() ?? null;
}

/** A page of payments; totalCount is counted only when asked for. */
const connection = (page: Page<Payment>, count: () => Promise<number>): PaymentConnectionMapper => ({ ...toConnection(page), totalCount: count });

export async function paymentsWhere(where: Prisma.PaymentWhereInput, args: PageArgs, { store }: PaymentsContext) {
  return connection(await store.page(where, pageSize(args.first, 20), decodeCursor(args.after)), () => store.count(where));
}

export const pixOf = (charge: Charge | undefined): PixInstructionsMapper | null =>
  charge?.pixCopiaECola && charge.status === 'ACTIVE' ? { copiaECola: charge.pixCopiaECola, qrCodePayload: charge.pixCopiaECola, expiresAt: iso(charge.expiresAt) } : null;
export const boletoOf = (charge: Charge | undefined): BoletoInstructionsMapper | null =>
  charge?.boletoLine && charge.status === 'ACTIVE' ? { line: charge.boletoLine, barcode: charge.boletoBarcode, dueDate: charge.dueDate } : null;

/** The charge the patient should pay now: the latest open one. */
export async function currentCharge(payment: Payment, { loaders }: PaymentsContext) {
  const charges = await loaders.charges.load(payment.id);
  return charges.filter((c) => c.status === 'ACTIVE').at(-1) ?? charges.at(-1);
}

export async function visiblePayment(id: string, context: PaymentsContext): Promise<Payment | null> {
  const payment = await context.loaders.payment.load(id);
  return payment && (await context.access.canSee(payment)) ? payment : null;
}

/**
 * A payment a row refers to by foreign key, for a non-null field: payments are never deleted, so it is
 * there; should it not be, the field fails as not found.
 */
export async function referencedPayment(payment: Promise<Payment | null>): Promise<Payment> {
  return (await payment) ?? Promise.reject(notFound('Pagamento'));
}
