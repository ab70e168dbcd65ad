// Deterministic synthetic crediário applicants for training and evaluating the credit model. No real
// repayment data can be had, so defaults follow a stated risk equation (see `defaultLogit`): a hidden
// payment discipline drives both the visible history and the default, the true income behind the
// declared band is hidden too, and the rest is chance; so no single feature decides.
//
// Protected attributes come from a PRNG stream of their own, drawn after nothing else: they are
// independent of the features and of the label, and changing how they are drawn changes no other value.
import { Draw, mulberry32 } from '../random.js';
import {
  creditFeatures,
  DEFAULT_MONTHLY_RATE,
  emptyHistory,
  incomeBands,
  MINIMUM_WAGE_2026_CENTAVOS,
  priceInstallmentCentavos,
  type CreditApplicant,
  type CreditFeatures,
  type CreditHistory,
  type CreditRequest,
  type IncomeBand,
  type ProtectedAttributes,
} from './features.js';

export interface LabelledApplicant {
  applicant: CreditApplicant;
  request: CreditRequest;
  features: CreditFeatures;
  /** The same object as `applicant.protected`, at top level for fairness reports. */
  protected: ProtectedAttributes;
  /** 1 = defaulted (some installment 90+ days late), 0 = repaid. */
  label: 0 | 1;
}

/** The installment counts MedPay offers for a crediário. */
export const installmentOptions = [3, 6, 10, 12, 18, 24] as const;

const sigmoid = (value: number) => 1 / (1 + Math.exp(-value));

/** Brazil's adult population, roughly (IBGE): for the fairness report only. */
function protectedAttributes(draw: Draw): ProtectedAttributes {
  return {
    sex: draw.pick([['F', 51], ['M', 48], ['X', 1]] as const),
    ageBand: draw.pick([['18-24', 14], ['25-34', 23], ['35-49', 30], ['50-64', 21], ['65+', 12]] as const),
    region: draw.pick([['N', 9], ['NE', 27], ['CO', 8], ['SE', 42], ['S', 14]] as const),
  };
}

/** The true monthly income (centavos), which the platform never sees: only its band. */
function trueIncomeCentavos(draw: Draw, band: IncomeBand): number {
  const wages =
    band === 'ATE_2_SM' ? (draw.chance(0.15) ? draw.uniform(0.6, 1) : draw.uniform(1, 2))
    : band === 'DE_2_A_4_SM' ? draw.uniform(2, 4)
    : band === 'DE_4_A_10_SM' ? Math.exp(draw.uniform(Math.log(4), Math.log(10)))
    : 10 * Math.max(1, draw.logNormal(1.4, 0.45));
  return Math.round(wages * MINIMUM_WAGE_2026_CENTAVOS);
}

/** A history shaped by the patient's hidden payment discipline (standard normal, higher = more reliable). */
function history(draw: Draw, discipline: number): CreditHistory {
  if (draw.chance(0.35)) return { ...emptyHistory };
  const monthsSinceFirstPayment = Math.min(96, Math.max(1, Math.round(draw.logNormal(14, 0.8))));
  const completedCrediarios = draw.poisson(monthsSinceFirstPayment / 18);
  const activeCrediarios = Math.max(completedCrediarios === 0 ? 1 : 0, draw.pick([[0, 25], [1, 52], [2, 17], [3, 6]] as const));
  const ongoing = Math.min(monthsSinceFirstPayment, 12);
  const paidInstallments = Math.max(1, Math.round(completedCrediarios * draw.uniform(3, 12) + activeCrediarios * draw.uniform(0, ongoing)));
  const latePaidInstallments = draw.binomial(paidInstallments, sigmoid(-2.3 - 1.2 * discipline));
  const overdueInstallments = activeCrediarios > 0 && draw.chance(sigmoid(-3.4 - 1.3 * discipline)) ? draw.integer(1, 3) : 0;
  const lateDays = latePaidInstallments > 0 ? Math.min(120, Math.round(draw.logNormal(5 * Math.exp(-0.5 * discipline), 0.9)) + 1) : 0;
  const overdueDays = overdueInstallments > 0 ? draw.integer(1, 75) : 0;
  return {
    paidInstallments,
    latePaidInstallments,
    overdueInstallments,
    maxDaysLate: Math.max(lateDays, overdueDays),
    activeCrediarios,
    monthsSinceFirstPayment,
    completedCrediarios,
    outstandingPrincipalCentavos: Array.from({ length: activeCrediarios }, () => Math.round(draw.logNormal(180_000, 0.8))).reduce((sum, value) => sum + value, 0),
  };
}

