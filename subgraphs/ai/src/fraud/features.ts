// The anti-fraud model's input: one checkout described by named numbers, and the fixed order in
// which the model reads them. The model file records this order; a model trained on another order
// is refused at load (see model.ts).
import { toVector } from '../forest.js';

/** What each feature means and its unit. Counts are for the window in the name, up to this checkout (excluded). */
export const featureDescriptions = {
  accountAgeDays: 'Days since the patient account was created (days).',
  deviceAgeDays: 'Days since this device was first seen on this account; 0 = first use (days).',
  failedLogins1h: 'Failed logins on this account in the hour before checkout (count).',
  cpfPayments1h: 'Payment attempts by this CPF in the last hour (count).',
  cpfPayments24h: 'Payment attempts by this CPF in the last 24 hours (count).',
  cpfPayments7d: 'Payment attempts by this CPF in the last 7 days (count).',
  cpfDeclines24h: 'Declined payments of this CPF in the last 24 hours (count).',
  devicePayments1h: 'Payment attempts from this device in the last hour, any account (count).',
  deviceDeclines1h: 'Declined payments from this device in the last hour (count).',
  deviceDeclines24h: 'Declined payments from this device in the last 24 hours (count).',
  deviceAccounts24h: 'Distinct accounts (CPFs) that paid from this device in the last 24 hours (count).',
  ipPayments1h: 'Payment attempts from this IP address in the last hour (count).',
  ipDeclines24h: 'Declined payments from this IP address in the last 24 hours (count).',
  cardPayments24h: 'Payment attempts with this card fingerprint in the last 24 hours; 0 when not a card (count).',
  cardDeclines1h: 'Declined attempts with this card fingerprint in the last hour (count).',
  cardAccounts7d: 'Distinct accounts that used this card fingerprint in the last 7 days (count).',
  cardBinCountryMismatch: "1 when the card's BIN country is not Brazil while the patient is in Brazil, else 0 (flag).",
  amountCentavos: 'Amount of this checkout (centavos).',
  amountToClinicNorm: "Amount divided by the clinic's median ticket for this procedure category (ratio).",
  amountToCategoryNorm: "Amount divided by the platform's median ticket for this procedure category (ratio).",
  clinicAgeDays: 'Days since the clinic joined the platform (days).',
  clinicDisputeRate: "Share of the clinic's paid payments of the last 90 days that were disputed or charged back (0–1).",
  cpfPaymentsSameClinic30d: 'Payments by this CPF to the same clinic in the last 30 days (count).',
  accountRefunds90d: 'Refunds granted to this account in the last 90 days (count).',
  patientClinicDistanceKm: "Distance between the patient's city and the clinic's city (km).",
  methodPix: '1 when the method is PIX, else 0 (flag).',
  methodBoleto: '1 when the method is boleto, else 0 (flag).',
  methodCard: '1 when the method is a credit card (at once or in installments), else 0 (flag).',
  methodCrediario: "1 when the method is MedPay's own financing (crediário), else 0 (flag).",
} as const;

export type FeatureName = keyof typeof featureDescriptions;

/** One checkout as the model sees it. */
export type CheckoutFeatures = Record<FeatureName, number>;

/** The model's column order. Append new features at the end and retrain; never reorder. */
export const featureOrder = Object.keys(featureDescriptions) as readonly FeatureName[];

export type PaymentMethod = 'PIX' | 'BOLETO' | 'CARD' | 'CREDIARIO';

/** The method's one-hot flags, so callers never set two at once. */
export function methodFlags(method: PaymentMethod): Pick<CheckoutFeatures, 'methodPix' | 'methodBoleto' | 'methodCard' | 'methodCrediario'> {
  return {
    methodPix: method === 'PIX' ? 1 : 0,
    methodBoleto: method === 'BOLETO' ? 1 : 0,
    methodCard: method === 'CARD' ? 1 : 0,
    methodCrediario: method === 'CREDIARIO' ? 1 : 0,
  };
}

/** The model's input vector, in `featureOrder`. Throws on a missing or non-finite feature rather than guess it. */
export function toFeatureVector(features: CheckoutFeatures): number[] {
  return toVector(featureOrder, features);
}
