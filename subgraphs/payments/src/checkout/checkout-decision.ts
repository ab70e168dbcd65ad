// The checkout's decision, pure: from the idempotency state, the catalog's procedure, the priced plan
// and the payer's credit history, either "resume the payment this key already made" or the exact rows
// a new payment starts with. No I/O: checkout.ts reads the facts and writes the result through its store.
import { PaymentsError } from '../errors.js';
import type { CheckoutInput } from '../__generated__/resolvers-types.js';
import type { CatalogProcedure } from '../internal/directory.js';
import { paymentCreated, paymentStatusChanged } from '../events/domain-events.js';
import type { NewOutboxEvent } from '../events/outbox-store.js';
import { planById, type PaymentPlan } from './plans.js';
import type { CreditVerdict } from '../crediario/credit-check.js';

/** What a crediário plan finances: the principal, IOF included (the sum of its amortizations). */
export const financedOf = (plan: PaymentPlan) => plan.schedule.reduce((sum, row) => sum + row.amortizationCentavos, 0);

export interface PlanFacts {
  procedure: CatalogProcedure | undefined;
  platformFeeBasisPoints: number;
  /** YYYY-MM-DD in America/Sao_Paulo */
  today: string;
}

/** The plan the patient chose, priced from the catalog (never from the client), checked against the input. */
export function checkoutPlan(input: CheckoutInput, { procedure, platformFeeBasisPoints, today }: PlanFacts): { procedure: CatalogProcedure; plan: PaymentPlan } {
  if (!procedure || !procedure.active || procedure.clinic.status !== 'ACTIVE') {
    throw new PaymentsError('PROCEDURE_NOT_AVAILABLE', 'Este procedimento não está disponível para pagamento no momento.');
  }
  const plan = planById(input.planId, {
    priceCentavos: procedure.priceCentavos,
    interestFreeInstallments: procedure.interestFreeInstallments,
    procedureName: procedure.name,
    clinicName: procedure.clinic.tradeName,
    platformFeeBasisPoints,
    today,
    firstDueDay: input.firstDueDay,
  });
  if (!plan.methods.includes(input.method)) {
    throw new PaymentsError('PLAN_NOT_AVAILABLE', 'Este plano não aceita esta forma de pagamento.', { planId: plan.id, method: input.method });
  }
  if (input.method === 'CARD' && !input.cardToken) throw new PaymentsError('BAD_USER_INPUT', 'Informe o cartão.', { field: 'cardToken' });
  return { procedure, plan };
}

/** Credit opens only on a recent REGULAR check of the payer's CPF at the Receita Federal. */
export function assertCpfOpensCredit(standing: { status: string; opensCredit: boolean } | null) {
  if (!standing) throw new PaymentsError('BAD_USER_INPUT', 'Complete seu cadastro (nome e CPF) antes de pedir o crediário.');
  if (standing.opensCredit) return;
  if (standing.status === 'UNVERIFIED' || standing.status === 'REGULAR') {
    throw new PaymentsError('CPF_CHECK_PENDING', 'Ainda estamos confirmando seu CPF na Receita Federal. O crediário fica disponível assim que a consulta terminar; PIX, boleto e cartão já podem ser usados.');
  }
  throw new PaymentsError('CPF_IRREGULAR', 'Seu CPF tem pendências na Receita Federal, e o crediário não pode ser contratado. PIX, boleto e cartão continuam disponíveis.', { cpfStatus: standing.status });
}

/** A crediário needs an approved credit decision first, then the patient's acceptance of these exact terms. */
export function assertCrediarioAllowed(input: CheckoutInput, plan: PaymentPlan, credit: Pick<CreditVerdict, 'approved' | 'reasons'>) {
  if (!credit.approved) {
    throw new PaymentsError('CREDIT_DENIED', `Crediário não aprovado: ${credit.reasons.map((reason) => reason.text).join(' ')}`, { reasons: credit.reasons });
  }
  if (input.acceptedContractTermsHash !== plan.contractTermsHash) {
    throw new PaymentsError('CONTRACT_ACCEPTANCE_REQUIRED', 'Leia e aceite os termos do contrato, com o CET, antes de contratar o crediário.', {
      contractTerms: plan.contractTerms,
      contractTermsHash: plan.contractTermsHash,
    });
  }
}

/** The rows a new payment starts with, in plain values; the store encrypts and writes them in one transaction. */
export interface NewPayment {
  payment: {
    id: string;
    payerId: string;
    clinicId: string;
    procedureId: string;
    procedureName: string;
    planKind: PaymentPlan['kind'];
    method: CheckoutInput['method'];
    /** a crediário waits for its contract's signature before any charge */
    status: 'AWAITING_SIGNATURE' | 'AWAITING_PAYMENT';
    installmentCount: number;
    grossCentavos: number;
    platformFeeCentavos: number;
    processingCostCentavos: number;
    clinicNetCentavos: number;
    patientTotalCentavos: number;
    monthlyInterestRate: number;
    iofCentavos: number;
    cetAnnualRate: number;
    /** crediário only: who accepted which terms, when and from where, and the credit decision it rests on */
    contractAcceptance: { acceptedBy: string; acceptedAt: string; clientIp: string; terms: string | null; termsHash: string | null; credit: CreditRecord | null } | null;
  };
  installments: {
    id: string;
    paymentId: string;
    number: number;
    dueDate: string;
    amountCentavos: number;
    interestCentavos: number;
    amortizationCentavos: number;
    status: 'ISSUED' | 'SCHEDULED';
  }[];
  /** the first charge, issued at once unless anti-fraud holds or declines the payment, or a contract waits for its signature */
  charge: NewCharge;
  /** crediário: until when the patient may sign the contract */
  signatureExpiresAt: Date | null;
  statusChange: { id: string; paymentId: string; from: null; to: NewPayment['payment']['status']; reason: string };
  /** payment.created, then its first payment.status_changed */
  events: [NewOutboxEvent, NewOutboxEvent];
}

