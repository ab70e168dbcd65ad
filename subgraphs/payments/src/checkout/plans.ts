// The plans a patient can choose for a procedure: à vista (PIX, boleto), card in 1–12× (sem juros
// up to the clinic's limit), and MedPay crediário in 2–24× by PIX or boleto, each with its total,
// interest, IOF, CET and dated schedule, and the split of what the clinic receives.
import { addMonths, cardInstallments, cet, financedWithIof, firstDueDateOnDay } from '@medpay/financing';
import { formatBRL, splitPayment } from '@medpay/money';
import { PaymentsError } from '../errors.js';
import { createHash } from 'node:crypto';
import { todayInSaoPaulo } from '@medpay/runtime';
import type { PaymentMethod, PlanKind } from '../generated/prisma/client.js';
import * as pricing from './pricing.js';

export interface ScheduledInstallment {
  number: number;
  dueDate: string;
  amountCentavos: number;
  interestCentavos: number;
  amortizationCentavos: number;
}

export interface PaymentPlan {
  /** PIX, BOLETO, CARD:<n> or CREDIARIO:<n> */
  id: string;
  kind: PlanKind;
  methods: PaymentMethod[];
  installmentCount: number;
  /** YYYY-MM-DD: when the first (or only) payment falls due */
  firstDueDate: string;
  firstInstallmentCentavos: number;
  installmentCentavos: number;
  totalCentavos: number;
  interestFree: boolean;
  monthlyInterestRate: number;
  iofCentavos: number;
  cetAnnualRate: number;
  cetMonthlyRate: number;
  schedule: ScheduledInstallment[];
  /** the split of the procedure's price */
  split: { grossCentavos: number; platformFeeCentavos: number; processingCostCentavos: number; clinicNetCentavos: number };
  contractTerms: string | null;
  contractTermsHash: string | null;
}

export interface PlanContext {
  priceCentavos: number;
  interestFreeInstallments: number;
  procedureName: string;
  clinicName: string;
  platformFeeBasisPoints: number;
  /** today in America/Sao_Paulo, YYYY-MM-DD */
  today: string;
  /** preferred day of the month for crediário installments (1–28) */
  firstDueDay?: number | null;
}

export { todayInSaoPaulo };

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const brDate = (date: string) => date.split('-').reverse().join('/');
const percent = (rate: number) => `${(rate * 100).toFixed(2).replace('.', ',')}%`;

/**
 * The crediário's first due date: the patient's chosen day of the month, its next occurrence more than
 * a week away (so the first charge can be issued and paid in time). The first period thus runs 8 to
 * about 38 days, and it is priced for those days: interest pro rata die (financedWithIof with the
 * release date), not a whole month. We chose that over pushing the first due date 30–59 days out
 * because it is what Brazilian lenders do (juros pro rata die), it keeps the earliest date on the
 * patient's chosen day, and a shorter first period costs the patient less in reais. The CET still
 * moves a little with the day for short plans (2×: a few points), solely because the IOF's flat
 * 0.38 % weighs more annualized over a shorter loan; the interest charged is the disclosed rate.
 */
export function firstDueDate(today: string, dueDay: number): string {
  return firstDueDateOnDay(today, dueDay, pricing.CREDIARIO_MIN_FIRST_PERIOD_DAYS);
}

function aVista(method: 'PIX' | 'BOLETO', context: PlanContext): PaymentPlan {
  const price = context.priceCentavos;
  const dueDate = method === 'PIX' ? context.today : addDays(context.today, pricing.BOLETO_DUE_DAYS);
  return {
    id: method,
    kind: 'A_VISTA',
    methods: [method],
    installmentCount: 1,
    firstDueDate: dueDate,
    firstInstallmentCentavos: price,
    installmentCentavos: price,
    totalCentavos: price,
    interestFree: true,
    monthlyInterestRate: 0,
    iofCentavos: 0,
    cetAnnualRate: 0,
    cetMonthlyRate: 0,
    schedule: [{ number: 1, dueDate, amountCentavos: price, interestCentavos: 0, amortizationCentavos: price }],
    split: splitPayment({
      grossCentavos: price,
      platformFeeBasisPoints: context.platformFeeBasisPoints,
      processingCostCentavos: method === 'PIX' ? pricing.PIX_COST_CENTAVOS : pricing.BOLETO_COST_CENTAVOS,
    }),
    contractTerms: null,
    contractTermsHash: null,
  };
}

