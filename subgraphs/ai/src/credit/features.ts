// The credit model's input: one crediário request described by named numbers, and the fixed order in
// which the model reads them. The model file records this order; a model trained on another order
// is refused at load (see model.ts).
//
// Only what the platform legitimately knows and may use for credit: the request itself, the income
// band the patient declared at sign-up, and the patient's own payment history on MedPay. Never sex,
// age, region, city, state, CEP or anything that stands in for them (LGPD art. 6º IX; CDC art. 43).
// Those travel on the applicant record as `ProtectedAttributes` only so that fairness can be checked;
// the feature builder below does not read them (its parameter type leaves them out).
import { pmt } from '@medpay/financing';
import { toVector } from '../forest.js';

/** Salário mínimo nacional of 2026 (centavos). */
export const MINIMUM_WAGE_2026_CENTAVOS = 162_100;

/**
 * Declared monthly income bands (multiples of the minimum wage) and the income the model assumes for
 * each: the band's midpoint. The lowest band's floor is one minimum wage (the formal floor), so its
 * midpoint is 1.5; the open top band uses 15, a conservative representative value.
 */
export const incomeBands = {
  ATE_2_SM: { label: 'Até 2 salários mínimos', fromWages: 0, toWages: 2, midpointCentavos: Math.round(1.5 * MINIMUM_WAGE_2026_CENTAVOS) },
  DE_2_A_4_SM: { label: 'De 2 a 4 salários mínimos', fromWages: 2, toWages: 4, midpointCentavos: 3 * MINIMUM_WAGE_2026_CENTAVOS },
  DE_4_A_10_SM: { label: 'De 4 a 10 salários mínimos', fromWages: 4, toWages: 10, midpointCentavos: 7 * MINIMUM_WAGE_2026_CENTAVOS },
  ACIMA_10_SM: { label: 'Acima de 10 salários mínimos', fromWages: 10, toWages: null, midpointCentavos: 15 * MINIMUM_WAGE_2026_CENTAVOS },
} as const;

export type IncomeBand = keyof typeof incomeBands;

/** What each feature means and its unit. History counts cover MedPay crediários only, up to this request. */
export const featureDescriptions = {
  financedAmountCentavos: 'Amount to finance in this crediário (centavos).',
  installmentCount: 'Number of monthly installments of this crediário (count).',
  installmentToIncome: "This crediário's monthly installment (Price table) divided by the declared income band's midpoint (ratio).",
  paidInstallments: 'Installments the patient has paid on the platform, on time or late (count).',
  latePaidInstallments: 'Installments the patient paid after their due date (count).',
  overdueInstallments: 'Installments due and unpaid right now (count).',
  maxDaysLate: 'Most days any installment of the patient was ever late, paid or not (days).',
  activeCrediarios: 'Crediários of the patient not yet paid off (count).',
  monthsSinceFirstPayment: "Months since the patient's first installment payment on the platform; 0 when none (months).",
  completedCrediarios: 'Crediários the patient paid off (count).',
  outstandingPrincipalCentavos: "Principal still owed on the patient's active crediários (centavos).",
} as const;

export type FeatureName = keyof typeof featureDescriptions;

/** One request as the model sees it. */
export type CreditFeatures = Record<FeatureName, number>;

/** The model's column order. Append new features at the end and retrain; never reorder. */
export const featureOrder = Object.keys(featureDescriptions) as readonly FeatureName[];

/**
 * How each feature may move the risk, all else equal: +1 never lowers it, −1 never raises it. The
 * model enforces these at scoring (see model.ts), so that a worse history or a larger amount can never
 * score better; every feature has a direction.
 */
export const riskDirection: Record<FeatureName, 1 | -1> = {
  financedAmountCentavos: 1,
  installmentCount: 1,
  installmentToIncome: 1,
  paidInstallments: -1,
  latePaidInstallments: 1,
  overdueInstallments: 1,
  maxDaysLate: 1,
  activeCrediarios: 1,
  monthsSinceFirstPayment: -1,
  completedCrediarios: -1,
  outstandingPrincipalCentavos: 1,
};

/** Attributes the model must never use. The applicant record carries them for fairness checks only. */
export interface ProtectedAttributes {
  sex: 'F' | 'M' | 'X';
  ageBand: '18-24' | '25-34' | '35-49' | '50-64' | '65+';
  region: 'N' | 'NE' | 'CO' | 'SE' | 'S';
}

/** The patient's MedPay crediário history. */
export interface CreditHistory {
  paidInstallments: number;
  latePaidInstallments: number;
  overdueInstallments: number;
  maxDaysLate: number;
  activeCrediarios: number;
  /** 0 when the patient never paid an installment. */
  monthsSinceFirstPayment: number;
  completedCrediarios: number;
  outstandingPrincipalCentavos: number;
}

/** A patient asking for credit, as the credit service knows them. */
export interface CreditApplicant {
  incomeBand: IncomeBand;
  history: CreditHistory;
  protected: ProtectedAttributes;
}

/** The crediário asked for. */
export interface CreditRequest {
  financedAmountCentavos: number;
  installmentCount: number;
}

/** MedPay crediário's default monthly rate for the installment estimate. */
export const DEFAULT_MONTHLY_RATE = 0.0299;

/** A patient who never paid an installment on the platform. */
export const emptyHistory: CreditHistory = {
  paidInstallments: 0,
  latePaidInstallments: 0,
  overdueInstallments: 0,
  maxDaysLate: 0,
  activeCrediarios: 0,
  monthsSinceFirstPayment: 0,
  completedCrediarios: 0,
  outstandingPrincipalCentavos: 0,
};

/** The Price-table installment, rounded to the centavo (@medpay/financing's `pmt`, as payments' plans use it). */
export const priceInstallmentCentavos = (principalCentavos: number, monthlyRate: number, count: number): number => Math.round(pmt(principalCentavos, monthlyRate, count));

/**
 * The model's input for a request. Takes the applicant without its protected attributes: by type,
 * they cannot reach the model (a full `CreditApplicant` may be passed; only these fields are read).
 */
export function creditFeatures(
  applicant: Pick<CreditApplicant, 'incomeBand' | 'history'>,
  request: CreditRequest,
  monthlyRate: number = DEFAULT_MONTHLY_RATE,
): CreditFeatures {
  const { history } = applicant;
  const installment = priceInstallmentCentavos(request.financedAmountCentavos, monthlyRate, request.installmentCount);
  return {
    financedAmountCentavos: request.financedAmountCentavos,
    installmentCount: request.installmentCount,
    installmentToIncome: installment / incomeBands[applicant.incomeBand].midpointCentavos,
    paidInstallments: history.paidInstallments,
    latePaidInstallments: history.latePaidInstallments,
    overdueInstallments: history.overdueInstallments,
    maxDaysLate: history.maxDaysLate,
    activeCrediarios: history.activeCrediarios,
    monthsSinceFirstPayment: history.monthsSinceFirstPayment,
    completedCrediarios: history.completedCrediarios,
    outstandingPrincipalCentavos: history.outstandingPrincipalCentavos,
  };
}

/** The model's input vector, in `featureOrder`. Throws on a missing or non-finite feature rather than guess it. */
export function toFeatureVector(features: CreditFeatures): number[] {
  return toVector(featureOrder, features);
}
