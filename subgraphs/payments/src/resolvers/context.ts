// What every payments resolver receives: the request's claims and the services wired in service.ts.
import type { AccessRecorder, RequestContext } from '@medpay/runtime';
import type { Checkout } from '../checkout/checkout.js';
import type { CheckoutStore } from '../checkout/checkout-store.js';
import type { CrediarioContracts } from '../crediario/contract-actions.js';
import type { ContractSigning } from '../crediario/contract-signing.js';
import type { MonthlyStatements } from '../documents/issuing.js';
import type { PaymentDocuments } from '../documents/payment-documents.js';
import type { PaymentLinks } from '../links/payment-links.js';
import type { CreditCheck } from '../crediario/credit-check.js';
import type { SimulationCounter } from '../checkout/simulation-counter.js';
import type { PaymentEventFeed } from '../events/payment-events.js';
import type { Directory } from '../internal/directory.js';
import type { Reconciliation } from '../ledger/reconciliation.js';
import type { PaymentActions } from '../money-movement/payment-actions.js';
import type { PaymentAccess } from '../payments/access.js';
import type { FraudReview } from '../payments/fraud-review.js';
import type { PaymentSearch } from '../payments/payment-search.js';
import type { PersonalDataStore } from '../payments/personal-data-store.js';
import type { PaymentLoaders, PaymentStore } from '../payments/payment-store.js';
import type { ReportStore } from '../reporting/report-store.js';

export interface PaymentsContext extends RequestContext {
  access: PaymentAccess;
  checkout: Checkout;
  checkoutStore: CheckoutStore;
  credit: CreditCheck;
  fraudReview: FraudReview;
  actions: PaymentActions;
  crediario: CrediarioContracts;
  signing: Pick<ContractSigning, 'signingUrl'>;
  documents: Pick<PaymentDocuments, 'file'>;
  statements: Pick<MonthlyStatements, 'issue'>;
  links: PaymentLinks;
  store: PaymentStore;
  search: PaymentSearch;
  personalData: PersonalDataStore;
  reports: ReportStore;
  directory: Directory;
  reconciliation: Reconciliation;
  loaders: PaymentLoaders;
  events: PaymentEventFeed;
  simulations: Pick<SimulationCounter, 'count'>;
  /** this request's reads of other people's sensitive data, for the access log */
  accesses: AccessRecorder;
  platformFeeBasisPoints: number;
}
