// Checkout: turns a plan the patient simulated into a payment and its first charge. Priced from the
// catalog, never from the client; idempotent by the patient's key; crediário only after a credit
// decision and the patient's acceptance of the exact contract terms.
import type { FieldEncryption } from '@medpay/runtime';
import { PaymentsError } from './errors.js';
import { randomUUID } from 'node:crypto';
import type { PaymentAccess } from './access.js';
import type { ChargeIssuer } from './charges.js';
import type { Directory } from './directory.js';
import type { Payment, PaymentMethod, PrismaClient } from './generated/prisma/client.js';
import { assertKey, claimKey, findByKey, isKeyConflict, requestHash } from './idempotency.js';
import { planById, todayInSaoPaulo, type PaymentPlan } from './plans.js';
import * as pricing from './pricing.js';
import { PAYMENT_STATUS_CHANGED } from './transitions.js';

export interface CheckoutInput {
  procedureId: string;
  planId: string;
  method: PaymentMethod;
  idempotencyKey: string;
  /** from the gateway's browser tokenization, for card plans */
  cardToken?: string | null;
  /** crediário: day of the month for the installments */
  firstDueDay?: number | null;
  /** crediário: the hash of the contract terms the patient read and accepted */
  acceptedContractTermsHash?: string | null;
}

export interface CheckoutContext {
  access: PaymentAccess;
  clientIp: string;
}

export class Checkout {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly directory: Directory,
    private readonly charges: ChargeIssuer,
    private readonly encryption: FieldEncryption,
    private readonly platformFeeBasisPoints: number,
    /** tells the outbox relay there is something to publish */
    private readonly kick: () => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async checkout(input: CheckoutInput, { access, clientIp }: CheckoutContext): Promise<Payment> {
    const payerId = access.requireUser();
    assertKey(input.idempotencyKey);
    const scope = `checkout:${payerId}`;
    const { idempotencyKey, ...request } = input;
    const hash = requestHash(request);

    const existing = await findByKey(this.prisma, scope, idempotencyKey, hash);
    if (existing) return this.resume(existing, input.cardToken);

    const [procedure] = await this.directory.procedures([input.procedureId]);
    if (!procedure || !procedure.active || procedure.clinic.status !== 'ACTIVE') {
      throw new PaymentsError('PROCEDURE_NOT_AVAILABLE', 'Este procedimento não está disponível para pagamento no momento.');
    }
    const today = todayInSaoPaulo(this.now());
    const plan = planById(input.planId, {
      priceCentavos: procedure.priceCentavos,
      interestFreeInstallments: procedure.interestFreeInstallments,
      procedureName: procedure.name,
      clinicName: procedure.clinic.tradeName,
      platformFeeBasisPoints: this.platformFeeBasisPoints,
      today,
      firstDueDay: input.firstDueDay,
    });
    if (!plan.methods.includes(input.method)) {
      throw new PaymentsError('PLAN_NOT_AVAILABLE', 'Este plano não aceita esta forma de pagamento.', { planId: plan.id, method: input.method });
    }
    if (input.method === 'CARD' && !input.cardToken) throw new PaymentsError('BAD_USER_INPUT', 'Informe o cartão.', { field: 'cardToken' });
    if (plan.kind === 'CREDIARIO') {
      await this.assertCredit(payerId, plan);
      if (input.acceptedContractTermsHash !== plan.contractTermsHash) {
        throw new PaymentsError('CONTRACT_ACCEPTANCE_REQUIRED', 'Leia e aceite os termos do contrato, com o CET, antes de contratar o crediário.', {
          contractTerms: plan.contractTerms,
          contractTermsHash: plan.contractTermsHash,
        });
      }
    }

    const paymentId = randomUUID();
    const chargeId = randomUUID();
    try {
      await this.prisma.$transaction(async (tx) => {
        await claimKey(tx, scope, idempotencyKey, hash, paymentId);
        await tx.payment.create({
          data: {
            id: paymentId,
            payerId,
            clinicId: procedure.clinic.id,
            procedureId: procedure.id,
            procedureNameEncrypted: this.encryption.encrypt(procedure.name),
            planKind: plan.kind,
            method: input.method,
            status: 'AWAITING_PAYMENT',
            installmentCount: plan.installmentCount,
            grossCentavos: plan.split.grossCentavos,
            platformFeeCentavos: plan.split.platformFeeCentavos,
            processingCostCentavos: plan.split.processingCostCentavos,
            clinicNetCentavos: plan.split.clinicNetCentavos,
            patientTotalCentavos: plan.totalCentavos,
            monthlyInterestRate: plan.monthlyInterestRate,
            iofCentavos: plan.iofCentavos,
            cetAnnualRate: plan.cetAnnualRate,
            contractAcceptanceEncrypted:
              plan.kind === 'CREDIARIO'
                ? this.encryption.encrypt(JSON.stringify({ acceptedBy: payerId, acceptedAt: this.now().toISOString(), clientIp, terms: plan.contractTerms, termsHash: plan.contractTermsHash }))
                : null,
          },
        });
        if (plan.kind === 'CREDIARIO') {
          await tx.installment.createMany({
            data: plan.schedule.map((row) => ({
              id: randomUUID(),
              paymentId,
              number: row.number,
              dueDate: row.dueDate,
              amountCentavos: row.amountCentavos,
              interestCentavos: row.interestCentavos,
              amortizationCentavos: row.amortizationCentavos,
              status: row.number === 1 ? ('ISSUED' as const) : ('SCHEDULED' as const),
            })),
          });
        }
        const first = plan.schedule[0]!;
        await tx.charge.create({
          data: {
            id: chargeId,
            paymentId,
            method: input.method,
            status: 'CREATING',
            // Card: the acquirer charges the patient's total (interest included) in installments.
            amountCentavos: plan.kind === 'CREDIARIO' ? first.amountCentavos : plan.totalCentavos,
            installmentNumber: plan.kind === 'CREDIARIO' ? 1 : null,
            dueDate: first.dueDate,
          },
        });
        await tx.paymentStatusChange.create({ data: { id: randomUUID(), paymentId, from: null, to: 'AWAITING_PAYMENT', reason: 'Pagamento criado' } });
        await tx.outboxEvent.create({
          data: {
            id: randomUUID(),
            type: PAYMENT_STATUS_CHANGED,
            aggregateId: paymentId,
            payload: { paymentId, payerId, clinicId: procedure.clinic.id, from: null, status: 'AWAITING_PAYMENT', escrowState: 'NONE', reason: 'Pagamento criado' },
          },
        });
      });
    } catch (error) {
      // Another request with the same key won the race: answer with its payment.
      if (isKeyConflict(error)) return this.resume((await findByKey(this.prisma, scope, idempotencyKey, hash))!, input.cardToken);
      throw error;
    }
    this.kick();
    return this.resume(paymentId, input.cardToken);
  }

