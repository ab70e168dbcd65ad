// What the resolvers return for each GraphQL object type that is not built field by field from the
// SDL (codegen.ts's `mappers`, as graphql-hive's module.graphql.mappers.ts): Prisma rows, domain
// objects and entity references. The generated Resolvers type checks parents and results against these.
import type { PaymentChange } from '../events/payment-events.js';
import type { PayoffQuote } from '../crediario/payoff.js';
import type { Charge, ContractSignature, Installment, Payment, PaymentLink, PaymentStatusChange } from '../generated/prisma/client.js';
import type { StatementEntry } from '../reporting/clinic-statement.js';

export type PaymentMapper = Payment;
/** A contract's signature, with whose it is (only the payer gets the signing link). */
export type CrediarioContractMapper = ContractSignature & { payerId: string; clinicId: string };
export type PaymentLinkMapper = PaymentLink;
/** A link as its token's holder sees it. */
export interface PaymentLinkViewMapper {
  token: string;
  status: 'ACTIVE' | 'USED' | 'CANCELED' | 'EXPIRED';
  procedureId: string;
  clinicId: string;
  expiresAt: string;
  patientFirstName: string;
}
export type InstallmentMapper = Installment;
export type PaymentStatusChangeMapper = PaymentStatusChange;
export type PaymentEventMapper = PaymentChange;
export type StatementEntryMapper = StatementEntry;
/** An early settlement is its charge (Charge.payoff lists what it pays). */
export type CrediarioPayoffMapper = Charge;
export type CrediarioPayoffQuoteMapper = PayoffQuote;
/** An entity of another subgraph, known here by its key only. */
export interface EntityReferenceMapper {
  id: string;
}
/** A page of payments; totalCount runs its count query only when the field is selected. */
export interface PaymentConnectionMapper {
  edges: { cursor: string; node: Payment }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number>;
}
/**
 * Payment instructions and the card's result as built from the charge row, whose columns may be null
 * where the SDL promises a value (a charge without an expiry or a barcode); typed as they are.
 */
export interface PixInstructionsMapper {
  copiaECola: string;
  qrCodePayload: string;
  expiresAt: string | null;
}
export interface BoletoInstructionsMapper {
  line: string;
  barcode: string | null;
  dueDate: string | null;
}
export interface CardResultMapper {
  brand: string | null;
  last4: string | null;
  approved: boolean;
  declineReason: string | null;
}
