// Deterministic synthetic checkouts for training and evaluating the anti-fraud model: ordinary
// patients plus five labelled fraud patterns. No real data can be had, so each pattern moves only
// the features that pattern really moves, with overlap and noise so the model cannot win on one flag.
import { Draw, mulberry32 } from '../random.js';
import { methodFlags, type CheckoutFeatures, type PaymentMethod } from './features.js';

export type FraudPattern = 'CARD_TESTING' | 'ACCOUNT_TAKEOVER' | 'SYNTHETIC_IDENTITY' | 'CLINIC_COLLUSION' | 'REFUND_ABUSE';
export type CheckoutPattern = 'LEGITIMATE' | FraudPattern;

export interface LabelledCheckout {
  features: CheckoutFeatures;
  /** 1 = fraud, 0 = legitimate. */
  label: 0 | 1;
  pattern: CheckoutPattern;
}

/** Share of checkouts per fraud pattern; about 3.5 % fraud in all. */
export const fraudPatternRates: Record<FraudPattern, number> = {
  CARD_TESTING: 0.01,
  ACCOUNT_TAKEOVER: 0.008,
  SYNTHETIC_IDENTITY: 0.007,
  CLINIC_COLLUSION: 0.005,
  REFUND_ABUSE: 0.005,
};

/** Platform median ticket per procedure category (centavos) and how widely tickets spread around it. */
const procedureCategories = [
  { name: 'consulta', medianCentavos: 30_000, sigma: 0.35, weight: 34 },
  { name: 'exame', medianCentavos: 25_000, sigma: 0.6, weight: 22 },
  { name: 'fisioterapia', medianCentavos: 15_000, sigma: 0.3, weight: 10 },
  { name: 'odontologia', medianCentavos: 90_000, sigma: 0.7, weight: 16 },
  { name: 'estetica', medianCentavos: 250_000, sigma: 0.6, weight: 10 },
  { name: 'cirurgia', medianCentavos: 1_200_000, sigma: 0.7, weight: 8 },
] as const;

type Category = (typeof procedureCategories)[number];

interface Context {
  category: Category;
  /** The clinic's own median ticket for the category (centavos). */
  clinicNormCentavos: number;
}

function legitimate(draw: Draw): { features: CheckoutFeatures; context: Context } {
  const category = draw.pick(procedureCategories.map((entry) => [entry, entry.weight] as const));
  // Clinics price around the platform median, some dearer, some cheaper.
  const clinicNormCentavos = category.medianCentavos * draw.logNormal(1, 0.25);
  const amountCentavos = Math.max(2_000, Math.round(draw.logNormal(clinicNormCentavos, category.sigma * 0.8)));
  const method: PaymentMethod = category.medianCentavos >= 90_000
    ? draw.pick([['PIX', 25], ['CARD', 35], ['BOLETO', 5], ['CREDIARIO', 35]] as const)
    : draw.pick([['PIX', 55], ['CARD', 30], ['BOLETO', 10], ['CREDIARIO', 5]] as const);
  // Many patients pay right after signing up (the clinic sends the link), so new accounts are common and honest.
  const accountAgeDays = draw.chance(0.2) ? draw.integer(0, 7) : Math.round(draw.logNormal(240, 1.1));
  const deviceAgeDays = draw.chance(0.15) ? 0 : Math.min(accountAgeDays, Math.round(draw.logNormal(90, 1.2)));
  const isCard = method === 'CARD';
  // A consultation and its exams are often paid the same day, sometimes for the whole family.
  const sameDay = draw.chance(0.12) ? draw.integer(1, 3) : 0;
  const cpfPayments24h = sameDay + draw.poisson(0.1);
  const cpfPayments7d = cpfPayments24h + draw.poisson(category.name === 'fisioterapia' ? 1.2 : 0.35);
  const cpfPayments1h = Math.min(cpfPayments24h, draw.chance(0.5) ? sameDay : 0);
  // Clinics' reception tablets take payments for many patients: honest, and it looks like a shared device.
  const receptionTablet = draw.chance(0.02);
  // A legitimate card is sometimes declined once (limit, typo) before the retry that passes.
  const declinedOnce = isCard && draw.chance(0.06) ? 1 : 0;
  const features: CheckoutFeatures = {
    accountAgeDays,
    deviceAgeDays,
    // Forgotten passwords: a few failures, then a reset.
    failedLogins1h: draw.chance(0.1) ? draw.integer(1, 2) : draw.chance(0.01) ? draw.integer(3, 6) : 0,
    cpfPayments1h: cpfPayments1h + declinedOnce,
    cpfPayments24h: cpfPayments24h + declinedOnce,
    cpfPayments7d: cpfPayments7d + declinedOnce,
    cpfDeclines24h: declinedOnce,
    devicePayments1h: cpfPayments1h + declinedOnce + (receptionTablet ? draw.integer(1, 6) : draw.chance(0.03) ? 1 : 0),
    deviceDeclines1h: declinedOnce + (receptionTablet && draw.chance(0.2) ? 1 : 0),
    deviceDeclines24h: declinedOnce + (receptionTablet ? draw.integer(0, 2) : draw.chance(0.02) ? 1 : 0),
    // Families share a phone; reception tablets serve a whole day of patients.
    deviceAccounts24h: receptionTablet ? draw.integer(3, 20) : draw.chance(0.06) ? 2 : draw.chance(0.01) ? 3 : 1,
    // Clinic front desks and carrier NAT put several patients behind one IP.
    ipPayments1h: draw.chance(0.08) ? draw.integer(1, 4) : 0,
    ipDeclines24h: declinedOnce + (draw.chance(0.03) ? 1 : 0),
    cardPayments24h: isCard ? 1 + declinedOnce + (draw.chance(0.05) ? 1 : 0) : 0,
    cardDeclines1h: declinedOnce,
    cardAccounts7d: isCard ? (draw.chance(0.04) ? 2 : 1) : 0,
    cardBinCountryMismatch: isCard && draw.chance(0.01) ? 1 : 0,
    amountCentavos,
    amountToClinicNorm: amountCentavos / clinicNormCentavos,
    amountToCategoryNorm: amountCentavos / category.medianCentavos,
    // Honest clinics join every month, and some specialities (aesthetics) draw more disputes.
    clinicAgeDays: draw.chance(0.08) ? draw.integer(1, 120) : Math.round(draw.logNormal(700, 0.8)),
    clinicDisputeRate: Math.min(1, draw.logNormal(category.name === 'estetica' ? 0.01 : 0.004, 0.8)),
    cpfPaymentsSameClinic30d: draw.poisson(category.name === 'fisioterapia' ? 3 : 0.4),
    // Cancelled appointments are refunded.
    accountRefunds90d: draw.chance(0.06) ? 1 : draw.chance(0.01) ? draw.integer(2, 3) : 0,
    // Most patients are treated near home; some travel to a capital for surgery or specialists.
    patientClinicDistanceKm: draw.chance(0.1) ? Math.round(draw.logNormal(300, 0.9)) : Math.round(draw.logNormal(8, 0.9)),
    ...methodFlags(method),
  };
  return { features, context: { category, clinicNormCentavos } };
}