function card(count: number, context: PlanContext): PaymentPlan {
  const offer = cardInstallments({
    priceCentavos: context.priceCentavos,
    count,
    interestFreeUpTo: context.interestFreeInstallments,
    patientMonthlyRate: pricing.CARD_MONTHLY_RATE,
    mdrBasisPoints: pricing.cardMdrBasisPoints(count),
    anticipationMonthlyRate: pricing.CARD_ANTICIPATION_MONTHLY_RATE,
  });
  const payments = Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    dueDate: addMonths(context.today, i + 1),
    amountCentavos: i === 0 ? offer.firstInstallmentCentavos : offer.installmentCentavos,
  }));
  const rates = offer.interestFree
    ? { annualRate: 0, monthlyRate: 0 }
    : cet({ releasedCentavos: context.priceCentavos, releaseDate: context.today, payments: payments.map((p) => ({ date: p.dueDate, amountCentavos: p.amountCentavos })) });
  return {
    id: `CARD:${count}`,
    kind: count === 1 ? 'A_VISTA' : 'CARD_INSTALLMENTS',
    methods: ['CARD'],
    installmentCount: count,
    firstDueDate: payments[0]!.dueDate,
    firstInstallmentCentavos: offer.firstInstallmentCentavos,
    installmentCentavos: offer.installmentCentavos,
    totalCentavos: offer.totalCentavos,
    interestFree: offer.interestFree,
    monthlyInterestRate: offer.interestFree ? 0 : pricing.CARD_MONTHLY_RATE,
    iofCentavos: 0,
    cetAnnualRate: rates.annualRate,
    cetMonthlyRate: rates.monthlyRate,
    // The card issuer bills the patient; the dates are indicative.
    schedule: payments.map((p) => ({ ...p, interestCentavos: 0, amortizationCentavos: p.amountCentavos })),
    split: splitPayment({ grossCentavos: context.priceCentavos, platformFeeBasisPoints: context.platformFeeBasisPoints, processingCostCentavos: offer.feesCentavos }),
    contractTerms: null,
    contractTermsHash: null,
  };
}

function crediario(count: number, context: PlanContext): PaymentPlan {
  const dueDay = context.firstDueDay ?? Math.min(Number(context.today.slice(8)), 28);
  const financed = financedWithIof({
    amountCentavos: context.priceCentavos,
    monthlyRate: pricing.CREDIARIO_MONTHLY_RATE,
    count,
    releaseDate: context.today,
    firstDueDate: firstDueDate(context.today, dueDay),
    dueDay,
  });
  const schedule = financed.schedule.installments.map((row) => ({
    number: row.number,
    dueDate: row.dueDate,
    amountCentavos: row.paymentCentavos,
    interestCentavos: row.interestCentavos,
    amortizationCentavos: row.amortizationCentavos,
  }));
  // IOF is financed: the patient receives the whole price (paid to the clinic) and repays principal + IOF.
  // The CET discounts each installment from its real due date over a 365-day year (Resolução CMN 4.881).
  const rates = cet({ releasedCentavos: context.priceCentavos, releaseDate: context.today, payments: schedule.map((s) => ({ date: s.dueDate, amountCentavos: s.amountCentavos })) });
  const plan: PaymentPlan = {
    id: `CREDIARIO:${count}`,
    kind: 'CREDIARIO',
    methods: ['PIX', 'BOLETO'],
    installmentCount: count,
    firstDueDate: schedule[0]!.dueDate,
    firstInstallmentCentavos: schedule[0]!.amountCentavos,
    installmentCentavos: schedule[1]?.amountCentavos ?? schedule[0]!.amountCentavos,
    totalCentavos: financed.schedule.totalCentavos,
    interestFree: false,
    monthlyInterestRate: pricing.CREDIARIO_MONTHLY_RATE,
    // What the patient is charged for IOF: the financed principal over the price (the tax as
    // computed per installment can differ from it by a rounding centavo, which MedPay bears).
    iofCentavos: financed.principalCentavos - context.priceCentavos,
    cetAnnualRate: rates.annualRate,
    cetMonthlyRate: rates.monthlyRate,
    schedule,
    split: splitPayment({ grossCentavos: context.priceCentavos, platformFeeBasisPoints: context.platformFeeBasisPoints, processingCostCentavos: 0 }),
    contractTerms: null,
    contractTermsHash: null,
  };
  plan.contractTerms = contractTerms(plan, context, financed.principalCentavos);
  plan.contractTermsHash = createHash('sha256').update(plan.contractTerms).digest('hex');
  return plan;
}

