// The commercial rules behind every plan: rates and costs, in one place. Values are the product's
// current terms (comparable to peers' published rates), not configuration a deployment should vary.

/** MedPay crediário: monthly interest charged to the patient. */
export const CREDIARIO_MONTHLY_RATE = 0.0249;
export const CREDIARIO_MIN_INSTALLMENTS = 2;
export const CREDIARIO_MAX_INSTALLMENTS = 24;
/** crediário is offered from this price up, and up to this financed amount per contract */
export const CREDIARIO_MIN_PRICE_CENTAVOS = 30_000;
export const CREDIARIO_MAX_FINANCED_CENTAVOS = 3_000_000;
/**
 * The first installment falls due on the patient's chosen day at least this many days after the
 * release (more than a week: time to issue its charge and pay it); interest runs pro rata die, so a
 * short or long first period is charged for its real days (see plans.ts firstDueDate).
 */
export const CREDIARIO_MIN_FIRST_PERIOD_DAYS = 8;

/** Card installments above the clinic's "sem juros" limit: the patient's monthly interest. */
export const CARD_MONTHLY_RATE = 0.0299;
export const CARD_MAX_INSTALLMENTS = 12;
/** no card installment below this */
export const CARD_MIN_INSTALLMENT_CENTAVOS = 5_000;
/** the acquirer's discount rate by number of installments, in basis points */
export const cardMdrBasisPoints = (count: number) => (count === 1 ? 299 : count <= 6 ? 349 : 399);
/** what anticipating card receivables costs per month, borne by the clinic on "sem juros" sales */
export const CARD_ANTICIPATION_MONTHLY_RATE = 0.0179;

/** gateway costs per charge */
export const PIX_COST_CENTAVOS = 99;
export const BOLETO_COST_CENTAVOS = 249;
/** days a boleto à vista stays payable */
export const BOLETO_DUE_DAYS = 3;

/** Late charges on crediário installments (CDC art. 52 §1º caps the multa at 2 %). */
export const LATE_FEE_BASIS_POINTS = 200;
export const LATE_INTEREST_MONTHLY_RATE = 0.01;
/** days before its due date an installment's charge is issued */
export const INSTALLMENT_ISSUE_DAYS_AHEAD = 10;