function setAmount(features: CheckoutFeatures, context: Context, amountCentavos: number): void {
  const amount = Math.max(100, Math.round(amountCentavos));
  features.amountCentavos = amount;
  features.amountToClinicNorm = amount / context.clinicNormCentavos;
  features.amountToCategoryNorm = amount / context.category.medianCentavos;
}

function setMethod(features: CheckoutFeatures, method: PaymentMethod): void {
  Object.assign(features, methodFlags(method));
  if (method !== 'CARD') {
    features.cardPayments24h = 0;
    features.cardDeclines1h = 0;
    features.cardAccounts7d = 0;
    features.cardBinCountryMismatch = 0;
  } else if (features.cardPayments24h === 0) {
    features.cardPayments24h = 1;
    features.cardAccounts7d = 1;
  }
}

/** Each pattern starts from an ordinary checkout and moves what the fraud moves; the bursts vary from blatant to subtle. */
const fraudShapers: Record<FraudPattern, (draw: Draw, features: CheckoutFeatures, context: Context) => void> = {
  // Stolen card numbers tried in a burst from one device, small amounts, until one passes.
  CARD_TESTING(draw, features, context) {
    setMethod(features, 'CARD');
    const attempts = draw.chance(0.25) ? draw.integer(2, 4) : draw.integer(4, 25);
    const declines = Math.max(1, attempts - draw.integer(1, 2));
    features.devicePayments1h = attempts;
    features.deviceDeclines1h = declines;
    features.deviceDeclines24h = declines + draw.poisson(1);
    features.ipPayments1h = attempts + draw.poisson(1);
    features.ipDeclines24h = declines + draw.poisson(1);
    // Many cards, so each card fingerprint is seen only a few times.
    features.cardPayments24h = draw.integer(1, 3);
    features.cardDeclines1h = draw.integer(0, 2);
    features.cardBinCountryMismatch = draw.chance(0.3) ? 1 : 0;
    features.cpfPayments1h = draw.chance(0.5) ? attempts : draw.integer(1, 3);
    features.cpfPayments24h = features.cpfPayments1h + draw.poisson(0.5);
    features.cpfPayments7d = features.cpfPayments24h + draw.poisson(0.5);
    features.cpfDeclines24h = Math.min(features.cpfPayments24h, declines);
    features.accountAgeDays = draw.chance(0.7) ? draw.integer(0, 3) : features.accountAgeDays;
    features.deviceAgeDays = draw.chance(0.7) ? 0 : features.deviceAgeDays;
    features.deviceAccounts24h = draw.chance(0.4) ? draw.integer(2, 6) : 1;
    setAmount(features, context, context.clinicNormCentavos * draw.uniform(0.2, 1));
  },
  // Someone else logs in to an established account (guessed or phished password) and pays fast from elsewhere.
  ACCOUNT_TAKEOVER(draw, features, context) {
    features.accountAgeDays = Math.round(draw.logNormal(400, 0.8));
    features.deviceAgeDays = 0;
    features.failedLogins1h = draw.chance(0.7) ? draw.integer(3, 15) : draw.integer(0, 2);
    features.patientClinicDistanceKm = draw.chance(0.7) ? Math.round(draw.uniform(200, 2800)) : features.patientClinicDistanceKm;
    setMethod(features, draw.pick([['PIX', 30], ['CARD', 50], ['CREDIARIO', 20]] as const));
    setAmount(features, context, context.clinicNormCentavos * draw.uniform(1.5, 7));
    features.cpfPayments24h += draw.integer(0, 2);
    features.cpfPayments7d += features.cpfPayments24h;
    features.cpfPaymentsSameClinic30d = 0;
  },
  // A made-up identity (real CPF, invented person) opens accounts in batches and maxes out financing.
  SYNTHETIC_IDENTITY(draw, features, context) {
    features.accountAgeDays = draw.integer(0, 25);
    features.deviceAgeDays = Math.min(features.accountAgeDays, draw.integer(0, 3));
    features.deviceAccounts24h = draw.chance(0.75) ? draw.integer(2, 9) : 1;
    features.ipPayments1h = draw.integer(1, 8);
    features.ipDeclines24h = draw.poisson(1);
    setMethod(features, draw.pick([['CREDIARIO', 60], ['CARD', 30], ['BOLETO', 10]] as const));
    if (features.methodCard === 1) features.cardAccounts7d = draw.integer(1, 4);
    setAmount(features, context, context.clinicNormCentavos * draw.uniform(1.3, 4.5));
    features.cpfPaymentsSameClinic30d = 0;
    features.accountRefunds90d = 0;
  },
  // A clinic bills procedures that never happen to accomplices (or itself) and inflates its own prices.
  CLINIC_COLLUSION(draw, features, context) {
    features.clinicAgeDays = draw.chance(0.7) ? draw.integer(5, 240) : features.clinicAgeDays;
    // Disputes come weeks after the money is out, so a young colluding clinic may not show them yet.
    features.clinicDisputeRate = draw.chance(0.7) ? draw.uniform(0.01, 0.15) : features.clinicDisputeRate;
    features.cpfPaymentsSameClinic30d = draw.integer(2, 12);
    features.cpfPayments7d = Math.max(features.cpfPayments7d, draw.integer(1, 6));
    // Its own norm is already inflated, so the ticket looks ordinary for the clinic but not for the category.
    const inflation = draw.uniform(1.8, 5);
    const amount = context.category.medianCentavos * inflation * draw.logNormal(1, 0.2);
    features.amountCentavos = Math.round(amount);
    features.amountToClinicNorm = draw.logNormal(1, 0.25);
    features.amountToCategoryNorm = amount / context.category.medianCentavos;
    features.patientClinicDistanceKm = draw.chance(0.5) ? Math.round(draw.uniform(0, 5)) : features.patientClinicDistanceKm;
    setMethod(features, draw.pick([['CREDIARIO', 50], ['CARD', 35], ['PIX', 15]] as const));
  },
  // Pays, gets the procedure, then disputes or claims refunds, again and again across clinics.
  REFUND_ABUSE(draw, features, context) {
    features.accountRefunds90d = draw.chance(0.8) ? draw.integer(2, 8) : 1;
    features.cpfPayments7d += draw.integer(1, 5);
    features.cpfPayments24h += draw.integer(0, 2);
    features.accountAgeDays = Math.round(draw.logNormal(120, 0.8));
    setMethod(features, draw.pick([['CARD', 60], ['PIX', 30], ['BOLETO', 10]] as const));
    setAmount(features, context, context.clinicNormCentavos * draw.uniform(0.8, 2.5));
  },
};

const fraudPatterns = Object.keys(fraudPatternRates) as FraudPattern[];

/** `count` labelled checkouts; the same seed always gives the same checkouts in the same order. */
export function generateCheckouts(count: number, seed: number): LabelledCheckout[] {
  const draw = new Draw(mulberry32(seed));
  const rows: LabelledCheckout[] = [];
  for (let index = 0; index < count; index += 1) {
    const { features, context } = legitimate(draw);
    let pattern: CheckoutPattern = 'LEGITIMATE';
    let point = draw.next();
    for (const candidate of fraudPatterns) {
      point -= fraudPatternRates[candidate];
      if (point < 0) {
        pattern = candidate;
        break;
      }
    }
    if (pattern !== 'LEGITIMATE') fraudShapers[pattern](draw, features, context);
    rows.push({ features, label: pattern === 'LEGITIMATE' ? 0 : 1, pattern });
  }
  return rows;
}
