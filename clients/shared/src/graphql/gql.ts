/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ClinicPage($id: ID!) {\n    clinic(id: $id) {\n      id tradeName legalName cnpj specialties status\n      address { street city state postalCode }\n      procedures(first: 50) { edges { node { id name category priceCentavos durationMinutes interestFreeInstallments active } } }\n    }\n  }\n": typeof types.ClinicPageDocument,
    "\n  query PaymentPage($id: ID!) {\n    payment(id: $id) { ...PaymentDetails }\n  }\n": typeof types.PaymentPageDocument,
    "\n  subscription PaymentLive($id: ID!) {\n    paymentStatusChanged(paymentId: $id) { ...PaymentDetails }\n  }\n": typeof types.PaymentLiveDocument,
    "\n  mutation CancelPayment($input: RefundInput!) {\n    refundPayment(input: $input) { ...PaymentDetails }\n  }\n": typeof types.CancelPaymentDocument,
    "\n  mutation DisputePayment($id: ID!, $reason: String!) {\n    openDispute(paymentId: $id, reason: $reason) { ...PaymentDetails }\n  }\n": typeof types.DisputePaymentDocument,
    "\n  query MyPayments($after: String) {\n    myPayments(first: 20, after: $after) {\n      edges { node { id status createdAt method planKind installmentCount amounts { patientTotalCentavos } procedure { id name } clinic { id tradeName } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.MyPaymentsDocument,
    "\n  subscription MyPaymentEvents {\n    myPaymentEvents { id status payment { id status escrowState } }\n  }\n": typeof types.MyPaymentEventsDocument,
    "\n  query SearchProcedures($filter: ProcedureFilter, $clinicFilter: ClinicFilter, $first: Int, $after: String) {\n    clinics(filter: $clinicFilter, first: 6) { edges { node { id tradeName specialties address { city state } } } }\n    procedures(filter: $filter, first: $first, after: $after) {\n      edges { node { id name category priceCentavos interestFreeInstallments clinic { id tradeName address { city state } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.SearchProceduresDocument,
    "\n  query MyInstallments {\n    myInstallments {\n      id number dueDate amountCentavos status lateChargesCentavos\n      pix { copiaECola qrCodePayload expiresAt }\n      payment { id installmentCount procedure { id name } clinic { id tradeName } }\n    }\n  }\n": typeof types.MyInstallmentsDocument,
    "\n  mutation PayInstallment($id: ID!) {\n    payInstallment(installmentId: $id) { id status lateChargesCentavos pix { copiaECola qrCodePayload expiresAt } }\n  }\n": typeof types.PayInstallmentDocument,
    "\n  query CheckoutPage($id: ID!, $firstDueDay: Int) {\n    procedure(id: $id) { id name priceCentavos clinic { id tradeName } }\n    paymentPlans(procedureId: $id, firstDueDay: $firstDueDay) { ...PlanFields schedule { number dueDate amountCentavos } }\n  }\n": typeof types.CheckoutPageDocument,
    "\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) { id status }\n  }\n": typeof types.CheckoutDocument,
    "\n  query ProcedurePage($id: ID!, $firstDueDay: Int) {\n    procedure(id: $id) {\n      id name description category priceCentavos durationMinutes interestFreeInstallments active\n      clinic { id tradeName status address { city state } }\n    }\n    paymentPlans(procedureId: $id, firstDueDay: $firstDueDay) { ...PlanFields }\n  }\n": typeof types.ProcedurePageDocument,
    "\n  fragment PaymentDetails on Payment {\n    id status escrowState method planKind installmentCount monthlyInterestRate iofCentavos cetAnnualRate\n    disputeReason escrowReleaseDueAt createdAt\n    amounts { grossCentavos patientTotalCentavos refundedCentavos }\n    pix { copiaECola qrCodePayload expiresAt }\n    boleto { line barcode dueDate }\n    card { brand last4 approved declineReason }\n    installments { id number dueDate amountCentavos status lateChargesCentavos }\n    history { from to reason at }\n    procedure { id name }\n    clinic { id tradeName }\n  }\n": typeof types.PaymentDetailsFragmentDoc,
    "\n  fragment PlanFields on PaymentPlan {\n    id kind methods installmentCount firstInstallmentCentavos installmentCentavos totalCentavos interestFree\n    monthlyInterestRate iofCentavos cetAnnualRate contractTerms contractTermsHash\n  }\n": typeof types.PlanFieldsFragmentDoc,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n": typeof types.LoginDocument,
    "\n  mutation RegisterPatient($input: RegisterPatientInput!) {\n    registerPatient(input: $input) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n": typeof types.RegisterPatientDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
};
const documents: Documents = {
    "\n  query ClinicPage($id: ID!) {\n    clinic(id: $id) {\n      id tradeName legalName cnpj specialties status\n      address { street city state postalCode }\n      procedures(first: 50) { edges { node { id name category priceCentavos durationMinutes interestFreeInstallments active } } }\n    }\n  }\n": types.ClinicPageDocument,
    "\n  query PaymentPage($id: ID!) {\n    payment(id: $id) { ...PaymentDetails }\n  }\n": types.PaymentPageDocument,
    "\n  subscription PaymentLive($id: ID!) {\n    paymentStatusChanged(paymentId: $id) { ...PaymentDetails }\n  }\n": types.PaymentLiveDocument,
    "\n  mutation CancelPayment($input: RefundInput!) {\n    refundPayment(input: $input) { ...PaymentDetails }\n  }\n": types.CancelPaymentDocument,
    "\n  mutation DisputePayment($id: ID!, $reason: String!) {\n    openDispute(paymentId: $id, reason: $reason) { ...PaymentDetails }\n  }\n": types.DisputePaymentDocument,
    "\n  query MyPayments($after: String) {\n    myPayments(first: 20, after: $after) {\n      edges { node { id status createdAt method planKind installmentCount amounts { patientTotalCentavos } procedure { id name } clinic { id tradeName } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.MyPaymentsDocument,
    "\n  subscription MyPaymentEvents {\n    myPaymentEvents { id status payment { id status escrowState } }\n  }\n": types.MyPaymentEventsDocument,
    "\n  query SearchProcedures($filter: ProcedureFilter, $clinicFilter: ClinicFilter, $first: Int, $after: String) {\n    clinics(filter: $clinicFilter, first: 6) { edges { node { id tradeName specialties address { city state } } } }\n    procedures(filter: $filter, first: $first, after: $after) {\n      edges { node { id name category priceCentavos interestFreeInstallments clinic { id tradeName address { city state } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.SearchProceduresDocument,
    "\n  query MyInstallments {\n    myInstallments {\n      id number dueDate amountCentavos status lateChargesCentavos\n      pix { copiaECola qrCodePayload expiresAt }\n      payment { id installmentCount procedure { id name } clinic { id tradeName } }\n    }\n  }\n": types.MyInstallmentsDocument,
    "\n  mutation PayInstallment($id: ID!) {\n    payInstallment(installmentId: $id) { id status lateChargesCentavos pix { copiaECola qrCodePayload expiresAt } }\n  }\n": types.PayInstallmentDocument,
    "\n  query CheckoutPage($id: ID!, $firstDueDay: Int) {\n    procedure(id: $id) { id name priceCentavos clinic { id tradeName } }\n    paymentPlans(procedureId: $id, firstDueDay: $firstDueDay) { ...PlanFields schedule { number dueDate amountCentavos } }\n  }\n": types.CheckoutPageDocument,
    "\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) { id status }\n  }\n": types.CheckoutDocument,
    "\n  query ProcedurePage($id: ID!, $firstDueDay: Int) {\n    procedure(id: $id) {\n      id name description category priceCentavos durationMinutes interestFreeInstallments active\n      clinic { id tradeName status address { city state } }\n    }\n    paymentPlans(procedureId: $id, firstDueDay: $firstDueDay) { ...PlanFields }\n  }\n": types.ProcedurePageDocument,
    "\n  fragment PaymentDetails on Payment {\n    id status escrowState method planKind installmentCount monthlyInterestRate iofCentavos cetAnnualRate\n    disputeReason escrowReleaseDueAt createdAt\n    amounts { grossCentavos patientTotalCentavos refundedCentavos }\n    pix { copiaECola qrCodePayload expiresAt }\n    boleto { line barcode dueDate }\n    card { brand last4 approved declineReason }\n    installments { id number dueDate amountCentavos status lateChargesCentavos }\n    history { from to reason at }\n    procedure { id name }\n    clinic { id tradeName }\n  }\n": types.PaymentDetailsFragmentDoc,
    "\n  fragment PlanFields on PaymentPlan {\n    id kind methods installmentCount firstInstallmentCentavos installmentCentavos totalCentavos interestFree\n    monthlyInterestRate iofCentavos cetAnnualRate contractTerms contractTermsHash\n  }\n": types.PlanFieldsFragmentDoc,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n": types.LoginDocument,
    "\n  mutation RegisterPatient($input: RegisterPatientInput!) {\n    registerPatient(input: $input) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n": types.RegisterPatientDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicPage($id: ID!) {\n    clinic(id: $id) {\n      id tradeName legalName cnpj specialties status\n      address { street city state postalCode }\n      procedures(first: 50) { edges { node { id name category priceCentavos durationMinutes interestFreeInstallments active } } }\n    }\n  }\n"): (typeof documents)["\n  query ClinicPage($id: ID!) {\n    clinic(id: $id) {\n      id tradeName legalName cnpj specialties status\n      address { street city state postalCode }\n      procedures(first: 50) { edges { node { id name category priceCentavos durationMinutes interestFreeInstallments active } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentPage($id: ID!) {\n    payment(id: $id) { ...PaymentDetails }\n  }\n"): (typeof documents)["\n  query PaymentPage($id: ID!) {\n    payment(id: $id) { ...PaymentDetails }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PaymentLive($id: ID!) {\n    paymentStatusChanged(paymentId: $id) { ...PaymentDetails }\n  }\n"): (typeof documents)["\n  subscription PaymentLive($id: ID!) {\n    paymentStatusChanged(paymentId: $id) { ...PaymentDetails }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelPayment($input: RefundInput!) {\n    refundPayment(input: $input) { ...PaymentDetails }\n  }\n"): (typeof documents)["\n  mutation CancelPayment($input: RefundInput!) {\n    refundPayment(input: $input) { ...PaymentDetails }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisputePayment($id: ID!, $reason: String!) {\n    openDispute(paymentId: $id, reason: $reason) { ...PaymentDetails }\n  }\n"): (typeof documents)["\n  mutation DisputePayment($id: ID!, $reason: String!) {\n    openDispute(paymentId: $id, reason: $reason) { ...PaymentDetails }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPayments($after: String) {\n    myPayments(first: 20, after: $after) {\n      edges { node { id status createdAt method planKind installmentCount amounts { patientTotalCentavos } procedure { id name } clinic { id tradeName } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query MyPayments($after: String) {\n    myPayments(first: 20, after: $after) {\n      edges { node { id status createdAt method planKind installmentCount amounts { patientTotalCentavos } procedure { id name } clinic { id tradeName } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MyPaymentEvents {\n    myPaymentEvents { id status payment { id status escrowState } }\n  }\n"): (typeof documents)["\n  subscription MyPaymentEvents {\n    myPaymentEvents { id status payment { id status escrowState } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchProcedures($filter: ProcedureFilter, $clinicFilter: ClinicFilter, $first: Int, $after: String) {\n    clinics(filter: $clinicFilter, first: 6) { edges { node { id tradeName specialties address { city state } } } }\n    procedures(filter: $filter, first: $first, after: $after) {\n      edges { node { id name category priceCentavos interestFreeInstallments clinic { id tradeName address { city state } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query SearchProcedures($filter: ProcedureFilter, $clinicFilter: ClinicFilter, $first: Int, $after: String) {\n    clinics(filter: $clinicFilter, first: 6) { edges { node { id tradeName specialties address { city state } } } }\n    procedures(filter: $filter, first: $first, after: $after) {\n      edges { node { id name category priceCentavos interestFreeInstallments clinic { id tradeName address { city state } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyInstallments {\n    myInstallments {\n      id number dueDate amountCentavos status lateChargesCentavos\n      pix { copiaECola qrCodePayload expiresAt }\n      payment { id installmentCount procedure { id name } clinic { id tradeName } }\n    }\n  }\n"): (typeof documents)["\n  query MyInstallments {\n    myInstallments {\n      id number dueDate amountCentavos status lateChargesCentavos\n      pix { copiaECola qrCodePayload expiresAt }\n      payment { id installmentCount procedure { id name } clinic { id tradeName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayInstallment($id: ID!) {\n    payInstallment(installmentId: $id) { id status lateChargesCentavos pix { copiaECola qrCodePayload expiresAt } }\n  }\n"): (typeof documents)["\n  mutation PayInstallment($id: ID!) {\n    payInstallment(installmentId: $id) { id status lateChargesCentavos pix { copiaECola qrCodePayload expiresAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CheckoutPage($id: ID!, $firstDueDay: Int) {\n    procedure(id: $id) { id name priceCentavos clinic { id tradeName } }\n    paymentPlans(procedureId: $id, firstDueDay: $firstDueDay) { ...PlanFields schedule { number dueDate amountCentavos } }\n  }\n"): (typeof documents)["\n  query CheckoutPage($id: ID!, $firstDueDay: Int) {\n    procedure(id: $id) { id name priceCentavos clinic { id tradeName } }\n    paymentPlans(procedureId: $id, firstDueDay: $firstDueDay) { ...PlanFields schedule { number dueDate amountCentavos } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProcedurePage($id: ID!, $firstDueDay: Int) {\n    procedure(id: $id) {\n      id name description category priceCentavos durationMinutes interestFreeInstallments active\n      clinic { id tradeName status address { city state } }\n    }\n    paymentPlans(procedureId: $id, firstDueDay: $firstDueDay) { ...PlanFields }\n  }\n"): (typeof documents)["\n  query ProcedurePage($id: ID!, $firstDueDay: Int) {\n    procedure(id: $id) {\n      id name description category priceCentavos durationMinutes interestFreeInstallments active\n      clinic { id tradeName status address { city state } }\n    }\n    paymentPlans(procedureId: $id, firstDueDay: $firstDueDay) { ...PlanFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PaymentDetails on Payment {\n    id status escrowState method planKind installmentCount monthlyInterestRate iofCentavos cetAnnualRate\n    disputeReason escrowReleaseDueAt createdAt\n    amounts { grossCentavos patientTotalCentavos refundedCentavos }\n    pix { copiaECola qrCodePayload expiresAt }\n    boleto { line barcode dueDate }\n    card { brand last4 approved declineReason }\n    installments { id number dueDate amountCentavos status lateChargesCentavos }\n    history { from to reason at }\n    procedure { id name }\n    clinic { id tradeName }\n  }\n"): (typeof documents)["\n  fragment PaymentDetails on Payment {\n    id status escrowState method planKind installmentCount monthlyInterestRate iofCentavos cetAnnualRate\n    disputeReason escrowReleaseDueAt createdAt\n    amounts { grossCentavos patientTotalCentavos refundedCentavos }\n    pix { copiaECola qrCodePayload expiresAt }\n    boleto { line barcode dueDate }\n    card { brand last4 approved declineReason }\n    installments { id number dueDate amountCentavos status lateChargesCentavos }\n    history { from to reason at }\n    procedure { id name }\n    clinic { id tradeName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanFields on PaymentPlan {\n    id kind methods installmentCount firstInstallmentCentavos installmentCentavos totalCentavos interestFree\n    monthlyInterestRate iofCentavos cetAnnualRate contractTerms contractTermsHash\n  }\n"): (typeof documents)["\n  fragment PlanFields on PaymentPlan {\n    id kind methods installmentCount firstInstallmentCentavos installmentCentavos totalCentavos interestFree\n    monthlyInterestRate iofCentavos cetAnnualRate contractTerms contractTermsHash\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterPatient($input: RegisterPatientInput!) {\n    registerPatient(input: $input) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n"): (typeof documents)["\n  mutation RegisterPatient($input: RegisterPatientInput!) {\n    registerPatient(input: $input) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;