/** The exact text the patient accepts: every figure the law asks to disclose before contracting. */
function contractTerms(plan: PaymentPlan, context: PlanContext, financedCentavos: number): string {
  const last = plan.schedule.at(-1)!;
  return [
    'CONTRATO DE CRÉDITO PESSOAL — CREDIÁRIO MEDPAY',
    `Finalidade: pagamento do procedimento "${context.procedureName}" em ${context.clinicName}, pago integralmente à clínica pela MedPay.`,
    `Valor do procedimento: ${formatBRL(context.priceCentavos)}. IOF financiado: ${formatBRL(plan.iofCentavos)}. Valor financiado: ${formatBRL(financedCentavos)}.`,
    `Liberação do crédito: ${brDate(context.today)}.`,
    `Parcelas: ${plan.installmentCount} mensais pela Tabela Price, a primeira de ${formatBRL(plan.firstInstallmentCentavos)} em ${brDate(plan.firstDueDate)} e a última de ${formatBRL(last.amountCentavos)} em ${brDate(last.dueDate)}.`,
    `Total a pagar: ${formatBRL(plan.totalCentavos)}. Juros: ${percent(plan.monthlyInterestRate)} ao mês, contados pro rata die pelos dias corridos de cada período desde a liberação (mês de 30 dias).`,
    `Custo Efetivo Total (CET): ${percent(plan.cetAnnualRate)} ao ano (${percent(plan.cetMonthlyRate)} ao mês), calculado pelas datas reais de liberação e de vencimento, conforme a Resolução CMN 4.881/2020.`,
    `Atraso: multa de ${percent(pricing.LATE_FEE_BASIS_POINTS / 10_000)} e juros de mora de ${percent(pricing.LATE_INTEREST_MONTHLY_RATE)} ao mês pro rata die.`,
    'Você pode antecipar parcelas com redução proporcional dos juros (CDC art. 52 §2º).',
  ].join('\n');
}

function assertDueDay(day: number | null | undefined) {
  if (day != null && (!Number.isInteger(day) || day < 1 || day > 28)) {
    throw new PaymentsError('BAD_USER_INPUT', 'Escolha um dia de vencimento entre 1 e 28.', { field: 'firstDueDay' });
  }
}

/** Card installments on offer: up to 12, none below the minimum installment. */
const maxCardInstallments = (priceCentavos: number) =>
  Math.min(pricing.CARD_MAX_INSTALLMENTS, Math.max(1, Math.floor(priceCentavos / pricing.CARD_MIN_INSTALLMENT_CENTAVOS)));

const offersCrediario = (priceCentavos: number) => priceCentavos >= pricing.CREDIARIO_MIN_PRICE_CENTAVOS;

