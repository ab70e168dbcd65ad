// Checkout: turns a plan the patient simulated into a payment and its first charge. Priced from the
// catalog, never from the client; idempotent by the patient's key; crediário only after a credit
// decision and the patient's acceptance of the exact contract terms; never charged before anti-fraud
// has assessed it (a REVIEW holds it for the back office, a DECLINE declines it). The decision is pure
// (checkout-decision.ts); this reads its facts and writes its result through the checkout store.
import { isUuid, notFound } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import type { CheckoutInput } from '../__generated__/resolvers-types.js';
import type { Payment } from '../generated/prisma/client.js';
import { PaymentsError } from '../errors.js';
import type { Directory } from '../internal/directory.js';
import type { ChargeIssuer } from '../money-movement/charges.js';
import type { PaymentAccess } from '../payments/access.js';
import type { CreditCheck } from '../crediario/credit-check.js';
import type { ContractSigning } from '../crediario/contract-signing.js';
import type { PaymentLinks } from '../links/payment-links.js';
import { assertCpfOpensCredit, assertCrediarioAllowed, checkoutPlan, financedOf, newPayment, type CreditRecord } from './checkout-decision.js';
import { cardFingerprint, type FraudScreen } from './fraud-screen.js';
import type { CheckoutKey, CheckoutStore } from './checkout-store.js';
import { assertKey, isKeyConflict, requestHash } from './idempotency-store.js';
import { todayInSaoPaulo } from './plans.js';

export interface CheckoutContext {
  access: Pick<PaymentAccess, 'requireUser'>;
  clientIp: string;
  deviceId?: string;
}

export class Checkout {
  constructor(
    private readonly store: CheckoutStore,
    private readonly directory: Pick<Directory, 'procedures' | 'cpfStanding' | 'payerIdentity'>,
    private readonly charges: Pick<ChargeIssuer, 'issue'>,
    private readonly contracts: Pick<ContractSigning, 'send'>,
    private readonly links: Pick<PaymentLinks, 'payable'>,
    /** what payments asks ai before a payment exists: the fraud screen and the credit decision */
    private readonly ai: { fraud: Pick<FraudScreen, 'assess'>; credit: Pick<CreditCheck, 'decide'> },
    private readonly platformFeeBasisPoints: number,
    /** tells the outbox relay there is something to publish */
    private readonly kick: () => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async checkout(input: CheckoutInput, { access, clientIp, deviceId }: CheckoutContext): Promise<Payment> {
    const payerId = access.requireUser();
    assertKey(input.idempotencyKey);
    const { idempotencyKey, ...request } = input;
    const key: CheckoutKey = { scope: `checkout:${payerId}`, key: idempotencyKey, hash: requestHash(request) };

    const existing = await this.store.paymentOfKey(key);
    if (existing) return this.resume(existing, input.cardToken);

    const now = this.now();
    // Through a clinic's link: it must still be payable, for this procedure and (if it says) this CPF.
    const link = input.paymentLinkToken ? await this.links.payable(input.paymentLinkToken, input.procedureId, (await this.directory.payerIdentity(payerId))?.cpf ?? null) : null;
    const [catalogProcedure] = await this.directory.procedures([input.procedureId]);
    const { procedure, plan } = checkoutPlan(input, { procedure: catalogProcedure, platformFeeBasisPoints: this.platformFeeBasisPoints, today: todayInSaoPaulo(now) });
    let credit: CreditRecord | undefined;
    if (plan.kind === 'CREDIARIO') {
      if (!input.incomeBand) throw new PaymentsError('BAD_USER_INPUT', 'Informe sua faixa de renda mensal para pedir o crediário.', { field: 'incomeBand' });
      assertCpfOpensCredit(await this.directory.cpfStanding(payerId));
      const history = await this.store.creditHistory(payerId, todayInSaoPaulo(now));
      const plannedCredit = { financedAmountCentavos: financedOf(plan), installmentCount: plan.installmentCount, installmentCentavos: plan.installmentCentavos };
      const decision = await this.ai.credit.decide({ incomeBand: input.incomeBand, history, priceCentavos: procedure.priceCentavos, plan: plannedCredit });
      assertCrediarioAllowed(input, plan, decision);
      credit = { incomeBand: input.incomeBand, source: decision.source, modelVersion: decision.modelVersion };
    }

    const record = newPayment({ payerId, procedure, plan, method: input.method, now, clientIp, credit, newId: randomUUID });
    const { payment } = record;
    const verdict = await this.ai.fraud.assess({
      paymentId: payment.id,
      payerId,
      clinicId: payment.clinicId,
      procedureId: payment.procedureId,
      category: procedure.category,
      method: payment.method,
      planKind: payment.planKind,
      amountCentavos: payment.patientTotalCentavos,
      deviceId: deviceId ?? null,
      clientIp,
      cardFingerprint: cardFingerprint(input.cardToken),
      at: now.toISOString(),
    });
    try {
      await this.store.create(record, key, verdict, link?.id);
    } catch (error) {
      // Another request with the same key won the race: answer with its payment.
      if (isKeyConflict(error)) return this.resume((await this.store.paymentOfKey(key))!, input.cardToken);
      throw error;
    }
    this.kick();
    return this.resume(record.payment.id, input.cardToken);
  }

  /**
   * A card payment the back office approved after review: the patient presents the card again (card
   * tokens are never stored), and its first charge goes to the gateway — once, by the charge's id.
   */
  async payWithCard(paymentId: string, cardToken: string, { access }: Pick<CheckoutContext, 'access'>): Promise<Payment> {
    const payerId = access.requireUser();
    const found = isUuid(paymentId) ? await this.store.withFirstCharge(paymentId) : null;
    if (!found || found.payment.payerId !== payerId) throw notFound('Pagamento');
    const { payment, firstCharge } = found;
    if (payment.method !== 'CARD' || payment.status !== 'AWAITING_PAYMENT' || payment.holdReason || firstCharge?.status !== 'CREATING') {
      throw new PaymentsError('PAYMENT_NOT_PAYABLE', 'Este pagamento não está aguardando um cartão.');
    }
    if (!cardToken.trim()) throw new PaymentsError('BAD_USER_INPUT', 'Informe o cartão.', { field: 'cardToken' });
    await this.charges.issue(firstCharge, payment, cardToken);
    return this.store.payment(paymentId);
  }

  /**
   * Makes sure the payment's first charge exists at the gateway (none while held or declined), or a
   * crediário's contract is out for signature, then returns the payment.
   */
  private async resume(paymentId: string, cardToken?: string | null): Promise<Payment> {
    const { payment, firstCharge } = (await this.store.withFirstCharge(paymentId))!;
    if (firstCharge) await this.charges.issue(firstCharge, payment, cardToken ?? undefined);
    // ClickSign down: the envelope is made by the background pass; the payment waits either way.
    if (payment.status === 'AWAITING_SIGNATURE') await this.contracts.send(payment.id).catch(() => undefined);
    return this.store.payment(paymentId);
  }
}
