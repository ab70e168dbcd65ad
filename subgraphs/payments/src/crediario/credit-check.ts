// The credit decision for a crediário: ai's credit model — fed the patient's history from payments'
// own installments and the income band the patient declares — within a deadline, or payments' own
// rules when ai does not answer (source RULES). A refusal always says why, in Portuguese: the
// patient must be told (CDC art. 43).
import { creditDecision, type CreditHistory } from '@medpay/contracts';
import type { InternalClient, Logger } from '@medpay/runtime';
import type { z } from 'zod';
import type { Installment } from '../generated/prisma/client.js';
import { todayInSaoPaulo } from '../checkout/plans.js';
import * as pricing from '../checkout/pricing.js';

export type IncomeBand = z.infer<typeof creditDecision.request>['incomeBand'];
export type { CreditHistory };

export interface CreditReason {
  code: string;
  text: string;
}

export interface CreditVerdict {
  source: 'MODEL' | 'RULES';
  approved: boolean;
  /** the largest amount financed and, at it, the longest term approved (an exact plan: its own) */
  maxAmountCentavos: number;
  maxInstallments: number;
  installmentCentavos: number;
  modelVersion: string;
  reasons: CreditReason[];
}

/** What one crediário financed and how it stands, installment by installment. */
export type ContractInstallments = Pick<Installment, 'status' | 'dueDate' | 'paidAt' | 'amortizationCentavos'>[];

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The patient's crediário history as the credit model reads it, from their contracts' installments, as of `today`. */
export function creditHistoryOf(contracts: readonly ContractInstallments[], today: string): CreditHistory {
  const history: CreditHistory = { paidInstallments: 0, latePaidInstallments: 0, overdueInstallments: 0, maxDaysLate: 0, activeCrediarios: 0, monthsSinceFirstPayment: 0, completedCrediarios: 0, outstandingPrincipalCentavos: 0 };
  let firstPaid: string | null = null;
  for (const installments of contracts) {
    const open = installments.filter((installment) => installment.status !== 'PAID');
    if (open.length === 0) history.completedCrediarios += 1;
    else history.activeCrediarios += 1;
    for (const installment of installments) {
      if (installment.status === 'PAID' && installment.paidAt) {
        const paidOn = todayInSaoPaulo(installment.paidAt);
        history.paidInstallments += 1;
        if (paidOn > installment.dueDate) history.latePaidInstallments += 1;
        history.maxDaysLate = Math.max(history.maxDaysLate, daysBetween(installment.dueDate, paidOn));
        if (!firstPaid || paidOn < firstPaid) firstPaid = paidOn;
      } else {
        if (installment.status === 'OVERDUE') history.overdueInstallments += 1;
        if (installment.dueDate < today) history.maxDaysLate = Math.max(history.maxDaysLate, daysBetween(installment.dueDate, today));
        history.outstandingPrincipalCentavos += installment.amortizationCentavos;
      }
    }
  }
  if (firstPaid) history.monthsSinceFirstPayment = Math.floor(daysBetween(firstPaid, today) / 30);
  return history;
}

/** Payments' own rules, kept from before the model and used when ai does not answer: refusals only. */
export function ruleRefusals(history: CreditHistory, financedCentavos: number): CreditReason[] {
  const reasons: CreditReason[] = [];
  if (financedCentavos > pricing.CREDIARIO_MAX_FINANCED_CENTAVOS) reasons.push({ code: 'AMOUNT_ABOVE_MAXIMUM', text: 'O valor passa do limite de crédito de um crediário.' });
  if (history.overdueInstallments > 0) reasons.push({ code: 'OVERDUE_INSTALLMENTS', text: 'Há parcelas em atraso.' });
  if (history.activeCrediarios >= 2) reasons.push({ code: 'TOO_MANY_ACTIVE_CONTRACTS', text: 'Já existem dois crediários ativos.' });
  return reasons;
}

export interface CreditQuestion {
  incomeBand: IncomeBand;
  history: CreditHistory;
  priceCentavos: number;
  /** the exact plan (checkout), or null for the best offer */
  plan: { financedAmountCentavos: number; installmentCount: number; installmentCentavos: number } | null;
}

export class CreditCheck {
  constructor(
    /** ai's internal client; null: decide by the rules */
    private readonly ai: Pick<InternalClient, 'call'> | null,
    private readonly logger: Logger,
  ) {}

  async decide({ incomeBand, history, priceCentavos, plan }: CreditQuestion): Promise<CreditVerdict> {
    if (this.ai) {
      try {
        const answer = await this.ai.call(creditDecision, {
          incomeBand,
          history,
          priceCentavos,
          installmentOptions: crediarioCounts,
          monthlyRate: pricing.CREDIARIO_MONTHLY_RATE,
          plan: plan && { financedAmountCentavos: plan.financedAmountCentavos, installmentCount: plan.installmentCount },
        });
        if (answer) return { source: 'MODEL', ...answer };
        this.logger.warn('ai has no credit decision route; deciding by the rules');
      } catch (error) {
        this.logger.warn({ err: error }, 'ai did not decide the credit in time; deciding by the rules');
      }
    }
    const financed = plan?.financedAmountCentavos ?? Math.min(priceCentavos, pricing.CREDIARIO_MAX_FINANCED_CENTAVOS);
    const reasons = ruleRefusals(history, financed);
    const approved = reasons.length === 0;
    return {
      source: 'RULES',
      approved,
      maxAmountCentavos: approved ? financed : 0,
      maxInstallments: approved ? (plan?.installmentCount ?? pricing.CREDIARIO_MAX_INSTALLMENTS) : 0,
      installmentCentavos: approved ? (plan?.installmentCentavos ?? 0) : 0,
      modelVersion: 'rules',
      reasons,
    };
  }
}

/** The crediário terms payments offers (plans.ts). */
const crediarioCounts = Array.from({ length: pricing.CREDIARIO_MAX_INSTALLMENTS - pricing.CREDIARIO_MIN_INSTALLMENTS + 1 }, (_, index) => pricing.CREDIARIO_MIN_INSTALLMENTS + index);
