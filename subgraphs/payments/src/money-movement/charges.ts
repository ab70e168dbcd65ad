// Creates a charge at the gateway for a charge row we committed first (status CREATING). The row's
// id is the gateway's clientRequestId, so creating again after a crash or a timeout finds the same
// charge instead of making a second one. A PIX or boleto charge made payable is announced
// (charge.issued) in the transaction that activates it; a card charge is not: it is decided at once,
// and its outcome is the payment's status change.
import type { Logger } from '@medpay/runtime';
import { PaymentsError } from '../errors.js';
import type { Charge, Payment, PrismaClient } from '../generated/prisma/client.js';
import type { Directory } from '../internal/directory.js';
import { GatewayUnavailableError, type PaymentGateway } from '../gateway/payment-gateway.js';
import type { Settlement } from './settlement.js';
import { chargeStore } from './charge-store.js';
import { chargeIssued } from '../events/domain-events.js';
import { outboxStore } from '../events/outbox-store.js';
import { inTransaction } from '../transaction.js';

export const gatewayUnavailable = () =>
  new PaymentsError('GATEWAY_UNAVAILABLE', 'O meio de pagamento não respondeu. Tente de novo com a mesma chave: nada será cobrado duas vezes.');

export class ChargeIssuer {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly gateway: PaymentGateway,
    private readonly directory: Directory,
    private readonly settlement: Settlement,
    private readonly pixExpirationSeconds: number,
    private readonly logger: Logger,
    /** tells the outbox relay there is something to publish */
    private readonly kick: () => void = () => {},
  ) {}

  /** Brings a CREATING charge to the gateway; `cardToken` only for card charges (never stored). */
  async issue(charge: Charge, payment: Payment, cardToken?: string): Promise<void> {
    if (charge.status !== 'CREATING') return;
    const identity = await this.directory.payerIdentity(payment.payerId);
    if (!identity) throw new PaymentsError('BAD_USER_INPUT', 'Complete seu cadastro (nome e CPF) antes de pagar.');
    const payer = { name: identity.name, document: identity.cpf };
    // No procedure name: it is health data, and would show on the patient's bank statement.
    const description = `MedPay Saúde${charge.installmentNumber ? ` — parcela ${charge.installmentNumber}/${payment.installmentCount}` : charge.payoff ? ' — quitação antecipada do crediário' : ''}`;
    try {
      if (charge.method === 'PIX') {
        const pix = await this.gateway.createPixCharge({
          clientRequestId: charge.id,
          amountCentavos: charge.amountCentavos,
          payer,
          description,
          expiresInSeconds: this.pixExpirationSeconds,
          dueDate: charge.installmentNumber ? charge.dueDate! : undefined,
        });
        await this.activate(charge, payment, { gatewayTransactionId: pix.transactionId, pixCopiaECola: pix.copiaECola, expiresAt: pix.expiresAt });
      } else if (charge.method === 'BOLETO') {
        const boleto = await this.gateway.createBoleto({ clientRequestId: charge.id, amountCentavos: charge.amountCentavos, payer, dueDate: charge.dueDate! });
        await this.activate(charge, payment, { gatewayTransactionId: boleto.transactionId, boletoLine: boleto.line, boletoBarcode: boleto.barcode, dueDate: boleto.dueDate });
      } else {
        if (!cardToken) return; // card charges are only made while the patient is there with a token
        const card = await this.gateway.chargeCard({ clientRequestId: charge.id, amountCentavos: charge.amountCentavos, installments: payment.installmentCount, cardToken, payer });
        await chargeStore.recordCard(this.prisma, charge.id, { gatewayTransactionId: card.transactionId, cardBrand: card.brand, cardLast4: card.last4 });
        if (card.status === 'APPROVED') {
          await this.settlement.chargePaid({ eventId: `card:${card.transactionId}`, transactionId: card.transactionId, clientRequestId: charge.id, amountCentavos: charge.amountCentavos, occurredAt: new Date() });
        } else {
          await this.settlement.chargeDeclined(charge, card.declineReason ?? 'Cartão recusado');
        }
      }
    } catch (error) {
      if (error instanceof GatewayUnavailableError) {
        this.logger.warn({ chargeId: charge.id }, 'gateway unavailable; the charge stays CREATING for a retry');
        throw gatewayUnavailable();
      }
      throw error;
    }
  }

  /** CREATING → ACTIVE with its charge.issued event, together; nothing when another writer activated it first. */
  private async activate(charge: Charge, payment: Payment, data: { gatewayTransactionId: string; pixCopiaECola?: string; expiresAt?: Date; boletoLine?: string; boletoBarcode?: string; dueDate?: string }) {
    const activated = await inTransaction(this.prisma, async (tx) => {
      if (!(await chargeStore.activate(tx, charge.id, data))) return false;
      await outboxStore.append(tx, chargeIssued(payment, { ...charge, expiresAt: data.expiresAt ?? charge.expiresAt, dueDate: data.dueDate ?? charge.dueDate }));
      return true;
    });
    if (activated) this.kick();
  }
}