/** What people finance: mostly a few thousand reais, a few large surgeries; longer terms for larger amounts. */
function request(draw: Draw, band: IncomeBand): CreditRequest {
  const bandFactor = incomeBands[band].midpointCentavos / incomeBands.DE_2_A_4_SM.midpointCentavos;
  const raw = draw.logNormal(280_000 * bandFactor ** 0.3, 0.9);
  const financedAmountCentavos = Math.min(4_000_000, Math.max(30_000, Math.round(raw / 100) * 100));
  const terms: readonly (readonly [number, number])[] =
    financedAmountCentavos < 100_000 ? [[3, 35], [6, 35], [10, 20], [12, 10]]
    : financedAmountCentavos < 500_000 ? [[3, 10], [6, 25], [10, 25], [12, 25], [18, 10], [24, 5]]
    : [[6, 10], [10, 15], [12, 25], [18, 25], [24, 25]];
  return { financedAmountCentavos, installmentCount: draw.pick(terms) };
}

/**
 * The log-odds of default. Each term moves with one visible fact in the direction features.ts's
 * `riskDirection` states; the hidden income and discipline make the rest.
 */
export function defaultLogit(facts: { history: CreditHistory; request: CreditRequest; trueIncomeCentavos: number; discipline: number }): number {
  const { history: h, request: r } = facts;
  const installment = priceInstallmentCentavos(r.financedAmountCentavos, DEFAULT_MONTHLY_RATE, r.installmentCount);
  const incomeShare = installment / facts.trueIncomeCentavos;
  const firstTime = h.paidInstallments === 0;
  return (
    -3.5 +
    1.7 * Math.max(-1.5, Math.log(incomeShare / 0.15)) +
    (h.overdueInstallments > 0 ? 1.2 + 0.4 * Math.min(h.overdueInstallments, 3) : 0) +
    (firstTime ? 0 : 3 * (h.latePaidInstallments / h.paidInstallments)) +
    0.012 * Math.min(h.maxDaysLate, 120) +
    0.1 * h.activeCrediarios + 0.5 * Math.max(0, h.activeCrediarios - 1) +
    0.15 * Math.log1p(h.outstandingPrincipalCentavos / facts.trueIncomeCentavos) +
    0.3 * Math.max(0, Math.log(r.financedAmountCentavos / 300_000)) +
    0.04 * (r.installmentCount - 6) +
    (firstTime ? 0.6 : -0.3 * (Math.min(h.completedCrediarios, 3) / 3) - 0.2 * (Math.min(h.monthsSinceFirstPayment, 36) / 36)) -
    0.8 * facts.discipline
  );
}

/** Salt of the protected attributes' own PRNG stream. */
const protectedStreamSalt = 0x9e3779b9;

/** `count` labelled applicants; the same seed always gives the same applicants in the same order. */
export function generateApplicants(count: number, seed: number): LabelledApplicant[] {
  const draw = new Draw(mulberry32(seed));
  const protectedDraw = new Draw(mulberry32(seed ^ protectedStreamSalt));
  const rows: LabelledApplicant[] = [];
  for (let index = 0; index < count; index += 1) {
    const incomeBand = draw.pick([['ATE_2_SM', 38], ['DE_2_A_4_SM', 34], ['DE_4_A_10_SM', 21], ['ACIMA_10_SM', 7]] as const);
    const income = trueIncomeCentavos(draw, incomeBand);
    const discipline = draw.normal();
    const past = history(draw, discipline);
    const asked = request(draw, incomeBand);
    const label = draw.chance(sigmoid(defaultLogit({ history: past, request: asked, trueIncomeCentavos: income, discipline }))) ? 1 : 0;
    const attributes = protectedAttributes(protectedDraw);
    const applicant: CreditApplicant = { incomeBand, history: past, protected: attributes };
    rows.push({ applicant, request: asked, features: creditFeatures(applicant, asked), protected: attributes, label });
  }
  return rows;
}