  /** Makes sure the payment's first charge exists at the gateway, then returns the payment. */
  private async resume(paymentId: string, cardToken?: string | null): Promise<Payment> {
    const payment = await this.prisma.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { charges: { orderBy: { createdAt: 'asc' }, take: 1 } } });
    const charge = payment.charges[0];
    if (charge) await this.charges.issue(charge, payment, cardToken ?? undefined);
    return this.prisma.payment.findUniqueOrThrow({ where: { id: paymentId } });
  }

  /**
   * The credit decision, by rules until the AI service scores patients: no overdue installment, at
   * most two active contracts, and a ceiling on what one contract finances.
   */
  private async assertCredit(payerId: string, plan: PaymentPlan) {
    const deny = (why: string) => new PaymentsError('CREDIT_DENIED', `Crediário não aprovado: ${why}`);
    const financed = plan.schedule.reduce((sum, row) => sum + row.amortizationCentavos, 0);
    if (financed > pricing.CREDIARIO_MAX_FINANCED_CENTAVOS) throw deny('o valor passa do limite de crédito.');
    const [overdue, active] = await Promise.all([
      this.prisma.installment.count({ where: { status: 'OVERDUE', payment: { payerId } } }),
      this.prisma.payment.count({ where: { payerId, planKind: 'CREDIARIO', status: { in: ['PAID', 'IN_ESCROW', 'RELEASED', 'PAID_OUT', 'DISPUTED', 'PARTIALLY_REFUNDED'] } } }),
    ]);
    if (overdue > 0) throw deny('há parcelas em atraso.');
    if (active >= 2) throw deny('já existem dois crediários ativos.');
  }
}
