// Bodies of the webhooks the simulator sends, shaped like Celcoin's: PIX receipts in the RECEIVEPIX
// model (PascalCase, amount in reais, EndToEndId unique per receipt, createdTimestamp in Brasília time),
// everything else in the BaaS envelope { entity, webhookId, createTimestamp, status, body }.
import { randomUUID } from 'node:crypto';
import { centavosToDecimal } from '@medpay/br-rails';
import type { BoletoRecord, ChargebackRecord, PayoutRecord, PixChargeRecord, RefundRecord, TedRecord } from './state.js';

const reais = (centavos: number) => Number(centavosToDecimal(centavos));

/** "MM/DD/YYYY hh:mm:ss" in UTC-03:00, the format Celcoin documents for RECEIVEPIX. */
export function brasiliaTimestamp(instant: Date): string {
  const local = new Date(instant.getTime() - 3 * 3_600_000).toISOString();
  return `${local.slice(5, 7)}/${local.slice(8, 10)}/${local.slice(0, 4)} ${local.slice(11, 19)}`;
}

export const CELCOIN_ISPB = '13935893';

export function receivePix(charge: PixChargeRecord, payer: { name: string; document: string }, paidAt: Date) {
  return {
    RequestBody: {
      TransactionType: 'RECEIVEPIX',
      TransactionTypePix: charge.type === 'COB' ? 'DYNAMIC_IMMEDIATE' : 'DYNAMIC_DUEDATE',
      TransactionId: randomUUID(),
      TransactionIdBRCode: charge.transactionId,
      ClientRequestId: charge.clientRequestId,
      TransactionIdentification: charge.txid,
      Amount: reais(charge.paidCentavos),
      EndToEndId: charge.endToEndId,
      DebitParty: { Name: payer.name, TaxId: payer.document, PersonType: payer.document.length > 11 ? 'LEGAL_PERSON' : 'NATURAL_PERSON', Bank: '18236120', Branch: '1', Account: '416781236', AccountType: 'CACC' },
      CreditParty: { Key: charge.key, Bank: CELCOIN_ISPB, Branch: '1', Account: '300541976902', AccountType: 'TRAN', PersonType: 'LEGAL_PERSON' },
      createdTimestamp: brasiliaTimestamp(paidAt),
    },
  };
}

function envelope(entity: string, status: string, body: Record<string, unknown>, at: Date) {
  return { entity, webhookId: randomUUID(), createTimestamp: at.toISOString(), status, body };
}

export function boletoPaid(boleto: BoletoRecord, paidAt: Date) {
  return envelope('charge-in', 'CONFIRMED', {
    transactionId: boleto.transactionId,
    externalId: boleto.externalId,
    amount: reais(boleto.amountCentavos),
    paidAmount: reais(boleto.paidCentavos),
    paymentDate: paidAt.toISOString(),
    digitableLine: boleto.line,
  }, paidAt);
}

/** A charge (PIX or boleto) that can no longer be paid. */
export function chargeClosed(charge: PixChargeRecord | BoletoRecord, outcome: 'canceled' | 'expired', at: Date) {
  const reference = charge.kind === 'pix' ? { clientRequestId: charge.clientRequestId } : { externalId: charge.externalId };
  return envelope(outcome === 'canceled' ? 'charge-canceled' : 'charge-expired', outcome === 'canceled' ? 'CANCELED' : 'EXPIRED', {
    transactionId: charge.transactionId,
    paymentMethod: charge.kind === 'pix' ? 'PIX' : 'BOLETO',
    ...reference,
    amount: reais(charge.amountCentavos),
  }, at);
}

export function payoutSettled(payout: PayoutRecord, at: Date) {
  return envelope('pix-payment-out', payout.status, {
    id: payout.transactionId,
    clientCode: payout.clientRequestId,
    amount: reais(payout.amountCentavos),
    endToEndId: payout.endToEndId,
    creditParty: { key: payout.key },
    ...(payout.error ? { error: payout.error } : {}),
  }, at);
}

/** A TED settled (CONFIRMED), or returned by the receiving bank (ERROR, with the reason). */
export function tedSettled(ted: TedRecord, at: Date) {
  return envelope('spb-transfer-out', ted.status, {
    id: ted.transactionId,
    clientCode: ted.clientCode,
    amount: reais(ted.amountCentavos),
    creditParty: { bank: ted.creditParty.bank, branch: ted.creditParty.branch, account: ted.creditParty.account },
    ...(ted.error ? { error: ted.error } : {}),
  }, at);
}

export function refundSettled(refund: RefundRecord, at: Date) {
  return envelope(refund.method === 'pix' ? 'pix-reversal-out' : 'card-reversal-out', refund.status, {
    id: refund.transactionId,
    clientCode: refund.clientRequestId,
    originalTransactionId: refund.originalTransactionId,
    amount: reais(refund.amountCentavos),
    returnIdentification: refund.returnIdentification,
    reason: refund.reason,
  }, at);
}

/** A chargeback already debited (CONFIRMED): the acquirer's notice, with the scheme's reason code. */
export function chargebackDebited(chargeback: ChargebackRecord, at: Date) {
  return envelope('card-chargeback', 'CONFIRMED', {
    id: chargeback.chargebackId,
    originalTransactionId: chargeback.originalTransactionId,
    amount: reais(chargeback.amountCentavos),
    reasonCode: chargeback.reasonCode,
    reason: chargeback.reason,
  }, at);
}