/** Every plan available for a procedure today. */
export function paymentPlans(context: PlanContext): PaymentPlan[] {
  assertDueDay(context.firstDueDay);
  const plans = [aVista('PIX', context), aVista('BOLETO', context)];
  for (let count = 1; count <= maxCardInstallments(context.priceCentavos); count++) plans.push(card(count, context));
  if (offersCrediario(context.priceCentavos)) {
    for (let count = pricing.CREDIARIO_MIN_INSTALLMENTS; count <= pricing.CREDIARIO_MAX_INSTALLMENTS; count++) plans.push(crediario(count, context));
  }
  return plans;
}

/** One plan by id, as the patient simulated it; PLAN_NOT_AVAILABLE when it is not offered. */
export function planById(id: string, context: PlanContext): PaymentPlan {
  assertDueDay(context.firstDueDay);
  const [kind, countText, extra] = id.split(':');
  const count = Number(countText);
  const counted = Number.isInteger(count) && extra === undefined;
  if ((kind === 'PIX' || kind === 'BOLETO') && countText === undefined) return aVista(kind, context);
  if (kind === 'CARD' && counted && count >= 1 && count <= maxCardInstallments(context.priceCentavos)) return card(count, context);
  if (kind === 'CREDIARIO' && counted && count >= pricing.CREDIARIO_MIN_INSTALLMENTS && count <= pricing.CREDIARIO_MAX_INSTALLMENTS && offersCrediario(context.priceCentavos)) {
    return crediario(count, context);
  }
  throw new PaymentsError('PLAN_NOT_AVAILABLE', 'Este plano de pagamento não está disponível para este procedimento.', { planId: id });
}

/**
 * What a clinic would receive for a price, per way of paying (before it saves a procedure): PIX,
 * boleto, each card count on offer, and crediário once (its split is the same for any count).
 */
export function planNets(priceCentavos: number, interestFreeInstallments: number, platformFeeBasisPoints: number) {
  if (!Number.isInteger(priceCentavos) || priceCentavos < 100 || priceCentavos > 100_000_000) {
    throw new PaymentsError('BAD_USER_INPUT', 'O preço deve ficar entre R$ 1,00 e R$ 1.000.000,00, em centavos inteiros.', { field: 'priceCentavos' });
  }
  if (!Number.isInteger(interestFreeInstallments) || interestFreeInstallments < 1 || interestFreeInstallments > pricing.CARD_MAX_INSTALLMENTS) {
    throw new PaymentsError('BAD_USER_INPUT', 'O parcelamento sem juros deve ser de 1 a 12 vezes.', { field: 'interestFreeInstallments' });
  }
  const context: PlanContext = { priceCentavos, interestFreeInstallments, procedureName: '', clinicName: '', platformFeeBasisPoints, today: todayInSaoPaulo() };
  // A price below a method's processing cost cannot be paid that way: that plan is left out.
  const offered = (build: () => PaymentPlan): PaymentPlan[] => {
    try {
      return [build()];
    } catch (error) {
      if (error instanceof RangeError) return [];
      throw error;
    }
  };
  const plans = [...offered(() => aVista('PIX', context)), ...offered(() => aVista('BOLETO', context))];
  for (let count = 1; count <= maxCardInstallments(priceCentavos); count++) plans.push(...offered(() => card(count, context)));
  const nets = plans.map((plan) => ({ planId: plan.id, kind: plan.kind, installmentCount: plan.installmentCount, interestFree: plan.interestFree, patientTotalCentavos: plan.totalCentavos, ...plan.split }));
  if (offersCrediario(priceCentavos)) {
    const split = splitPayment({ grossCentavos: priceCentavos, platformFeeBasisPoints, processingCostCentavos: 0 });
    nets.push({ planId: 'CREDIARIO', kind: 'CREDIARIO', installmentCount: pricing.CREDIARIO_MAX_INSTALLMENTS, interestFree: false, patientTotalCentavos: priceCentavos, ...split });
  }
  return nets;
}
