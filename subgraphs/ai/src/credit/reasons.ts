// The one table of credit reason codes: stable codes for checkout, back office and logs, with the
// pt-BR text shown to the patient. A refused crediário always names at least one (CDC art. 43 and
// LGPD art. 20: the person has the right to know why). Model explanations and hard rules share them.
import { reasonLookup, type CodedReason } from '../forest.js';
import type { FeatureName } from './features.js';

export const reasonTexts = {
  OVERDUE_INSTALLMENTS: 'Há parcelas em atraso na MedPay. Regularize-as para pedir um novo crediário.',
  LATE_PAYMENT_HISTORY: 'Histórico de parcelas pagas com atraso na MedPay.',
  TOO_MANY_ACTIVE_CONTRACTS: 'Você já tem crediários ativos demais na MedPay (no máximo dois ao mesmo tempo).',
  OUTSTANDING_DEBT: 'Saldo devedor alto nos crediários ativos na MedPay.',
  INSTALLMENT_ABOVE_INCOME_SHARE: 'A parcela compromete uma parte grande da renda mensal informada.',
  AMOUNT_ABOVE_LIMIT: 'O valor pedido passa do limite de crédito disponível para você neste momento.',
  AMOUNT_ABOVE_MAXIMUM: 'O valor passa do máximo de R$ 30.000,00 financiado por crediário.',
  LONG_TERM: 'Prazo longo demais para o valor financiado.',
  SHORT_HISTORY: 'Histórico de pagamentos na MedPay ainda curto.',
  OVERALL_RISK: 'A análise de crédito não aprovou o crediário neste momento.',
} as const;

export type ReasonCode = keyof typeof reasonTexts;

export type Reason = CodedReason<ReasonCode>;

export const reason = reasonLookup(reasonTexts);

/** Which reason a feature's contribution to the risk speaks for; several features can share one. */
export const featureReasons: Record<FeatureName, ReasonCode> = {
  financedAmountCentavos: 'AMOUNT_ABOVE_LIMIT',
  installmentCount: 'LONG_TERM',
  installmentToIncome: 'INSTALLMENT_ABOVE_INCOME_SHARE',
  paidInstallments: 'SHORT_HISTORY',
  latePaidInstallments: 'LATE_PAYMENT_HISTORY',
  overdueInstallments: 'OVERDUE_INSTALLMENTS',
  maxDaysLate: 'LATE_PAYMENT_HISTORY',
  activeCrediarios: 'TOO_MANY_ACTIVE_CONTRACTS',
  monthsSinceFirstPayment: 'SHORT_HISTORY',
  completedCrediarios: 'SHORT_HISTORY',
  outstandingPrincipalCentavos: 'OUTSTANDING_DEBT',
};
