// @medpay/pdf-documents: the platform's PDFs (service agreement, crediário contract, payment receipt,
// monthly statement), deterministic so a document's SHA-256 can be recomputed from its input.
export { type RenderedDocument } from './composer.js';
export { DocumentInputError } from './inputs.js';
export { MEDPAY, type Company } from './platform.js';
export type { Address } from './format.js';
export { serviceAgreement, serviceAgreementInput, type ServiceAgreementInput } from './service-agreement.js';
export { crediarioContract, crediarioContractInput, type CrediarioContractInput, MAX_LATE_FINE_BASIS_POINTS, MAX_LATE_MONTHLY_INTEREST, WITHDRAWAL_DAYS } from './crediario-contract.js';
export { paymentReceipt, paymentReceiptInput, type PaymentReceiptInput } from './payment-receipt.js';
export { monthlyStatement, monthlyStatementInput, type MonthlyStatementInput } from './monthly-statement.js';
