// Hand-written checkouts for the model's and the rules' tests.
import { methodFlags, type CheckoutFeatures } from './features.js';

/** A patient of two years paying a consultation at the usual price, by PIX, near home. */
export function ordinaryCheckout(overrides: Partial<CheckoutFeatures> = {}): CheckoutFeatures {
  return {
    accountAgeDays: 730,
    deviceAgeDays: 300,
    failedLogins1h: 0,
    cpfPayments1h: 0,
    cpfPayments24h: 0,
    cpfPayments7d: 0,
    cpfDeclines24h: 0,
    devicePayments1h: 0,
    deviceDeclines1h: 0,
    deviceDeclines24h: 0,
    deviceAccounts24h: 1,
    ipPayments1h: 0,
    ipDeclines24h: 0,
    cardPayments24h: 0,
    cardDeclines1h: 0,
    cardAccounts7d: 0,
    cardBinCountryMismatch: 0,
    amountCentavos: 30_000,
    amountToClinicNorm: 1,
    amountToCategoryNorm: 1,
    clinicAgeDays: 900,
    clinicDisputeRate: 0.003,
    cpfPaymentsSameClinic30d: 0,
    accountRefunds90d: 0,
    patientClinicDistanceKm: 6,
    ...methodFlags('PIX'),
    ...overrides,
  };
}

/** Stolen cards tried one after another from one new device on a day-old account. */
export function cardTestingBurst(): CheckoutFeatures {
  return ordinaryCheckout({
    accountAgeDays: 1,
    deviceAgeDays: 0,
    cpfPayments1h: 12,
    cpfPayments24h: 12,
    cpfPayments7d: 12,
    cpfDeclines24h: 11,
    devicePayments1h: 12,
    deviceDeclines1h: 11,
    deviceDeclines24h: 11,
    ipPayments1h: 12,
    ipDeclines24h: 11,
    cardPayments24h: 2,
    cardDeclines1h: 1,
    cardAccounts7d: 1,
    amountCentavos: 12_000,
    amountToClinicNorm: 0.4,
    amountToCategoryNorm: 0.4,
    ...methodFlags('CARD'),
  });
}

/** An account made yesterday paying a surgery at five times what the clinic usually charges. */
export function newAccountFarAboveNorm(): CheckoutFeatures {
  return ordinaryCheckout({
    accountAgeDays: 1,
    deviceAgeDays: 1,
    amountCentavos: 6_000_000,
    amountToClinicNorm: 5,
    amountToCategoryNorm: 5,
    patientClinicDistanceKm: 40,
    ...methodFlags('CREDIARIO'),
  });
}