export interface NewCharge {
  id: string;
  paymentId: string;
  method: CheckoutInput['method'];
  status: 'CREATING';
  amountCentavos: number;
  installmentNumber: number | null;
  dueDate: string | null;
}

/**
 * A payment's first charge: crediário's first installment, or the whole total (card: the acquirer
 * charges it, interest included, in installments). `first` is the first due date and amount.
 */
export function firstCharge(
  payment: Pick<NewPayment['payment'], 'id' | 'method' | 'planKind' | 'patientTotalCentavos'>,
  first: { dueDate: string; amountCentavos: number },
  id: string,
): NewCharge {
  const crediario = payment.planKind === 'CREDIARIO';
  return {
    id,
    paymentId: payment.id,
    method: payment.method,
    status: 'CREATING',
    amountCentavos: crediario ? first.amountCentavos : payment.patientTotalCentavos,
    installmentNumber: crediario ? 1 : null,
    dueDate: first.dueDate,
  };
}

/** The credit decision a crediário was granted on: the income band the patient declared, and who decided. */
export interface CreditRecord {
  incomeBand: string;
  source: CreditVerdict['source'];
  modelVersion: string;
}

export interface NewPaymentFacts {
  payerId: string;
  procedure: CatalogProcedure;
  plan: PaymentPlan;
  method: CheckoutInput['method'];
  now: Date;
  clientIp: string;
  /** crediário: the credit decision it rests on */
  credit?: CreditRecord;
  /** a fresh id per row (randomUUID in production) */
  newId: () => string;
}

/** How long a patient has to sign a crediário contract before the payment expires. */
export const SIGNATURE_WINDOW_MS = 48 * 3600_000;

export function newPayment({ payerId, procedure, plan, method, now, clientIp, credit, newId }: NewPaymentFacts): NewPayment {
  const paymentId = newId();
  const crediario = plan.kind === 'CREDIARIO';
  const first = plan.schedule[0]!;
  const reason = crediario ? 'Crediário contratado: aguardando a assinatura do contrato' : 'Pagamento criado';
  const payment: NewPayment['payment'] = {
    id: paymentId,
    payerId,
    clinicId: procedure.clinic.id,
    procedureId: procedure.id,
    procedureName: procedure.name,
    planKind: plan.kind,
    method,
    status: crediario ? 'AWAITING_SIGNATURE' : 'AWAITING_PAYMENT',
    installmentCount: plan.installmentCount,
    grossCentavos: plan.split.grossCentavos,
    platformFeeCentavos: plan.split.platformFeeCentavos,
    processingCostCentavos: plan.split.processingCostCentavos,
    clinicNetCentavos: plan.split.clinicNetCentavos,
    patientTotalCentavos: plan.totalCentavos,
    monthlyInterestRate: plan.monthlyInterestRate,
    iofCentavos: plan.iofCentavos,
    cetAnnualRate: plan.cetAnnualRate,
    contractAcceptance: crediario ? { acceptedBy: payerId, acceptedAt: now.toISOString(), clientIp, terms: plan.contractTerms, termsHash: plan.contractTermsHash, credit: credit ?? null } : null,
  };
  const installments = crediario
    ? plan.schedule.map((row) => ({
        id: newId(),
        paymentId,
        number: row.number,
        dueDate: row.dueDate,
        amountCentavos: row.amountCentavos,
        interestCentavos: row.interestCentavos,
        amortizationCentavos: row.amortizationCentavos,
        status: row.number === 1 ? ('ISSUED' as const) : ('SCHEDULED' as const),
      }))
    : [];
  return {
    payment,
    installments,
    charge: firstCharge(payment, first, newId()),
    signatureExpiresAt: crediario ? new Date(now.getTime() + SIGNATURE_WINDOW_MS) : null,
    statusChange: { id: newId(), paymentId, from: null, to: payment.status, reason },
    events: [
      paymentCreated(
        {
          paymentId,
          payerId,
          clinicId: procedure.clinic.id,
          procedureId: procedure.id,
          category: procedure.category,
          planKind: plan.kind,
          method,
          installmentCount: plan.installmentCount,
          ...plan.split,
          patientTotalCentavos: plan.totalCentavos,
          installments: installments.map(({ number, dueDate, amountCentavos }) => ({ number, dueDate, amountCentavos })),
        },
        newId(),
      ),
      paymentStatusChanged({ ...payment, escrowState: 'NONE', refundedCentavos: 0 }, { from: null, reason }, newId()),
    ],
  };
}
