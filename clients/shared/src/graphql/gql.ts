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
    "\n  query FraudReviewQueue {\n    fraudReviewQueue(first: 50) {\n      totalCount\n      edges {\n        node {\n          id createdAt method\n          amounts { patientTotalCentavos }\n          payer { id name }\n          clinic { id tradeName }\n          fraudAssessment { score reasons { code text } }\n        }\n      }\n    }\n    fraudModel { version trainedAt heldOutRows heldOutFraudRows rocAuc reviewThreshold reviewPrecision reviewRecall declineThreshold declinePrecision declineRecall }\n  }\n": typeof types.FraudReviewQueueDocument,
    "\n  query BackOfficeTickets($status: SupportTicketStatus, $after: String) {\n    supportTickets(status: $status, first: 20, after: $after) {\n      edges { node { ...SupportTicketFields patient { id name } payment { id } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.BackOfficeTicketsDocument,
    "\n  query AdminClinics($status: ClinicStatus!, $search: String, $after: String) {\n    clinics(filter: { status: $status, search: $search }, first: 50, after: $after) {\n      edges {\n        node {\n          id tradeName legalName cnpj status statusReason specialties address { street city state postalCode }\n          receitaFederal { status legalName tradeName mainCnaeCode mainCnaeDescription address checkedAt }\n          agreement { status sentAt expiresAt signedAt documentUrl }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AdminClinicsDocument,
    "\n  mutation SetClinicStatus($id: ID!, $status: ClinicStatus!, $reason: String) {\n    setClinicStatus(id: $id, status: $status, reason: $reason) { id status statusReason }\n  }\n": typeof types.SetClinicStatusDocument,
    "\n  mutation CheckClinicCnpj($id: ID!) {\n    checkClinicCnpj(id: $id) { id receitaFederal { status legalName tradeName mainCnaeCode mainCnaeDescription address checkedAt } }\n  }\n": typeof types.CheckClinicCnpjDocument,
    "\n  mutation SendClinicAgreement($id: ID!) {\n    sendClinicAgreement(id: $id) { id status agreement { status sentAt expiresAt signedAt documentUrl } }\n  }\n": typeof types.SendClinicAgreementDocument,
    "\n  query AccountDeletions {\n    accountDeletions(first: 50) { id userId status requestedAt completedAt steps { service status completedAt } }\n  }\n": typeof types.AccountDeletionsDocument,
    "\n  query LedgerHealth {\n    ledgerHealth { balanced debitsCentavos creditsCentavos discrepancies gatewayCashCentavos }\n  }\n": typeof types.LedgerHealthDocument,
    "\n  query FailedMessages($after: String) {\n    failedMessages(first: 25, after: $after) {\n      edges { cursor node { ...FailedMessageFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.FailedMessagesDocument,
    "\n  mutation RetryMessage($id: ID!) {\n    retryMessage(id: $id) { ...FailedMessageFields }\n  }\n": typeof types.RetryMessageDocument,
    "\n  query AdminPayment($id: ID!) {\n    payment(id: $id) {\n      id status escrowState method planKind installmentCount createdAt escrowReleaseDueAt disputeReason monthlyInterestRate iofCentavos cetAnnualRate\n      amounts { grossCentavos platformFeeCentavos processingCostCentavos clinicNetCentavos patientTotalCentavos refundedCentavos }\n      payer { id name email cpfMasked }\n      clinic { id tradeName cnpj }\n      procedure { id name }\n      card { brand last4 approved declineReason }\n      history { from to reason at }\n      installments { id number dueDate amountCentavos lateChargesCentavos status }\n      ledgerEntries { transactionId description account direction amountCentavos at }\n      hold\n      fraudAssessment { score decision source modelVersion assessedAt reasons { code text } features { name value } review { decision note decidedAt } }\n    }\n  }\n": typeof types.AdminPaymentDocument,
    "\n  mutation ResolveDispute($id: ID!, $inFavorOf: DisputeOutcome!) {\n    resolveDispute(paymentId: $id, inFavorOf: $inFavorOf) { id status escrowState amounts { refundedCentavos } history { from to reason at } }\n  }\n": typeof types.ResolveDisputeDocument,
    "\n  query AdminPayments($filter: PaymentSearch, $after: String) {\n    payments(filter: $filter, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id status method createdAt amounts { grossCentavos } payer { id name } clinic { id tradeName } procedure { id name } } }\n    }\n  }\n": typeof types.AdminPaymentsDocument,
    "\n  query AdminClinicOptions {\n    clinics(first: 100) { edges { node { id tradeName status } } }\n  }\n": typeof types.AdminClinicOptionsDocument,
    "\n  query PayerByCpf($cpf: String!) {\n    users(filter: { search: $cpf }, first: 2) { edges { node { id name } } }\n  }\n": typeof types.PayerByCpfDocument,
    "\n  query PlatformFigures($from: String, $to: String) {\n    platformFigures(from: $from, to: $to) {\n      from to paymentCount paidCount volumeCentavos refundedCentavos escrowHeldCentavos clinicsAvailableCentavos platformRevenueCentavos\n      byStatus { status count grossCentavos }\n      byMethod { method count grossCentavos }\n    }\n    pending: clinics(filter: { status: PENDING_REVIEW }, first: 50) { edges { node { id } } }\n  }\n": typeof types.PlatformFiguresDocument,
    "\n  query PlatformAnalyticsPage($from: String!, $to: String!, $interval: AnalyticsInterval) {\n    platformAnalytics(from: $from, to: $to, interval: $interval) {\n      from\n      to\n      interval\n      totals { grossCentavos clinicNetCentavos platformFeeCentavos processingCostCentavos paymentsCount averageTicketCentavos }\n      takeRate\n      series { periodStart grossCentavos clinicNetCentavos platformFeeCentavos paymentsCount }\n      activeClinics\n      activePatients\n      newPatients\n      byMethod { method paymentsCount grossCentavos share }\n      cohorts { month patients retention }\n      declineRate\n      afterSale { refundedCount refundedCentavos refundRate disputedCount disputeRate }\n      topClinics { clinic { id tradeName } paymentsCount grossCentavos platformFeeCentavos }\n    }\n  }\n": typeof types.PlatformAnalyticsPageDocument,
    "\n  query AnalyticsLag {\n    analyticsLag { seconds pending }\n  }\n": typeof types.AnalyticsLagDocument,
    "\n  query GraphUsage($from: String!, $to: String!) {\n    graphUsage(from: $from, to: $to) {\n      from\n      to\n      operations { clientName clientVersion operationName documentHash callerKind count errorCount p50Ms p95Ms }\n      fields { clientName field count }\n    }\n  }\n": typeof types.GraphUsageDocument,
    "\n  query SensitiveDataAccesses($subjectId: ID!, $after: String) {\n    user(id: $subjectId) { id name }\n    sensitiveDataAccesses(subjectId: $subjectId, first: 50, after: $after) {\n      edges { cursor node { id at readerKind readerId readerRoles reader { id name } readerClinic { id tradeName } field operation purpose } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.SensitiveDataAccessesDocument,
    "\n  query AdminUser($id: ID!) {\n    user(id: $id) {\n      id name email phone cpfMasked roles locked createdAt\n      cpfCheck { status checkedAt opensCredit }\n      consent { termsVersion privacyPolicyVersion acceptedAt marketing needsReacceptance }\n      clinics { role clinic { id tradeName status } }\n      payments(first: 20) { totalCount edges { node { id status method createdAt amounts { grossCentavos patientTotalCentavos } clinic { id tradeName } procedure { id name } } } }\n    }\n  }\n": typeof types.AdminUserDocument,
    "\n  query UserFullCpf($id: ID!) {\n    user(id: $id) { id cpf }\n  }\n": typeof types.UserFullCpfDocument,
    "\n  mutation SetUserLocked($id: ID!, $locked: Boolean!) {\n    setUserLocked(id: $id, locked: $locked) { id locked }\n  }\n": typeof types.SetUserLockedDocument,
    "\n  query AdminUsers($filter: UserFilter, $after: String) {\n    users(filter: $filter, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name email cpfMasked roles locked createdAt } }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  fragment FailedMessageFields on OutboundMessage {\n    id kind channel recipientId status attempts lastError scheduledFor sentAt\n  }\n": typeof types.FailedMessageFieldsFragmentDoc,
    "\n  mutation DecideFraudReview($id: ID!, $decision: FraudReviewDecision!, $note: String) {\n    decideFraudReview(paymentId: $id, decision: $decision, note: $note) { id status hold history { from to reason at } }\n  }\n": typeof types.DecideFraudReviewDocument,
    "\n  mutation AdminRefund($input: RefundInput!) {\n    refundPayment(input: $input) { id status escrowState amounts { refundedCentavos } history { from to reason at } }\n  }\n": typeof types.AdminRefundDocument,
    "\n  mutation AskAssistant($conversationId: ID, $message: String!) {\n    askAssistant(conversationId: $conversationId, message: $message) { conversationId intent answer offerPerson suggestions }\n  }\n": typeof types.AskAssistantDocument,
    "\n  query MySupportTickets($after: String) {\n    mySupportTickets(first: 20, after: $after) {\n      edges { node { ...SupportTicketFields clinic { id tradeName } payment { id procedure { id name } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.MySupportTicketsDocument,
    "\n  query ClinicPage($id: ID!) {\n    clinic(id: $id) {\n      id tradeName legalName cnpj specialties status\n      address { street city state postalCode }\n      procedures(first: 50) { edges { node { id name category priceCentavos durationMinutes interestFreeInstallments active } } }\n    }\n  }\n": typeof types.ClinicPageDocument,
    "\n  query MyCpfCheck {\n    me { id cpfMasked cpfCheck { status checkedAt opensCredit } }\n  }\n": typeof types.MyCpfCheckDocument,
    "\n  query MyDataExports {\n    myDataExports { id status requestedAt readyAt downloadUrl expiresAt }\n  }\n": typeof types.MyDataExportsDocument,
    "\n  mutation RequestDataExport {\n    requestDataExport { id status requestedAt readyAt downloadUrl expiresAt }\n  }\n": typeof types.RequestDataExportDocument,
    "\n  mutation RequestAccountDeletion($password: String!) {\n    requestAccountDeletion(password: $password) { id status requestedAt completedAt steps { service status completedAt } }\n  }\n": typeof types.RequestAccountDeletionDocument,
    "\n  query NotificationPreferencesPage {\n    myNotificationPreferences { channel purpose enabled }\n  }\n": typeof types.NotificationPreferencesPageDocument,
    "\n  query WebPushKey {\n    webPushPublicKey\n  }\n": typeof types.WebPushKeyDocument,
    "\n  mutation SaveNotificationPreferences($preferences: [ChannelPreferenceInput!]!) {\n    setNotificationPreferences(preferences: $preferences) { channel purpose enabled }\n  }\n": typeof types.SaveNotificationPreferencesDocument,
    "\n  mutation SubscribeWebPush($subscription: PushSubscriptionInput!) {\n    subscribeWebPush(subscription: $subscription)\n  }\n": typeof types.SubscribeWebPushDocument,
    "\n  mutation UnsubscribeWebPush($endpoint: String!) {\n    unsubscribeWebPush(endpoint: $endpoint)\n  }\n": typeof types.UnsubscribeWebPushDocument,
    "\n  query PaymentPage($id: ID!) {\n    payment(id: $id) { ...PaymentDetails ...PaymentDocumentsFields }\n  }\n": typeof types.PaymentPageDocument,
    "\n  subscription PaymentLive($id: ID!) {\n    paymentStatusChanged(paymentId: $id) { ...PaymentDetails }\n  }\n": typeof types.PaymentLiveDocument,
    "\n  mutation CancelPayment($input: RefundInput!) {\n    refundPayment(input: $input) { ...PaymentDetails }\n  }\n": typeof types.CancelPaymentDocument,
    "\n  mutation CancelCrediario($input: CancelCrediarioInput!) {\n    cancelCrediario(input: $input) { ...PaymentDetails }\n  }\n": typeof types.CancelCrediarioDocument,
    "\n  mutation DisputePayment($id: ID!, $reason: String!) {\n    openDispute(paymentId: $id, reason: $reason) { ...PaymentDetails }\n  }\n": typeof types.DisputePaymentDocument,
    "\n  query MyPayments($after: String) {\n    myPayments(first: 20, after: $after) {\n      edges { node { id status hold createdAt method planKind installmentCount amounts { patientTotalCentavos } procedure { id name } clinic { id tradeName } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.MyPaymentsDocument,
    "\n  subscription MyPaymentEvents {\n    myPaymentEvents { id status payment { id status escrowState } }\n  }\n": typeof types.MyPaymentEventsDocument,
    "\n  query PaymentLinkPage($token: String!) {\n    paymentLink(token: $token) {\n      token status expiresAt patientFirstName\n      procedure { id name priceCentavos }\n      clinic { id tradeName address { city state } }\n    }\n  }\n": typeof types.PaymentLinkPageDocument,
    "\n  query PaymentLinkPlans($procedureId: ID!, $firstDueDay: Int) {\n    paymentPlans(procedureId: $procedureId, firstDueDay: $firstDueDay) { ...PlanFields }\n  }\n": typeof types.PaymentLinkPlansDocument,
    "\n  query MyInstallments {\n    myInstallments {\n      id number dueDate amountCentavos status lateChargesCentavos\n      pix { copiaECola qrCodePayload expiresAt }\n      payment { id installmentCount procedure { id name } clinic { id tradeName } }\n    }\n  }\n": typeof types.MyInstallmentsDocument,
    "\n  mutation PayInstallment($id: ID!) {\n    payInstallment(installmentId: $id) { id status lateChargesCentavos pix { copiaECola qrCodePayload expiresAt } }\n  }\n": typeof types.PayInstallmentDocument,
    "\n  query CheckoutPage($id: ID!, $firstDueDay: Int) {\n    procedure(id: $id) { id name priceCentavos clinic { id tradeName } }\n    paymentPlans(procedureId: $id, firstDueDay: $firstDueDay) { ...PlanFields schedule { number dueDate amountCentavos } }\n  }\n": typeof types.CheckoutPageDocument,
    "\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) { id status }\n  }\n": typeof types.CheckoutDocument,
    "\n  query ProcedurePage($id: ID!, $firstDueDay: Int) {\n    procedure(id: $id) {\n      id name description category priceCentavos durationMinutes interestFreeInstallments active\n      clinic { id tradeName status address { city state } }\n    }\n    paymentPlans(procedureId: $id, firstDueDay: $firstDueDay) { ...PlanFields }\n  }\n": typeof types.ProcedurePageDocument,
    "\n  query SearchProcedures($filter: ProcedureFilter, $clinicFilter: ClinicFilter, $first: Int, $after: String) {\n    clinics(filter: $clinicFilter, first: 6) { edges { node { id tradeName specialties address { city state } } } }\n    procedures(filter: $filter, first: $first, after: $after) {\n      edges { node { id name category priceCentavos interestFreeInstallments clinic { id tradeName address { city state } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.SearchProceduresDocument,
    "\n  query PayoffQuote($paymentId: ID!, $installments: Int) {\n    crediarioPayoffQuote(paymentId: $paymentId, installments: $installments) {\n      date totalCentavos discountCentavos\n      installments { number dueDate amountCentavos payoffCentavos }\n    }\n  }\n": typeof types.PayoffQuoteDocument,
    "\n  mutation PayOffCrediario($input: PayOffCrediarioInput!) {\n    payOffCrediario(input: $input) { installmentNumbers totalCentavos pix { copiaECola qrCodePayload expiresAt } }\n  }\n": typeof types.PayOffCrediarioDocument,
    "\n  query CreditOffer($procedureId: ID!, $incomeBand: IncomeBand!) {\n    creditOffer(procedureId: $procedureId, incomeBand: $incomeBand) { approved maxAmountCentavos maxInstallments reasons { code text } }\n  }\n": typeof types.CreditOfferDocument,
    "\n  query LegalTerms {\n    legalTerms { termsVersion termsDate privacyPolicyVersion privacyPolicyDate }\n  }\n": typeof types.LegalTermsDocument,
    "\n  query MyConsent {\n    me { id consent { termsVersion privacyPolicyVersion acceptedAt marketing needsReacceptance } }\n  }\n": typeof types.MyConsentDocument,
    "\n  mutation SetMarketingConsent($granted: Boolean!) {\n    setMarketingConsent(granted: $granted) { termsVersion privacyPolicyVersion acceptedAt marketing needsReacceptance }\n  }\n": typeof types.SetMarketingConsentDocument,
    "\n  mutation AcceptTerms($termsVersion: String!, $privacyPolicyVersion: String!) {\n    acceptTerms(termsVersion: $termsVersion, privacyPolicyVersion: $privacyPolicyVersion) { termsVersion privacyPolicyVersion acceptedAt marketing needsReacceptance }\n  }\n": typeof types.AcceptTermsDocument,
    "\n  mutation PayWithCard($id: ID!, $cardToken: String!) {\n    payWithCard(paymentId: $id, cardToken: $cardToken) { ...PaymentDetails }\n  }\n": typeof types.PayWithCardDocument,
    "\n  fragment PaymentDetails on Payment {\n    id status hold escrowState method planKind installmentCount monthlyInterestRate iofCentavos cetAnnualRate\n    disputeReason escrowReleaseDueAt createdAt\n    amounts { grossCentavos patientTotalCentavos refundedCentavos }\n    pix { copiaECola qrCodePayload expiresAt }\n    boleto { line barcode dueDate }\n    card { brand last4 approved declineReason }\n    installments { id number dueDate amountCentavos status lateChargesCentavos }\n    history { from to reason at }\n    procedure { id name }\n    clinic { id tradeName }\n  }\n": typeof types.PaymentDetailsFragmentDoc,
    "\n  fragment PaymentDocumentsFields on Payment {\n    id\n    contract {\n      status expiresAt signedAt signingUrl\n      document { kind filename sha256 url urlExpiresAt }\n      signedDocument { kind filename sha256 url urlExpiresAt }\n    }\n    receipts { kind filename sha256 url urlExpiresAt issuedAt }\n  }\n": typeof types.PaymentDocumentsFieldsFragmentDoc,
    "\n  fragment PlanFields on PaymentPlan {\n    id kind methods installmentCount firstDueDate firstInstallmentCentavos installmentCentavos totalCentavos interestFree\n    monthlyInterestRate iofCentavos cetAnnualRate contractTerms contractTermsHash\n  }\n": typeof types.PlanFieldsFragmentDoc,
    "\n  query SupportPayments {\n    myPayments(first: 20) { edges { node { id createdAt procedure { id name } clinic { id tradeName } } } }\n  }\n": typeof types.SupportPaymentsDocument,
    "\n  mutation RequestSupport($conversationId: ID!, $topic: SupportTopic!, $paymentId: ID, $message: String) {\n    requestSupport(conversationId: $conversationId, topic: $topic, paymentId: $paymentId, message: $message) { ...SupportTicketFields }\n  }\n": typeof types.RequestSupportDocument,
    "\n  query ClinicAnalyticsPage($clinicId: ID!, $from: String!, $to: String!, $interval: AnalyticsInterval) {\n    clinic(id: $clinicId) {\n      id\n      analytics(from: $from, to: $to, interval: $interval) {\n        from\n        to\n        interval\n        totals { grossCentavos clinicNetCentavos platformFeeCentavos processingCostCentavos paymentsCount averageTicketCentavos }\n        series { periodStart grossCentavos clinicNetCentavos paymentsCount }\n        byMethod { method paymentsCount grossCentavos share }\n        funnel { plansSimulated checkouts paid released checkoutRate paymentRate releaseRate }\n        topProcedures { procedure { id name } category paymentsCount grossCentavos }\n        afterSale { refundedCount refundedCentavos refundRate disputedCount disputeRate }\n        crediario { installmentsDue overdue30 overdue90 overdueRate defaultRate }\n      }\n    }\n  }\n": typeof types.ClinicAnalyticsPageDocument,
    "\n  query ClinicSupportTickets($clinicId: ID!, $status: SupportTicketStatus, $after: String) {\n    clinic(id: $clinicId) {\n      id\n      supportTickets(status: $status, first: 20, after: $after) {\n        edges { node { ...SupportTicketFields payment { id procedure { id name } payer { id name } } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.ClinicSupportTicketsDocument,
    "\n  query ClinicCatalog($clinicId: ID!, $after: String) {\n    clinic(id: $clinicId) {\n      id\n      procedures(first: 50, after: $after) {\n        edges { node { id name description category priceCentavos durationMinutes interestFreeInstallments active } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.ClinicCatalogDocument,
    "\n  query PlanNets($priceCentavos: Int!, $interestFreeInstallments: Int!) {\n    planNets(priceCentavos: $priceCentavos, interestFreeInstallments: $interestFreeInstallments) {\n      planId kind installmentCount interestFree patientTotalCentavos grossCentavos platformFeeCentavos processingCostCentavos clinicNetCentavos\n    }\n  }\n": typeof types.PlanNetsDocument,
    "\n  mutation CreateProcedure($clinicId: ID!, $input: ProcedureInput!) {\n    createProcedure(clinicId: $clinicId, input: $input) { id name description category priceCentavos durationMinutes interestFreeInstallments active }\n  }\n": typeof types.CreateProcedureDocument,
    "\n  mutation UpdateProcedure($id: ID!, $input: ProcedureUpdate!) {\n    updateProcedure(id: $id, input: $input) { id name description category priceCentavos durationMinutes interestFreeInstallments active }\n  }\n": typeof types.UpdateProcedureDocument,
    "\n  query ClinicTeam($clinicId: ID!) {\n    clinic(id: $clinicId) { id staff { role since user { id name } } }\n  }\n": typeof types.ClinicTeamDocument,
    "\n  mutation AddClinicStaff($clinicId: ID!, $email: String!, $role: StaffRole!) {\n    addClinicStaff(clinicId: $clinicId, email: $email, role: $role) { role since user { id name } }\n  }\n": typeof types.AddClinicStaffDocument,
    "\n  mutation RemoveClinicStaff($clinicId: ID!, $userId: ID!) {\n    removeClinicStaff(clinicId: $clinicId, userId: $userId)\n  }\n": typeof types.RemoveClinicStaffDocument,
    "\n  query ClinicStatement($clinicId: ID!, $from: String!, $to: String!) {\n    clinic(id: $clinicId) {\n      id\n      statement(from: $from, to: $to) {\n        from to openingEscrowCentavos openingAvailableCentavos closingEscrowCentavos closingAvailableCentavos payoutsCentavos payoutsConfirmedCentavos\n        entries {\n          id at kind description escrowCentavos availableCentavos feesCentavos escrowBalanceCentavos availableBalanceCentavos transferStatus\n          payment { id payer { id name } procedure { id name } }\n        }\n      }\n    }\n  }\n": typeof types.ClinicStatementDocument,
    "\n  query ClinicApiKeys($clinicId: ID!) {\n    clinic(id: $clinicId) { id apiKeys { id name prefix scopes createdAt lastUsedAt revokedAt } }\n  }\n": typeof types.ClinicApiKeysDocument,
    "\n  mutation CreateApiKey($clinicId: ID!, $name: String!, $scopes: [ApiKeyScope!]!) {\n    createApiKey(clinicId: $clinicId, name: $name, scopes: $scopes) { secret apiKey { id name prefix scopes createdAt lastUsedAt revokedAt } }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query ClinicPracticeSystems($clinicId: ID!) {\n    clinic(id: $clinicId) {\n      id\n      practiceSystems { ...PracticeConnectionFields }\n      procedures(first: 50) { edges { node { id name active } } }\n      paymentLinks(first: 50) { id token url status }\n    }\n  }\n": typeof types.ClinicPracticeSystemsDocument,
    "\n  mutation ConnectPracticeSystem($clinicId: ID!, $kind: PracticeSystemKind!, $credentials: PracticeCredentialsInput!) {\n    connectPracticeSystem(clinicId: $clinicId, kind: $kind, credentials: $credentials) { ...PracticeConnectionFields }\n  }\n": typeof types.ConnectPracticeSystemDocument,
    "\n  mutation MapPracticeProcedure($connectionId: ID!, $code: String!, $procedureId: ID) {\n    mapPracticeProcedure(connectionId: $connectionId, code: $code, procedureId: $procedureId) { ...PracticeConnectionFields }\n  }\n": typeof types.MapPracticeProcedureDocument,
    "\n  mutation SetPracticeSync($connectionId: ID!, $syncAppointments: Boolean!, $writeBack: Boolean!) {\n    setPracticeSync(connectionId: $connectionId, syncAppointments: $syncAppointments, writeBack: $writeBack) { ...PracticeConnectionFields }\n  }\n": typeof types.SetPracticeSyncDocument,
    "\n  mutation SyncPracticeSystem($connectionId: ID!) {\n    syncPracticeSystem(connectionId: $connectionId) { ...PracticeConnectionFields }\n  }\n": typeof types.SyncPracticeSystemDocument,
    "\n  mutation DisconnectPracticeSystem($connectionId: ID!) {\n    disconnectPracticeSystem(connectionId: $connectionId) { ...PracticeConnectionFields }\n  }\n": typeof types.DisconnectPracticeSystemDocument,
    "\n  query ClinicPaymentLinks($clinicId: ID!, $status: PaymentLinkStatus) {\n    clinic(id: $clinicId) { id paymentLinks(status: $status, first: 50) { ...PaymentLinkFields } }\n  }\n": typeof types.ClinicPaymentLinksDocument,
    "\n  query PaymentLinkProcedures($clinicId: ID!) {\n    clinic(id: $clinicId) { id procedures(first: 50) { edges { node { id name priceCentavos active } } } }\n  }\n": typeof types.PaymentLinkProceduresDocument,
    "\n  mutation CreatePaymentLink($input: CreatePaymentLinkInput!) {\n    createPaymentLink(input: $input) { ...PaymentLinkFields }\n  }\n": typeof types.CreatePaymentLinkDocument,
    "\n  mutation CancelPaymentLink($id: ID!) {\n    cancelPaymentLink(id: $id) { ...PaymentLinkFields }\n  }\n": typeof types.CancelPaymentLinkDocument,
    "\n  query ClinicPayment($id: ID!) {\n    payment(id: $id) { ...ClinicPaymentDetails }\n  }\n": typeof types.ClinicPaymentDocument,
    "\n  subscription ClinicPaymentLive($id: ID!) {\n    paymentStatusChanged(paymentId: $id) { ...ClinicPaymentDetails }\n  }\n": typeof types.ClinicPaymentLiveDocument,
    "\n  query ClinicPayments($clinicId: ID!, $filter: ClinicPaymentFilter, $after: String) {\n    clinic(id: $clinicId) {\n      id\n      payments(filter: $filter, first: 25, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node {\n            id status escrowState method installmentCount createdAt\n            amounts { grossCentavos clinicNetCentavos refundedCentavos }\n            payer { id name }\n            procedure { id name }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ClinicPaymentsDocument,
    "\n  subscription ClinicPaymentEvents($clinicId: ID!) {\n    clinicPaymentEvents(clinicId: $clinicId) { id status from at payment { id status escrowState } }\n  }\n": typeof types.ClinicPaymentEventsDocument,
    "\n  query ClinicToConfirm($clinicId: ID!) {\n    clinic(id: $clinicId) {\n      id\n      payments(filter: { statuses: [IN_ESCROW, PARTIALLY_REFUNDED] }, first: 8) {\n        totalCount\n        edges { node { id status escrowState escrowReleaseDueAt amounts { clinicNetCentavos } payer { id name } procedure { id name } } }\n      }\n    }\n  }\n": typeof types.ClinicToConfirmDocument,
    "\n  query ClinicReceivables($clinicId: ID!, $from: String!, $to: String!, $interval: ReceivablesInterval) {\n    clinic(id: $clinicId) { id receivables(from: $from, to: $to, interval: $interval) { date releasedCentavos paidOutCentavos expectedCentavos } }\n  }\n": typeof types.ClinicReceivablesDocument,
    "\n  query ClinicPayout($clinicId: ID!) {\n    clinic(id: $clinicId) { id payoutAccount { method pixKey bankAccount { ispb bankName branch account accountType } } }\n    banks { ispb name }\n  }\n": typeof types.ClinicPayoutDocument,
    "\n  mutation SetClinicPayoutAccount($clinicId: ID!, $method: PayoutMethod!, $bankAccount: BankAccountInput) {\n    setClinicPayoutAccount(clinicId: $clinicId, method: $method, bankAccount: $bankAccount) {\n      id payoutAccount { method pixKey bankAccount { ispb bankName branch account accountType } }\n    }\n  }\n": typeof types.SetClinicPayoutAccountDocument,
    "\n  query ClinicBalance($clinicId: ID!) {\n    clinic(id: $clinicId) { id balance { inEscrowCentavos availableCentavos payoutsInTransitCentavos paidOutCentavos } }\n  }\n": typeof types.ClinicBalanceDocument,
    "\n  query ClinicMemberships {\n    me { id name clinics { role clinic { id tradeName status statusReason } } }\n  }\n": typeof types.ClinicMembershipsDocument,
    "\n  query ClinicAgreement($clinicId: ID!) {\n    clinic(id: $clinicId) { id status agreement { status sentAt expiresAt signedAt documentUrl documentSha256 } }\n  }\n": typeof types.ClinicAgreementDocument,
    "\n  query ClinicMonthlyStatement($clinicId: ID!, $month: String!) {\n    clinic(id: $clinicId) { id monthlyStatement(month: $month) { kind filename sha256 url urlExpiresAt issuedAt } }\n  }\n": typeof types.ClinicMonthlyStatementDocument,
    "\n  fragment ClinicPaymentDetails on Payment {\n    id status escrowState method planKind installmentCount createdAt escrowReleaseDueAt disputeReason\n    amounts { grossCentavos platformFeeCentavos processingCostCentavos clinicNetCentavos patientTotalCentavos refundedCentavos }\n    payer { id name }\n    clinic { id }\n    procedure { id name }\n    card { brand last4 }\n    history { from to reason at }\n    installments { id number dueDate amountCentavos lateChargesCentavos status }\n  }\n": typeof types.ClinicPaymentDetailsFragmentDoc,
    "\n  mutation ConfirmProcedure($id: ID!) {\n    confirmProcedurePerformed(paymentId: $id) { ...ClinicPaymentDetails }\n  }\n": typeof types.ConfirmProcedureDocument,
    "\n  mutation ClinicRefund($input: RefundInput!) {\n    refundPayment(input: $input) { ...ClinicPaymentDetails }\n  }\n": typeof types.ClinicRefundDocument,
    "\n  fragment PaymentLinkFields on PaymentLink {\n    id token url status patientName patientEmail patientPhone expiresAt createdAt source\n    procedure { id name priceCentavos }\n    payment { id status }\n  }\n": typeof types.PaymentLinkFieldsFragmentDoc,
    "\n  fragment PracticeConnectionFields on PracticeConnection {\n    id kind status accountName connectedAt lastSyncedAt lastError syncAppointments writeBack\n    procedures { code name priceCentavos procedure { id name } }\n    syncLog(first: 10) { startedAt finishedAt imported linked writtenBack errors }\n    appointments(first: 50) { externalId startsAt status patientName paymentLinkToken writtenBackStatus procedure { id name } }\n  }\n": typeof types.PracticeConnectionFieldsFragmentDoc,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id clinicId url events enabled createdAt previousSecretExpiresAt failing\n  }\n": typeof types.WebhookEndpointFieldsFragmentDoc,
    "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id endpointId eventType status attempts responseCodes createdAt lastAttemptAt nextAttemptAt\n  }\n": typeof types.WebhookDeliveryFieldsFragmentDoc,
    "\n  query ClinicWebhooks($clinicId: ID!) {\n    webhookEndpoints(clinicId: $clinicId) { ...WebhookEndpointFields }\n    webhookEventTypes\n  }\n": typeof types.ClinicWebhooksDocument,
    "\n  mutation CreateWebhookEndpoint($clinicId: ID!, $url: String!, $events: [String!]!) {\n    createWebhookEndpoint(clinicId: $clinicId, url: $url, events: $events) { secret endpoint { ...WebhookEndpointFields } }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation SetWebhookEndpointEnabled($id: ID!, $enabled: Boolean!) {\n    setWebhookEndpointEnabled(id: $id, enabled: $enabled) { ...WebhookEndpointFields }\n  }\n": typeof types.SetWebhookEndpointEnabledDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) { secret endpoint { ...WebhookEndpointFields } }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: 20, after: $after) {\n      edges { cursor node { ...WebhookDeliveryFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) { ...WebhookDeliveryFields }\n  }\n": typeof types.RedeliverWebhookDocument,
    "\n  fragment NotificationItem on Notification {\n    id kind title body link createdAt readAt\n  }\n": typeof types.NotificationItemFragmentDoc,
    "\n  query UnreadNotificationsCount {\n    unreadNotificationsCount\n  }\n": typeof types.UnreadNotificationsCountDocument,
    "\n  query MyNotifications($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges { cursor node { ...NotificationItem } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.MyNotificationsDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded { ...NotificationItem }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n": typeof types.LoginDocument,
    "\n  mutation RegisterPatient($input: RegisterPatientInput!) {\n    registerPatient(input: $input) { message }\n  }\n": typeof types.RegisterPatientDocument,
    "\n  mutation ConfirmSignUp($token: String!, $password: String!) {\n    confirmSignUp(token: $token, password: $password) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n": typeof types.ConfirmSignUpDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  fragment SupportTicketFields on SupportTicket {\n    id topic queue status createdAt updatedAt closedAt\n    messages { at author text }\n  }\n": typeof types.SupportTicketFieldsFragmentDoc,
    "\n  mutation ReplyToSupportTicket($ticketId: ID!, $message: String!) {\n    replyToSupportTicket(ticketId: $ticketId, message: $message) { ...SupportTicketFields }\n  }\n": typeof types.ReplyToSupportTicketDocument,
    "\n  mutation CloseSupportTicket($ticketId: ID!) {\n    closeSupportTicket(ticketId: $ticketId) { ...SupportTicketFields }\n  }\n": typeof types.CloseSupportTicketDocument,
};
const documents: Documents = {
    "\n  query FraudReviewQueue {\n    fraudReviewQueue(first: 50) {\n      totalCount\n      edges {\n        node {\n          id createdAt method\n          amounts { patientTotalCentavos }\n          payer { id name }\n          clinic { id tradeName }\n          fraudAssessment { score reasons { code text } }\n        }\n      }\n    }\n    fraudModel { version trainedAt heldOutRows heldOutFraudRows rocAuc reviewThreshold reviewPrecision reviewRecall declineThreshold declinePrecision declineRecall }\n  }\n": types.FraudReviewQueueDocument,
    "\n  query BackOfficeTickets($status: SupportTicketStatus, $after: String) {\n    supportTickets(status: $status, first: 20, after: $after) {\n      edges { node { ...SupportTicketFields patient { id name } payment { id } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.BackOfficeTicketsDocument,
    "\n  query AdminClinics($status: ClinicStatus!, $search: String, $after: String) {\n    clinics(filter: { status: $status, search: $search }, first: 50, after: $after) {\n      edges {\n        node {\n          id tradeName legalName cnpj status statusReason specialties address { street city state postalCode }\n          receitaFederal { status legalName tradeName mainCnaeCode mainCnaeDescription address checkedAt }\n          agreement { status sentAt expiresAt signedAt documentUrl }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AdminClinicsDocument,
    "\n  mutation SetClinicStatus($id: ID!, $status: ClinicStatus!, $reason: String) {\n    setClinicStatus(id: $id, status: $status, reason: $reason) { id status statusReason }\n  }\n": types.SetClinicStatusDocument,
    "\n  mutation CheckClinicCnpj($id: ID!) {\n    checkClinicCnpj(id: $id) { id receitaFederal { status legalName tradeName mainCnaeCode mainCnaeDescription address checkedAt } }\n  }\n": types.CheckClinicCnpjDocument,
    "\n  mutation SendClinicAgreement($id: ID!) {\n    sendClinicAgreement(id: $id) { id status agreement { status sentAt expiresAt signedAt documentUrl } }\n  }\n": types.SendClinicAgreementDocument,
    "\n  query AccountDeletions {\n    accountDeletions(first: 50) { id userId status requestedAt completedAt steps { service status completedAt } }\n  }\n": types.AccountDeletionsDocument,
    "\n  query LedgerHealth {\n    ledgerHealth { balanced debitsCentavos creditsCentavos discrepancies gatewayCashCentavos }\n  }\n": types.LedgerHealthDocument,
    "\n  query FailedMessages($after: String) {\n    failedMessages(first: 25, after: $after) {\n      edges { cursor node { ...FailedMessageFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.FailedMessagesDocument,
    "\n  mutation RetryMessage($id: ID!) {\n    retryMessage(id: $id) { ...FailedMessageFields }\n  }\n": types.RetryMessageDocument,
    "\n  query AdminPayment($id: ID!) {\n    payment(id: $id) {\n      id status escrowState method planKind installmentCount createdAt escrowReleaseDueAt disputeReason monthlyInterestRate iofCentavos cetAnnualRate\n      amounts { grossCentavos platformFeeCentavos processingCostCentavos clinicNetCentavos patientTotalCentavos refundedCentavos }\n      payer { id name email cpfMasked }\n      clinic { id tradeName cnpj }\n      procedure { id name }\n      card { brand last4 approved declineReason }\n      history { from to reason at }\n      installments { id number dueDate amountCentavos lateChargesCentavos status }\n      ledgerEntries { transactionId description account direction amountCentavos at }\n      hold\n      fraudAssessment { score decision source modelVersion assessedAt reasons { code text } features { name value } review { decision note decidedAt } }\n    }\n  }\n": types.AdminPaymentDocument,
    "\n  mutation ResolveDispute($id: ID!, $inFavorOf: DisputeOutcome!) {\n    resolveDispute(paymentId: $id, inFavorOf: $inFavorOf) { id status escrowState amounts { refundedCentavos } history { from to reason at } }\n  }\n": types.ResolveDisputeDocument,
    "\n  query AdminPayments($filter: PaymentSearch, $after: String) {\n    payments(filter: $filter, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id status method createdAt amounts { grossCentavos } payer { id name } clinic { id tradeName } procedure { id name } } }\n    }\n  }\n": types.AdminPaymentsDocument,
    "\n  query AdminClinicOptions {\n    clinics(first: 100) { edges { node { id tradeName status } } }\n  }\n": types.AdminClinicOptionsDocument,
    "\n  query PayerByCpf($cpf: String!) {\n    users(filter: { search: $cpf }, first: 2) { edges { node { id name } } }\n  }\n": types.PayerByCpfDocument,
    "\n  query PlatformFigures($from: String, $to: String) {\n    platformFigures(from: $from, to: $to) {\n      from to paymentCount paidCount volumeCentavos refundedCentavos escrowHeldCentavos clinicsAvailableCentavos platformRevenueCentavos\n      byStatus { status count grossCentavos }\n      byMethod { method count grossCentavos }\n    }\n    pending: clinics(filter: { status: PENDING_REVIEW }, first: 50) { edges { node { id } } }\n  }\n": types.PlatformFiguresDocument,
    "\n  query PlatformAnalyticsPage($from: String!, $to: String!, $interval: AnalyticsInterval) {\n    platformAnalytics(from: $from, to: $to, interval: $interval) {\n      from\n      to\n      interval\n      totals { grossCentavos clinicNetCentavos platformFeeCentavos processingCostCentavos paymentsCount averageTicketCentavos }\n      takeRate\n      series { periodStart grossCentavos clinicNetCentavos platformFeeCentavos paymentsCount }\n      activeClinics\n      activePatients\n      newPatients\n      byMethod { method paymentsCount grossCentavos share }\n      cohorts { month patients retention }\n      declineRate\n      afterSale { refundedCount refundedCentavos refundRate disputedCount disputeRate }\n      topClinics { clinic { id tradeName } paymentsCount grossCentavos platformFeeCentavos }\n    }\n  }\n": types.PlatformAnalyticsPageDocument,
    "\n  query AnalyticsLag {\n    analyticsLag { seconds pending }\n  }\n": types.AnalyticsLagDocument,
    "\n  query GraphUsage($from: String!, $to: String!) {\n    graphUsage(from: $from, to: $to) {\n      from\n      to\n      operations { clientName clientVersion operationName documentHash callerKind count errorCount p50Ms p95Ms }\n      fields { clientName field count }\n    }\n  }\n": types.GraphUsageDocument,
    "\n  query SensitiveDataAccesses($subjectId: ID!, $after: String) {\n    user(id: $subjectId) { id name }\n    sensitiveDataAccesses(subjectId: $subjectId, first: 50, after: $after) {\n      edges { cursor node { id at readerKind readerId readerRoles reader { id name } readerClinic { id tradeName } field operation purpose } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.SensitiveDataAccessesDocument,
    "\n  query AdminUser($id: ID!) {\n    user(id: $id) {\n      id name email phone cpfMasked roles locked createdAt\n      cpfCheck { status checkedAt opensCredit }\n      consent { termsVersion privacyPolicyVersion acceptedAt marketing needsReacceptance }\n      clinics { role clinic { id tradeName status } }\n      payments(first: 20) { totalCount edges { node { id status method createdAt amounts { grossCentavos patientTotalCentavos } clinic { id tradeName } procedure { id name } } } }\n    }\n  }\n": types.AdminUserDocument,
    "\n  query UserFullCpf($id: ID!) {\n    user(id: $id) { id cpf }\n  }\n": types.UserFullCpfDocument,
    "\n  mutation SetUserLocked($id: ID!, $locked: Boolean!) {\n    setUserLocked(id: $id, locked: $locked) { id locked }\n  }\n": types.SetUserLockedDocument,
    "\n  query AdminUsers($filter: UserFilter, $after: String) {\n    users(filter: $filter, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name email cpfMasked roles locked createdAt } }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  fragment FailedMessageFields on OutboundMessage {\n    id kind channel recipientId status attempts lastError scheduledFor sentAt\n  }\n": types.FailedMessageFieldsFragmentDoc,
    "\n  mutation DecideFraudReview($id: ID!, $decision: FraudReviewDecision!, $note: String) {\n    decideFraudReview(paymentId: $id, decision: $decision, note: $note) { id status hold history { from to reason at } }\n  }\n": types.DecideFraudReviewDocument,
    "\n  mutation AdminRefund($input: RefundInput!) {\n    refundPayment(input: $input) { id status escrowState amounts { refundedCentavos } history { from to reason at } }\n  }\n": types.AdminRefundDocument,
    "\n  mutation AskAssistant($conversationId: ID, $message: String!) {\n    askAssistant(conversationId: $conversationId, message: $message) { conversationId intent answer offerPerson suggestions }\n  }\n": types.AskAssistantDocument,
    "\n  query MySupportTickets($after: String) {\n    mySupportTickets(first: 20, after: $after) {\n      edges { node { ...SupportTicketFields clinic { id tradeName } payment { id procedure { id name } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.MySupportTicketsDocument,
    "\n  query ClinicPage($id: ID!) {\n    clinic(id: $id) {\n      id tradeName legalName cnpj specialties status\n      address { street city state postalCode }\n      procedures(first: 50) { edges { node { id name category priceCentavos durationMinutes interestFreeInstallments active } } }\n    }\n  }\n": types.ClinicPageDocument,
    "\n  query MyCpfCheck {\n    me { id cpfMasked cpfCheck { status checkedAt opensCredit } }\n  }\n": types.MyCpfCheckDocument,
    "\n  query MyDataExports {\n    myDataExports { id status requestedAt readyAt downloadUrl expiresAt }\n  }\n": types.MyDataExportsDocument,
    "\n  mutation RequestDataExport {\n    requestDataExport { id status requestedAt readyAt downloadUrl expiresAt }\n  }\n": types.RequestDataExportDocument,
    "\n  mutation RequestAccountDeletion($password: String!) {\n    requestAccountDeletion(password: $password) { id status requestedAt completedAt steps { service status completedAt } }\n  }\n": types.RequestAccountDeletionDocument,
    "\n  query NotificationPreferencesPage {\n    myNotificationPreferences { channel purpose enabled }\n  }\n": types.NotificationPreferencesPageDocument,
    "\n  query WebPushKey {\n    webPushPublicKey\n  }\n": types.WebPushKeyDocument,
    "\n  mutation SaveNotificationPreferences($preferences: [ChannelPreferenceInput!]!) {\n    setNotificationPreferences(preferences: $preferences) { channel purpose enabled }\n  }\n": types.SaveNotificationPreferencesDocument,
    "\n  mutation SubscribeWebPush($subscription: PushSubscriptionInput!) {\n    subscribeWebPush(subscription: $subscription)\n  }\n": types.SubscribeWebPushDocument,
    "\n  mutation UnsubscribeWebPush($endpoint: String!) {\n    unsubscribeWebPush(endpoint: $endpoint)\n  }\n": types.UnsubscribeWebPushDocument,
    "\n  query PaymentPage($id: ID!) {\n    payment(id: $id) { ...PaymentDetails ...PaymentDocumentsFields }\n  }\n": types.PaymentPageDocument,
    "\n  subscription PaymentLive($id: ID!) {\n    paymentStatusChanged(paymentId: $id) { ...PaymentDetails }\n  }\n": types.PaymentLiveDocument,
    "\n  mutation CancelPayment($input: RefundInput!) {\n    refundPayment(input: $input) { ...PaymentDetails }\n  }\n": types.CancelPaymentDocument,
    "\n  mutation CancelCrediario($input: CancelCrediarioInput!) {\n    cancelCrediario(input: $input) { ...PaymentDetails }\n  }\n": types.CancelCrediarioDocument,
    "\n  mutation DisputePayment($id: ID!, $reason: String!) {\n    openDispute(paymentId: $id, reason: $reason) { ...PaymentDetails }\n  }\n": types.DisputePaymentDocument,
    "\n  query MyPayments($after: String) {\n    myPayments(first: 20, after: $after) {\n      edges { node { id status hold createdAt method planKind installmentCount amounts { patientTotalCentavos } procedure { id name } clinic { id tradeName } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.MyPaymentsDocument,
    "\n  subscription MyPaymentEvents {\n    myPaymentEvents { id status payment { id status escrowState } }\n  }\n": types.MyPaymentEventsDocument,
    "\n  query PaymentLinkPage($token: String!) {\n    paymentLink(token: $token) {\n      token status expiresAt patientFirstName\n      procedure { id name priceCentavos }\n      clinic { id tradeName address { city state } }\n    }\n  }\n": types.PaymentLinkPageDocument,
    "\n  query PaymentLinkPlans($procedureId: ID!, $firstDueDay: Int) {\n    paymentPlans(procedureId: $procedureId, firstDueDay: $firstDueDay) { ...PlanFields }\n  }\n": types.PaymentLinkPlansDocument,
    "\n  query MyInstallments {\n    myInstallments {\n      id number dueDate amountCentavos status lateChargesCentavos\n      pix { copiaECola qrCodePayload expiresAt }\n      payment { id installmentCount procedure { id name } clinic { id tradeName } }\n    }\n  }\n": types.MyInstallmentsDocument,
    "\n  mutation PayInstallment($id: ID!) {\n    payInstallment(installmentId: $id) { id status lateChargesCentavos pix { copiaECola qrCodePayload expiresAt } }\n  }\n": types.PayInstallmentDocument,
    "\n  query CheckoutPage($id: ID!, $firstDueDay: Int) {\n    procedure(id: $id) { id name priceCentavos clinic { id tradeName } }\n    paymentPlans(procedureId: $id, firstDueDay: $firstDueDay) { ...PlanFields schedule { number dueDate amountCentavos } }\n  }\n": types.CheckoutPageDocument,
    "\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) { id status }\n  }\n": types.CheckoutDocument,
    "\n  query ProcedurePage($id: ID!, $firstDueDay: Int) {\n    procedure(id: $id) {\n      id name description category priceCentavos durationMinutes interestFreeInstallments active\n      clinic { id tradeName status address { city state } }\n    }\n    paymentPlans(procedureId: $id, firstDueDay: $firstDueDay) { ...PlanFields }\n  }\n": types.ProcedurePageDocument,
    "\n  query SearchProcedures($filter: ProcedureFilter, $clinicFilter: ClinicFilter, $first: Int, $after: String) {\n    clinics(filter: $clinicFilter, first: 6) { edges { node { id tradeName specialties address { city state } } } }\n    procedures(filter: $filter, first: $first, after: $after) {\n      edges { node { id name category priceCentavos interestFreeInstallments clinic { id tradeName address { city state } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.SearchProceduresDocument,
    "\n  query PayoffQuote($paymentId: ID!, $installments: Int) {\n    crediarioPayoffQuote(paymentId: $paymentId, installments: $installments) {\n      date totalCentavos discountCentavos\n      installments { number dueDate amountCentavos payoffCentavos }\n    }\n  }\n": types.PayoffQuoteDocument,
    "\n  mutation PayOffCrediario($input: PayOffCrediarioInput!) {\n    payOffCrediario(input: $input) { installmentNumbers totalCentavos pix { copiaECola qrCodePayload expiresAt } }\n  }\n": types.PayOffCrediarioDocument,
    "\n  query CreditOffer($procedureId: ID!, $incomeBand: IncomeBand!) {\n    creditOffer(procedureId: $procedureId, incomeBand: $incomeBand) { approved maxAmountCentavos maxInstallments reasons { code text } }\n  }\n": types.CreditOfferDocument,
    "\n  query LegalTerms {\n    legalTerms { termsVersion termsDate privacyPolicyVersion privacyPolicyDate }\n  }\n": types.LegalTermsDocument,
    "\n  query MyConsent {\n    me { id consent { termsVersion privacyPolicyVersion acceptedAt marketing needsReacceptance } }\n  }\n": types.MyConsentDocument,
    "\n  mutation SetMarketingConsent($granted: Boolean!) {\n    setMarketingConsent(granted: $granted) { termsVersion privacyPolicyVersion acceptedAt marketing needsReacceptance }\n  }\n": types.SetMarketingConsentDocument,
    "\n  mutation AcceptTerms($termsVersion: String!, $privacyPolicyVersion: String!) {\n    acceptTerms(termsVersion: $termsVersion, privacyPolicyVersion: $privacyPolicyVersion) { termsVersion privacyPolicyVersion acceptedAt marketing needsReacceptance }\n  }\n": types.AcceptTermsDocument,
    "\n  mutation PayWithCard($id: ID!, $cardToken: String!) {\n    payWithCard(paymentId: $id, cardToken: $cardToken) { ...PaymentDetails }\n  }\n": types.PayWithCardDocument,
    "\n  fragment PaymentDetails on Payment {\n    id status hold escrowState method planKind installmentCount monthlyInterestRate iofCentavos cetAnnualRate\n    disputeReason escrowReleaseDueAt createdAt\n    amounts { grossCentavos patientTotalCentavos refundedCentavos }\n    pix { copiaECola qrCodePayload expiresAt }\n    boleto { line barcode dueDate }\n    card { brand last4 approved declineReason }\n    installments { id number dueDate amountCentavos status lateChargesCentavos }\n    history { from to reason at }\n    procedure { id name }\n    clinic { id tradeName }\n  }\n": types.PaymentDetailsFragmentDoc,
    "\n  fragment PaymentDocumentsFields on Payment {\n    id\n    contract {\n      status expiresAt signedAt signingUrl\n      document { kind filename sha256 url urlExpiresAt }\n      signedDocument { kind filename sha256 url urlExpiresAt }\n    }\n    receipts { kind filename sha256 url urlExpiresAt issuedAt }\n  }\n": types.PaymentDocumentsFieldsFragmentDoc,
    "\n  fragment PlanFields on PaymentPlan {\n    id kind methods installmentCount firstDueDate firstInstallmentCentavos installmentCentavos totalCentavos interestFree\n    monthlyInterestRate iofCentavos cetAnnualRate contractTerms contractTermsHash\n  }\n": types.PlanFieldsFragmentDoc,
    "\n  query SupportPayments {\n    myPayments(first: 20) { edges { node { id createdAt procedure { id name } clinic { id tradeName } } } }\n  }\n": types.SupportPaymentsDocument,
    "\n  mutation RequestSupport($conversationId: ID!, $topic: SupportTopic!, $paymentId: ID, $message: String) {\n    requestSupport(conversationId: $conversationId, topic: $topic, paymentId: $paymentId, message: $message) { ...SupportTicketFields }\n  }\n": types.RequestSupportDocument,
    "\n  query ClinicAnalyticsPage($clinicId: ID!, $from: String!, $to: String!, $interval: AnalyticsInterval) {\n    clinic(id: $clinicId) {\n      id\n      analytics(from: $from, to: $to, interval: $interval) {\n        from\n        to\n        interval\n        totals { grossCentavos clinicNetCentavos platformFeeCentavos processingCostCentavos paymentsCount averageTicketCentavos }\n        series { periodStart grossCentavos clinicNetCentavos paymentsCount }\n        byMethod { method paymentsCount grossCentavos share }\n        funnel { plansSimulated checkouts paid released checkoutRate paymentRate releaseRate }\n        topProcedures { procedure { id name } category paymentsCount grossCentavos }\n        afterSale { refundedCount refundedCentavos refundRate disputedCount disputeRate }\n        crediario { installmentsDue overdue30 overdue90 overdueRate defaultRate }\n      }\n    }\n  }\n": types.ClinicAnalyticsPageDocument,
    "\n  query ClinicSupportTickets($clinicId: ID!, $status: SupportTicketStatus, $after: String) {\n    clinic(id: $clinicId) {\n      id\n      supportTickets(status: $status, first: 20, after: $after) {\n        edges { node { ...SupportTicketFields payment { id procedure { id name } payer { id name } } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.ClinicSupportTicketsDocument,
    "\n  query ClinicCatalog($clinicId: ID!, $after: String) {\n    clinic(id: $clinicId) {\n      id\n      procedures(first: 50, after: $after) {\n        edges { node { id name description category priceCentavos durationMinutes interestFreeInstallments active } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.ClinicCatalogDocument,
    "\n  query PlanNets($priceCentavos: Int!, $interestFreeInstallments: Int!) {\n    planNets(priceCentavos: $priceCentavos, interestFreeInstallments: $interestFreeInstallments) {\n      planId kind installmentCount interestFree patientTotalCentavos grossCentavos platformFeeCentavos processingCostCentavos clinicNetCentavos\n    }\n  }\n": types.PlanNetsDocument,
    "\n  mutation CreateProcedure($clinicId: ID!, $input: ProcedureInput!) {\n    createProcedure(clinicId: $clinicId, input: $input) { id name description category priceCentavos durationMinutes interestFreeInstallments active }\n  }\n": types.CreateProcedureDocument,
    "\n  mutation UpdateProcedure($id: ID!, $input: ProcedureUpdate!) {\n    updateProcedure(id: $id, input: $input) { id name description category priceCentavos durationMinutes interestFreeInstallments active }\n  }\n": types.UpdateProcedureDocument,
    "\n  query ClinicTeam($clinicId: ID!) {\n    clinic(id: $clinicId) { id staff { role since user { id name } } }\n  }\n": types.ClinicTeamDocument,
    "\n  mutation AddClinicStaff($clinicId: ID!, $email: String!, $role: StaffRole!) {\n    addClinicStaff(clinicId: $clinicId, email: $email, role: $role) { role since user { id name } }\n  }\n": types.AddClinicStaffDocument,
    "\n  mutation RemoveClinicStaff($clinicId: ID!, $userId: ID!) {\n    removeClinicStaff(clinicId: $clinicId, userId: $userId)\n  }\n": types.RemoveClinicStaffDocument,
    "\n  query ClinicStatement($clinicId: ID!, $from: String!, $to: String!) {\n    clinic(id: $clinicId) {\n      id\n      statement(from: $from, to: $to) {\n        from to openingEscrowCentavos openingAvailableCentavos closingEscrowCentavos closingAvailableCentavos payoutsCentavos payoutsConfirmedCentavos\n        entries {\n          id at kind description escrowCentavos availableCentavos feesCentavos escrowBalanceCentavos availableBalanceCentavos transferStatus\n          payment { id payer { id name } procedure { id name } }\n        }\n      }\n    }\n  }\n": types.ClinicStatementDocument,
    "\n  query ClinicApiKeys($clinicId: ID!) {\n    clinic(id: $clinicId) { id apiKeys { id name prefix scopes createdAt lastUsedAt revokedAt } }\n  }\n": types.ClinicApiKeysDocument,
    "\n  mutation CreateApiKey($clinicId: ID!, $name: String!, $scopes: [ApiKeyScope!]!) {\n    createApiKey(clinicId: $clinicId, name: $name, scopes: $scopes) { secret apiKey { id name prefix scopes createdAt lastUsedAt revokedAt } }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query ClinicPracticeSystems($clinicId: ID!) {\n    clinic(id: $clinicId) {\n      id\n      practiceSystems { ...PracticeConnectionFields }\n      procedures(first: 50) { edges { node { id name active } } }\n      paymentLinks(first: 50) { id token url status }\n    }\n  }\n": types.ClinicPracticeSystemsDocument,
    "\n  mutation ConnectPracticeSystem($clinicId: ID!, $kind: PracticeSystemKind!, $credentials: PracticeCredentialsInput!) {\n    connectPracticeSystem(clinicId: $clinicId, kind: $kind, credentials: $credentials) { ...PracticeConnectionFields }\n  }\n": types.ConnectPracticeSystemDocument,
    "\n  mutation MapPracticeProcedure($connectionId: ID!, $code: String!, $procedureId: ID) {\n    mapPracticeProcedure(connectionId: $connectionId, code: $code, procedureId: $procedureId) { ...PracticeConnectionFields }\n  }\n": types.MapPracticeProcedureDocument,
    "\n  mutation SetPracticeSync($connectionId: ID!, $syncAppointments: Boolean!, $writeBack: Boolean!) {\n    setPracticeSync(connectionId: $connectionId, syncAppointments: $syncAppointments, writeBack: $writeBack) { ...PracticeConnectionFields }\n  }\n": types.SetPracticeSyncDocument,
    "\n  mutation SyncPracticeSystem($connectionId: ID!) {\n    syncPracticeSystem(connectionId: $connectionId) { ...PracticeConnectionFields }\n  }\n": types.SyncPracticeSystemDocument,
    "\n  mutation DisconnectPracticeSystem($connectionId: ID!) {\n    disconnectPracticeSystem(connectionId: $connectionId) { ...PracticeConnectionFields }\n  }\n": types.DisconnectPracticeSystemDocument,
    "\n  query ClinicPaymentLinks($clinicId: ID!, $status: PaymentLinkStatus) {\n    clinic(id: $clinicId) { id paymentLinks(status: $status, first: 50) { ...PaymentLinkFields } }\n  }\n": types.ClinicPaymentLinksDocument,
    "\n  query PaymentLinkProcedures($clinicId: ID!) {\n    clinic(id: $clinicId) { id procedures(first: 50) { edges { node { id name priceCentavos active } } } }\n  }\n": types.PaymentLinkProceduresDocument,
    "\n  mutation CreatePaymentLink($input: CreatePaymentLinkInput!) {\n    createPaymentLink(input: $input) { ...PaymentLinkFields }\n  }\n": types.CreatePaymentLinkDocument,
    "\n  mutation CancelPaymentLink($id: ID!) {\n    cancelPaymentLink(id: $id) { ...PaymentLinkFields }\n  }\n": types.CancelPaymentLinkDocument,
    "\n  query ClinicPayment($id: ID!) {\n    payment(id: $id) { ...ClinicPaymentDetails }\n  }\n": types.ClinicPaymentDocument,
    "\n  subscription ClinicPaymentLive($id: ID!) {\n    paymentStatusChanged(paymentId: $id) { ...ClinicPaymentDetails }\n  }\n": types.ClinicPaymentLiveDocument,
    "\n  query ClinicPayments($clinicId: ID!, $filter: ClinicPaymentFilter, $after: String) {\n    clinic(id: $clinicId) {\n      id\n      payments(filter: $filter, first: 25, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node {\n            id status escrowState method installmentCount createdAt\n            amounts { grossCentavos clinicNetCentavos refundedCentavos }\n            payer { id name }\n            procedure { id name }\n          }\n        }\n      }\n    }\n  }\n": types.ClinicPaymentsDocument,
    "\n  subscription ClinicPaymentEvents($clinicId: ID!) {\n    clinicPaymentEvents(clinicId: $clinicId) { id status from at payment { id status escrowState } }\n  }\n": types.ClinicPaymentEventsDocument,
    "\n  query ClinicToConfirm($clinicId: ID!) {\n    clinic(id: $clinicId) {\n      id\n      payments(filter: { statuses: [IN_ESCROW, PARTIALLY_REFUNDED] }, first: 8) {\n        totalCount\n        edges { node { id status escrowState escrowReleaseDueAt amounts { clinicNetCentavos } payer { id name } procedure { id name } } }\n      }\n    }\n  }\n": types.ClinicToConfirmDocument,
    "\n  query ClinicReceivables($clinicId: ID!, $from: String!, $to: String!, $interval: ReceivablesInterval) {\n    clinic(id: $clinicId) { id receivables(from: $from, to: $to, interval: $interval) { date releasedCentavos paidOutCentavos expectedCentavos } }\n  }\n": types.ClinicReceivablesDocument,
    "\n  query ClinicPayout($clinicId: ID!) {\n    clinic(id: $clinicId) { id payoutAccount { method pixKey bankAccount { ispb bankName branch account accountType } } }\n    banks { ispb name }\n  }\n": types.ClinicPayoutDocument,
    "\n  mutation SetClinicPayoutAccount($clinicId: ID!, $method: PayoutMethod!, $bankAccount: BankAccountInput) {\n    setClinicPayoutAccount(clinicId: $clinicId, method: $method, bankAccount: $bankAccount) {\n      id payoutAccount { method pixKey bankAccount { ispb bankName branch account accountType } }\n    }\n  }\n": types.SetClinicPayoutAccountDocument,
    "\n  query ClinicBalance($clinicId: ID!) {\n    clinic(id: $clinicId) { id balance { inEscrowCentavos availableCentavos payoutsInTransitCentavos paidOutCentavos } }\n  }\n": types.ClinicBalanceDocument,
    "\n  query ClinicMemberships {\n    me { id name clinics { role clinic { id tradeName status statusReason } } }\n  }\n": types.ClinicMembershipsDocument,
    "\n  query ClinicAgreement($clinicId: ID!) {\n    clinic(id: $clinicId) { id status agreement { status sentAt expiresAt signedAt documentUrl documentSha256 } }\n  }\n": types.ClinicAgreementDocument,
    "\n  query ClinicMonthlyStatement($clinicId: ID!, $month: String!) {\n    clinic(id: $clinicId) { id monthlyStatement(month: $month) { kind filename sha256 url urlExpiresAt issuedAt } }\n  }\n": types.ClinicMonthlyStatementDocument,
    "\n  fragment ClinicPaymentDetails on Payment {\n    id status escrowState method planKind installmentCount createdAt escrowReleaseDueAt disputeReason\n    amounts { grossCentavos platformFeeCentavos processingCostCentavos clinicNetCentavos patientTotalCentavos refundedCentavos }\n    payer { id name }\n    clinic { id }\n    procedure { id name }\n    card { brand last4 }\n    history { from to reason at }\n    installments { id number dueDate amountCentavos lateChargesCentavos status }\n  }\n": types.ClinicPaymentDetailsFragmentDoc,
    "\n  mutation ConfirmProcedure($id: ID!) {\n    confirmProcedurePerformed(paymentId: $id) { ...ClinicPaymentDetails }\n  }\n": types.ConfirmProcedureDocument,
    "\n  mutation ClinicRefund($input: RefundInput!) {\n    refundPayment(input: $input) { ...ClinicPaymentDetails }\n  }\n": types.ClinicRefundDocument,
    "\n  fragment PaymentLinkFields on PaymentLink {\n    id token url status patientName patientEmail patientPhone expiresAt createdAt source\n    procedure { id name priceCentavos }\n    payment { id status }\n  }\n": types.PaymentLinkFieldsFragmentDoc,
    "\n  fragment PracticeConnectionFields on PracticeConnection {\n    id kind status accountName connectedAt lastSyncedAt lastError syncAppointments writeBack\n    procedures { code name priceCentavos procedure { id name } }\n    syncLog(first: 10) { startedAt finishedAt imported linked writtenBack errors }\n    appointments(first: 50) { externalId startsAt status patientName paymentLinkToken writtenBackStatus procedure { id name } }\n  }\n": types.PracticeConnectionFieldsFragmentDoc,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id clinicId url events enabled createdAt previousSecretExpiresAt failing\n  }\n": types.WebhookEndpointFieldsFragmentDoc,
    "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id endpointId eventType status attempts responseCodes createdAt lastAttemptAt nextAttemptAt\n  }\n": types.WebhookDeliveryFieldsFragmentDoc,
    "\n  query ClinicWebhooks($clinicId: ID!) {\n    webhookEndpoints(clinicId: $clinicId) { ...WebhookEndpointFields }\n    webhookEventTypes\n  }\n": types.ClinicWebhooksDocument,
    "\n  mutation CreateWebhookEndpoint($clinicId: ID!, $url: String!, $events: [String!]!) {\n    createWebhookEndpoint(clinicId: $clinicId, url: $url, events: $events) { secret endpoint { ...WebhookEndpointFields } }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation SetWebhookEndpointEnabled($id: ID!, $enabled: Boolean!) {\n    setWebhookEndpointEnabled(id: $id, enabled: $enabled) { ...WebhookEndpointFields }\n  }\n": types.SetWebhookEndpointEnabledDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) { secret endpoint { ...WebhookEndpointFields } }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: 20, after: $after) {\n      edges { cursor node { ...WebhookDeliveryFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) { ...WebhookDeliveryFields }\n  }\n": types.RedeliverWebhookDocument,
    "\n  fragment NotificationItem on Notification {\n    id kind title body link createdAt readAt\n  }\n": types.NotificationItemFragmentDoc,
    "\n  query UnreadNotificationsCount {\n    unreadNotificationsCount\n  }\n": types.UnreadNotificationsCountDocument,
    "\n  query MyNotifications($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges { cursor node { ...NotificationItem } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.MyNotificationsDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded { ...NotificationItem }\n  }\n": types.NotificationAddedDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": types.MarkAllNotificationsReadDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n": types.LoginDocument,
    "\n  mutation RegisterPatient($input: RegisterPatientInput!) {\n    registerPatient(input: $input) { message }\n  }\n": types.RegisterPatientDocument,
    "\n  mutation ConfirmSignUp($token: String!, $password: String!) {\n    confirmSignUp(token: $token, password: $password) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n": types.ConfirmSignUpDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  fragment SupportTicketFields on SupportTicket {\n    id topic queue status createdAt updatedAt closedAt\n    messages { at author text }\n  }\n": types.SupportTicketFieldsFragmentDoc,
    "\n  mutation ReplyToSupportTicket($ticketId: ID!, $message: String!) {\n    replyToSupportTicket(ticketId: $ticketId, message: $message) { ...SupportTicketFields }\n  }\n": types.ReplyToSupportTicketDocument,
    "\n  mutation CloseSupportTicket($ticketId: ID!) {\n    closeSupportTicket(ticketId: $ticketId) { ...SupportTicketFields }\n  }\n": types.CloseSupportTicketDocument,
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
export function graphql(source: "\n  query FraudReviewQueue {\n    fraudReviewQueue(first: 50) {\n      totalCount\n      edges {\n        node {\n          id createdAt method\n          amounts { patientTotalCentavos }\n          payer { id name }\n          clinic { id tradeName }\n          fraudAssessment { score reasons { code text } }\n        }\n      }\n    }\n    fraudModel { version trainedAt heldOutRows heldOutFraudRows rocAuc reviewThreshold reviewPrecision reviewRecall declineThreshold declinePrecision declineRecall }\n  }\n"): (typeof documents)["\n  query FraudReviewQueue {\n    fraudReviewQueue(first: 50) {\n      totalCount\n      edges {\n        node {\n          id createdAt method\n          amounts { patientTotalCentavos }\n          payer { id name }\n          clinic { id tradeName }\n          fraudAssessment { score reasons { code text } }\n        }\n      }\n    }\n    fraudModel { version trainedAt heldOutRows heldOutFraudRows rocAuc reviewThreshold reviewPrecision reviewRecall declineThreshold declinePrecision declineRecall }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BackOfficeTickets($status: SupportTicketStatus, $after: String) {\n    supportTickets(status: $status, first: 20, after: $after) {\n      edges { node { ...SupportTicketFields patient { id name } payment { id } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query BackOfficeTickets($status: SupportTicketStatus, $after: String) {\n    supportTickets(status: $status, first: 20, after: $after) {\n      edges { node { ...SupportTicketFields patient { id name } payment { id } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminClinics($status: ClinicStatus!, $search: String, $after: String) {\n    clinics(filter: { status: $status, search: $search }, first: 50, after: $after) {\n      edges {\n        node {\n          id tradeName legalName cnpj status statusReason specialties address { street city state postalCode }\n          receitaFederal { status legalName tradeName mainCnaeCode mainCnaeDescription address checkedAt }\n          agreement { status sentAt expiresAt signedAt documentUrl }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query AdminClinics($status: ClinicStatus!, $search: String, $after: String) {\n    clinics(filter: { status: $status, search: $search }, first: 50, after: $after) {\n      edges {\n        node {\n          id tradeName legalName cnpj status statusReason specialties address { street city state postalCode }\n          receitaFederal { status legalName tradeName mainCnaeCode mainCnaeDescription address checkedAt }\n          agreement { status sentAt expiresAt signedAt documentUrl }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetClinicStatus($id: ID!, $status: ClinicStatus!, $reason: String) {\n    setClinicStatus(id: $id, status: $status, reason: $reason) { id status statusReason }\n  }\n"): (typeof documents)["\n  mutation SetClinicStatus($id: ID!, $status: ClinicStatus!, $reason: String) {\n    setClinicStatus(id: $id, status: $status, reason: $reason) { id status statusReason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckClinicCnpj($id: ID!) {\n    checkClinicCnpj(id: $id) { id receitaFederal { status legalName tradeName mainCnaeCode mainCnaeDescription address checkedAt } }\n  }\n"): (typeof documents)["\n  mutation CheckClinicCnpj($id: ID!) {\n    checkClinicCnpj(id: $id) { id receitaFederal { status legalName tradeName mainCnaeCode mainCnaeDescription address checkedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendClinicAgreement($id: ID!) {\n    sendClinicAgreement(id: $id) { id status agreement { status sentAt expiresAt signedAt documentUrl } }\n  }\n"): (typeof documents)["\n  mutation SendClinicAgreement($id: ID!) {\n    sendClinicAgreement(id: $id) { id status agreement { status sentAt expiresAt signedAt documentUrl } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountDeletions {\n    accountDeletions(first: 50) { id userId status requestedAt completedAt steps { service status completedAt } }\n  }\n"): (typeof documents)["\n  query AccountDeletions {\n    accountDeletions(first: 50) { id userId status requestedAt completedAt steps { service status completedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LedgerHealth {\n    ledgerHealth { balanced debitsCentavos creditsCentavos discrepancies gatewayCashCentavos }\n  }\n"): (typeof documents)["\n  query LedgerHealth {\n    ledgerHealth { balanced debitsCentavos creditsCentavos discrepancies gatewayCashCentavos }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FailedMessages($after: String) {\n    failedMessages(first: 25, after: $after) {\n      edges { cursor node { ...FailedMessageFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query FailedMessages($after: String) {\n    failedMessages(first: 25, after: $after) {\n      edges { cursor node { ...FailedMessageFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryMessage($id: ID!) {\n    retryMessage(id: $id) { ...FailedMessageFields }\n  }\n"): (typeof documents)["\n  mutation RetryMessage($id: ID!) {\n    retryMessage(id: $id) { ...FailedMessageFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPayment($id: ID!) {\n    payment(id: $id) {\n      id status escrowState method planKind installmentCount createdAt escrowReleaseDueAt disputeReason monthlyInterestRate iofCentavos cetAnnualRate\n      amounts { grossCentavos platformFeeCentavos processingCostCentavos clinicNetCentavos patientTotalCentavos refundedCentavos }\n      payer { id name email cpfMasked }\n      clinic { id tradeName cnpj }\n      procedure { id name }\n      card { brand last4 approved declineReason }\n      history { from to reason at }\n      installments { id number dueDate amountCentavos lateChargesCentavos status }\n      ledgerEntries { transactionId description account direction amountCentavos at }\n      hold\n      fraudAssessment { score decision source modelVersion assessedAt reasons { code text } features { name value } review { decision note decidedAt } }\n    }\n  }\n"): (typeof documents)["\n  query AdminPayment($id: ID!) {\n    payment(id: $id) {\n      id status escrowState method planKind installmentCount createdAt escrowReleaseDueAt disputeReason monthlyInterestRate iofCentavos cetAnnualRate\n      amounts { grossCentavos platformFeeCentavos processingCostCentavos clinicNetCentavos patientTotalCentavos refundedCentavos }\n      payer { id name email cpfMasked }\n      clinic { id tradeName cnpj }\n      procedure { id name }\n      card { brand last4 approved declineReason }\n      history { from to reason at }\n      installments { id number dueDate amountCentavos lateChargesCentavos status }\n      ledgerEntries { transactionId description account direction amountCentavos at }\n      hold\n      fraudAssessment { score decision source modelVersion assessedAt reasons { code text } features { name value } review { decision note decidedAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveDispute($id: ID!, $inFavorOf: DisputeOutcome!) {\n    resolveDispute(paymentId: $id, inFavorOf: $inFavorOf) { id status escrowState amounts { refundedCentavos } history { from to reason at } }\n  }\n"): (typeof documents)["\n  mutation ResolveDispute($id: ID!, $inFavorOf: DisputeOutcome!) {\n    resolveDispute(paymentId: $id, inFavorOf: $inFavorOf) { id status escrowState amounts { refundedCentavos } history { from to reason at } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPayments($filter: PaymentSearch, $after: String) {\n    payments(filter: $filter, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id status method createdAt amounts { grossCentavos } payer { id name } clinic { id tradeName } procedure { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query AdminPayments($filter: PaymentSearch, $after: String) {\n    payments(filter: $filter, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id status method createdAt amounts { grossCentavos } payer { id name } clinic { id tradeName } procedure { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminClinicOptions {\n    clinics(first: 100) { edges { node { id tradeName status } } }\n  }\n"): (typeof documents)["\n  query AdminClinicOptions {\n    clinics(first: 100) { edges { node { id tradeName status } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayerByCpf($cpf: String!) {\n    users(filter: { search: $cpf }, first: 2) { edges { node { id name } } }\n  }\n"): (typeof documents)["\n  query PayerByCpf($cpf: String!) {\n    users(filter: { search: $cpf }, first: 2) { edges { node { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlatformFigures($from: String, $to: String) {\n    platformFigures(from: $from, to: $to) {\n      from to paymentCount paidCount volumeCentavos refundedCentavos escrowHeldCentavos clinicsAvailableCentavos platformRevenueCentavos\n      byStatus { status count grossCentavos }\n      byMethod { method count grossCentavos }\n    }\n    pending: clinics(filter: { status: PENDING_REVIEW }, first: 50) { edges { node { id } } }\n  }\n"): (typeof documents)["\n  query PlatformFigures($from: String, $to: String) {\n    platformFigures(from: $from, to: $to) {\n      from to paymentCount paidCount volumeCentavos refundedCentavos escrowHeldCentavos clinicsAvailableCentavos platformRevenueCentavos\n      byStatus { status count grossCentavos }\n      byMethod { method count grossCentavos }\n    }\n    pending: clinics(filter: { status: PENDING_REVIEW }, first: 50) { edges { node { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlatformAnalyticsPage($from: String!, $to: String!, $interval: AnalyticsInterval) {\n    platformAnalytics(from: $from, to: $to, interval: $interval) {\n      from\n      to\n      interval\n      totals { grossCentavos clinicNetCentavos platformFeeCentavos processingCostCentavos paymentsCount averageTicketCentavos }\n      takeRate\n      series { periodStart grossCentavos clinicNetCentavos platformFeeCentavos paymentsCount }\n      activeClinics\n      activePatients\n      newPatients\n      byMethod { method paymentsCount grossCentavos share }\n      cohorts { month patients retention }\n      declineRate\n      afterSale { refundedCount refundedCentavos refundRate disputedCount disputeRate }\n      topClinics { clinic { id tradeName } paymentsCount grossCentavos platformFeeCentavos }\n    }\n  }\n"): (typeof documents)["\n  query PlatformAnalyticsPage($from: String!, $to: String!, $interval: AnalyticsInterval) {\n    platformAnalytics(from: $from, to: $to, interval: $interval) {\n      from\n      to\n      interval\n      totals { grossCentavos clinicNetCentavos platformFeeCentavos processingCostCentavos paymentsCount averageTicketCentavos }\n      takeRate\n      series { periodStart grossCentavos clinicNetCentavos platformFeeCentavos paymentsCount }\n      activeClinics\n      activePatients\n      newPatients\n      byMethod { method paymentsCount grossCentavos share }\n      cohorts { month patients retention }\n      declineRate\n      afterSale { refundedCount refundedCentavos refundRate disputedCount disputeRate }\n      topClinics { clinic { id tradeName } paymentsCount grossCentavos platformFeeCentavos }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsLag {\n    analyticsLag { seconds pending }\n  }\n"): (typeof documents)["\n  query AnalyticsLag {\n    analyticsLag { seconds pending }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GraphUsage($from: String!, $to: String!) {\n    graphUsage(from: $from, to: $to) {\n      from\n      to\n      operations { clientName clientVersion operationName documentHash callerKind count errorCount p50Ms p95Ms }\n      fields { clientName field count }\n    }\n  }\n"): (typeof documents)["\n  query GraphUsage($from: String!, $to: String!) {\n    graphUsage(from: $from, to: $to) {\n      from\n      to\n      operations { clientName clientVersion operationName documentHash callerKind count errorCount p50Ms p95Ms }\n      fields { clientName field count }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SensitiveDataAccesses($subjectId: ID!, $after: String) {\n    user(id: $subjectId) { id name }\n    sensitiveDataAccesses(subjectId: $subjectId, first: 50, after: $after) {\n      edges { cursor node { id at readerKind readerId readerRoles reader { id name } readerClinic { id tradeName } field operation purpose } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query SensitiveDataAccesses($subjectId: ID!, $after: String) {\n    user(id: $subjectId) { id name }\n    sensitiveDataAccesses(subjectId: $subjectId, first: 50, after: $after) {\n      edges { cursor node { id at readerKind readerId readerRoles reader { id name } readerClinic { id tradeName } field operation purpose } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUser($id: ID!) {\n    user(id: $id) {\n      id name email phone cpfMasked roles locked createdAt\n      cpfCheck { status checkedAt opensCredit }\n      consent { termsVersion privacyPolicyVersion acceptedAt marketing needsReacceptance }\n      clinics { role clinic { id tradeName status } }\n      payments(first: 20) { totalCount edges { node { id status method createdAt amounts { grossCentavos patientTotalCentavos } clinic { id tradeName } procedure { id name } } } }\n    }\n  }\n"): (typeof documents)["\n  query AdminUser($id: ID!) {\n    user(id: $id) {\n      id name email phone cpfMasked roles locked createdAt\n      cpfCheck { status checkedAt opensCredit }\n      consent { termsVersion privacyPolicyVersion acceptedAt marketing needsReacceptance }\n      clinics { role clinic { id tradeName status } }\n      payments(first: 20) { totalCount edges { node { id status method createdAt amounts { grossCentavos patientTotalCentavos } clinic { id tradeName } procedure { id name } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserFullCpf($id: ID!) {\n    user(id: $id) { id cpf }\n  }\n"): (typeof documents)["\n  query UserFullCpf($id: ID!) {\n    user(id: $id) { id cpf }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserLocked($id: ID!, $locked: Boolean!) {\n    setUserLocked(id: $id, locked: $locked) { id locked }\n  }\n"): (typeof documents)["\n  mutation SetUserLocked($id: ID!, $locked: Boolean!) {\n    setUserLocked(id: $id, locked: $locked) { id locked }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($filter: UserFilter, $after: String) {\n    users(filter: $filter, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name email cpfMasked roles locked createdAt } }\n    }\n  }\n"): (typeof documents)["\n  query AdminUsers($filter: UserFilter, $after: String) {\n    users(filter: $filter, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name email cpfMasked roles locked createdAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FailedMessageFields on OutboundMessage {\n    id kind channel recipientId status attempts lastError scheduledFor sentAt\n  }\n"): (typeof documents)["\n  fragment FailedMessageFields on OutboundMessage {\n    id kind channel recipientId status attempts lastError scheduledFor sentAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideFraudReview($id: ID!, $decision: FraudReviewDecision!, $note: String) {\n    decideFraudReview(paymentId: $id, decision: $decision, note: $note) { id status hold history { from to reason at } }\n  }\n"): (typeof documents)["\n  mutation DecideFraudReview($id: ID!, $decision: FraudReviewDecision!, $note: String) {\n    decideFraudReview(paymentId: $id, decision: $decision, note: $note) { id status hold history { from to reason at } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRefund($input: RefundInput!) {\n    refundPayment(input: $input) { id status escrowState amounts { refundedCentavos } history { from to reason at } }\n  }\n"): (typeof documents)["\n  mutation AdminRefund($input: RefundInput!) {\n    refundPayment(input: $input) { id status escrowState amounts { refundedCentavos } history { from to reason at } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AskAssistant($conversationId: ID, $message: String!) {\n    askAssistant(conversationId: $conversationId, message: $message) { conversationId intent answer offerPerson suggestions }\n  }\n"): (typeof documents)["\n  mutation AskAssistant($conversationId: ID, $message: String!) {\n    askAssistant(conversationId: $conversationId, message: $message) { conversationId intent answer offerPerson suggestions }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySupportTickets($after: String) {\n    mySupportTickets(first: 20, after: $after) {\n      edges { node { ...SupportTicketFields clinic { id tradeName } payment { id procedure { id name } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query MySupportTickets($after: String) {\n    mySupportTickets(first: 20, after: $after) {\n      edges { node { ...SupportTicketFields clinic { id tradeName } payment { id procedure { id name } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicPage($id: ID!) {\n    clinic(id: $id) {\n      id tradeName legalName cnpj specialties status\n      address { street city state postalCode }\n      procedures(first: 50) { edges { node { id name category priceCentavos durationMinutes interestFreeInstallments active } } }\n    }\n  }\n"): (typeof documents)["\n  query ClinicPage($id: ID!) {\n    clinic(id: $id) {\n      id tradeName legalName cnpj specialties status\n      address { street city state postalCode }\n      procedures(first: 50) { edges { node { id name category priceCentavos durationMinutes interestFreeInstallments active } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCpfCheck {\n    me { id cpfMasked cpfCheck { status checkedAt opensCredit } }\n  }\n"): (typeof documents)["\n  query MyCpfCheck {\n    me { id cpfMasked cpfCheck { status checkedAt opensCredit } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDataExports {\n    myDataExports { id status requestedAt readyAt downloadUrl expiresAt }\n  }\n"): (typeof documents)["\n  query MyDataExports {\n    myDataExports { id status requestedAt readyAt downloadUrl expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestDataExport {\n    requestDataExport { id status requestedAt readyAt downloadUrl expiresAt }\n  }\n"): (typeof documents)["\n  mutation RequestDataExport {\n    requestDataExport { id status requestedAt readyAt downloadUrl expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestAccountDeletion($password: String!) {\n    requestAccountDeletion(password: $password) { id status requestedAt completedAt steps { service status completedAt } }\n  }\n"): (typeof documents)["\n  mutation RequestAccountDeletion($password: String!) {\n    requestAccountDeletion(password: $password) { id status requestedAt completedAt steps { service status completedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationPreferencesPage {\n    myNotificationPreferences { channel purpose enabled }\n  }\n"): (typeof documents)["\n  query NotificationPreferencesPage {\n    myNotificationPreferences { channel purpose enabled }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebPushKey {\n    webPushPublicKey\n  }\n"): (typeof documents)["\n  query WebPushKey {\n    webPushPublicKey\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveNotificationPreferences($preferences: [ChannelPreferenceInput!]!) {\n    setNotificationPreferences(preferences: $preferences) { channel purpose enabled }\n  }\n"): (typeof documents)["\n  mutation SaveNotificationPreferences($preferences: [ChannelPreferenceInput!]!) {\n    setNotificationPreferences(preferences: $preferences) { channel purpose enabled }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubscribeWebPush($subscription: PushSubscriptionInput!) {\n    subscribeWebPush(subscription: $subscription)\n  }\n"): (typeof documents)["\n  mutation SubscribeWebPush($subscription: PushSubscriptionInput!) {\n    subscribeWebPush(subscription: $subscription)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnsubscribeWebPush($endpoint: String!) {\n    unsubscribeWebPush(endpoint: $endpoint)\n  }\n"): (typeof documents)["\n  mutation UnsubscribeWebPush($endpoint: String!) {\n    unsubscribeWebPush(endpoint: $endpoint)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentPage($id: ID!) {\n    payment(id: $id) { ...PaymentDetails ...PaymentDocumentsFields }\n  }\n"): (typeof documents)["\n  query PaymentPage($id: ID!) {\n    payment(id: $id) { ...PaymentDetails ...PaymentDocumentsFields }\n  }\n"];
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
export function graphql(source: "\n  mutation CancelCrediario($input: CancelCrediarioInput!) {\n    cancelCrediario(input: $input) { ...PaymentDetails }\n  }\n"): (typeof documents)["\n  mutation CancelCrediario($input: CancelCrediarioInput!) {\n    cancelCrediario(input: $input) { ...PaymentDetails }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisputePayment($id: ID!, $reason: String!) {\n    openDispute(paymentId: $id, reason: $reason) { ...PaymentDetails }\n  }\n"): (typeof documents)["\n  mutation DisputePayment($id: ID!, $reason: String!) {\n    openDispute(paymentId: $id, reason: $reason) { ...PaymentDetails }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPayments($after: String) {\n    myPayments(first: 20, after: $after) {\n      edges { node { id status hold createdAt method planKind installmentCount amounts { patientTotalCentavos } procedure { id name } clinic { id tradeName } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query MyPayments($after: String) {\n    myPayments(first: 20, after: $after) {\n      edges { node { id status hold createdAt method planKind installmentCount amounts { patientTotalCentavos } procedure { id name } clinic { id tradeName } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MyPaymentEvents {\n    myPaymentEvents { id status payment { id status escrowState } }\n  }\n"): (typeof documents)["\n  subscription MyPaymentEvents {\n    myPaymentEvents { id status payment { id status escrowState } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentLinkPage($token: String!) {\n    paymentLink(token: $token) {\n      token status expiresAt patientFirstName\n      procedure { id name priceCentavos }\n      clinic { id tradeName address { city state } }\n    }\n  }\n"): (typeof documents)["\n  query PaymentLinkPage($token: String!) {\n    paymentLink(token: $token) {\n      token status expiresAt patientFirstName\n      procedure { id name priceCentavos }\n      clinic { id tradeName address { city state } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentLinkPlans($procedureId: ID!, $firstDueDay: Int) {\n    paymentPlans(procedureId: $procedureId, firstDueDay: $firstDueDay) { ...PlanFields }\n  }\n"): (typeof documents)["\n  query PaymentLinkPlans($procedureId: ID!, $firstDueDay: Int) {\n    paymentPlans(procedureId: $procedureId, firstDueDay: $firstDueDay) { ...PlanFields }\n  }\n"];
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
export function graphql(source: "\n  query SearchProcedures($filter: ProcedureFilter, $clinicFilter: ClinicFilter, $first: Int, $after: String) {\n    clinics(filter: $clinicFilter, first: 6) { edges { node { id tradeName specialties address { city state } } } }\n    procedures(filter: $filter, first: $first, after: $after) {\n      edges { node { id name category priceCentavos interestFreeInstallments clinic { id tradeName address { city state } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query SearchProcedures($filter: ProcedureFilter, $clinicFilter: ClinicFilter, $first: Int, $after: String) {\n    clinics(filter: $clinicFilter, first: 6) { edges { node { id tradeName specialties address { city state } } } }\n    procedures(filter: $filter, first: $first, after: $after) {\n      edges { node { id name category priceCentavos interestFreeInstallments clinic { id tradeName address { city state } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayoffQuote($paymentId: ID!, $installments: Int) {\n    crediarioPayoffQuote(paymentId: $paymentId, installments: $installments) {\n      date totalCentavos discountCentavos\n      installments { number dueDate amountCentavos payoffCentavos }\n    }\n  }\n"): (typeof documents)["\n  query PayoffQuote($paymentId: ID!, $installments: Int) {\n    crediarioPayoffQuote(paymentId: $paymentId, installments: $installments) {\n      date totalCentavos discountCentavos\n      installments { number dueDate amountCentavos payoffCentavos }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayOffCrediario($input: PayOffCrediarioInput!) {\n    payOffCrediario(input: $input) { installmentNumbers totalCentavos pix { copiaECola qrCodePayload expiresAt } }\n  }\n"): (typeof documents)["\n  mutation PayOffCrediario($input: PayOffCrediarioInput!) {\n    payOffCrediario(input: $input) { installmentNumbers totalCentavos pix { copiaECola qrCodePayload expiresAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditOffer($procedureId: ID!, $incomeBand: IncomeBand!) {\n    creditOffer(procedureId: $procedureId, incomeBand: $incomeBand) { approved maxAmountCentavos maxInstallments reasons { code text } }\n  }\n"): (typeof documents)["\n  query CreditOffer($procedureId: ID!, $incomeBand: IncomeBand!) {\n    creditOffer(procedureId: $procedureId, incomeBand: $incomeBand) { approved maxAmountCentavos maxInstallments reasons { code text } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LegalTerms {\n    legalTerms { termsVersion termsDate privacyPolicyVersion privacyPolicyDate }\n  }\n"): (typeof documents)["\n  query LegalTerms {\n    legalTerms { termsVersion termsDate privacyPolicyVersion privacyPolicyDate }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyConsent {\n    me { id consent { termsVersion privacyPolicyVersion acceptedAt marketing needsReacceptance } }\n  }\n"): (typeof documents)["\n  query MyConsent {\n    me { id consent { termsVersion privacyPolicyVersion acceptedAt marketing needsReacceptance } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMarketingConsent($granted: Boolean!) {\n    setMarketingConsent(granted: $granted) { termsVersion privacyPolicyVersion acceptedAt marketing needsReacceptance }\n  }\n"): (typeof documents)["\n  mutation SetMarketingConsent($granted: Boolean!) {\n    setMarketingConsent(granted: $granted) { termsVersion privacyPolicyVersion acceptedAt marketing needsReacceptance }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptTerms($termsVersion: String!, $privacyPolicyVersion: String!) {\n    acceptTerms(termsVersion: $termsVersion, privacyPolicyVersion: $privacyPolicyVersion) { termsVersion privacyPolicyVersion acceptedAt marketing needsReacceptance }\n  }\n"): (typeof documents)["\n  mutation AcceptTerms($termsVersion: String!, $privacyPolicyVersion: String!) {\n    acceptTerms(termsVersion: $termsVersion, privacyPolicyVersion: $privacyPolicyVersion) { termsVersion privacyPolicyVersion acceptedAt marketing needsReacceptance }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayWithCard($id: ID!, $cardToken: String!) {\n    payWithCard(paymentId: $id, cardToken: $cardToken) { ...PaymentDetails }\n  }\n"): (typeof documents)["\n  mutation PayWithCard($id: ID!, $cardToken: String!) {\n    payWithCard(paymentId: $id, cardToken: $cardToken) { ...PaymentDetails }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PaymentDetails on Payment {\n    id status hold escrowState method planKind installmentCount monthlyInterestRate iofCentavos cetAnnualRate\n    disputeReason escrowReleaseDueAt createdAt\n    amounts { grossCentavos patientTotalCentavos refundedCentavos }\n    pix { copiaECola qrCodePayload expiresAt }\n    boleto { line barcode dueDate }\n    card { brand last4 approved declineReason }\n    installments { id number dueDate amountCentavos status lateChargesCentavos }\n    history { from to reason at }\n    procedure { id name }\n    clinic { id tradeName }\n  }\n"): (typeof documents)["\n  fragment PaymentDetails on Payment {\n    id status hold escrowState method planKind installmentCount monthlyInterestRate iofCentavos cetAnnualRate\n    disputeReason escrowReleaseDueAt createdAt\n    amounts { grossCentavos patientTotalCentavos refundedCentavos }\n    pix { copiaECola qrCodePayload expiresAt }\n    boleto { line barcode dueDate }\n    card { brand last4 approved declineReason }\n    installments { id number dueDate amountCentavos status lateChargesCentavos }\n    history { from to reason at }\n    procedure { id name }\n    clinic { id tradeName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PaymentDocumentsFields on Payment {\n    id\n    contract {\n      status expiresAt signedAt signingUrl\n      document { kind filename sha256 url urlExpiresAt }\n      signedDocument { kind filename sha256 url urlExpiresAt }\n    }\n    receipts { kind filename sha256 url urlExpiresAt issuedAt }\n  }\n"): (typeof documents)["\n  fragment PaymentDocumentsFields on Payment {\n    id\n    contract {\n      status expiresAt signedAt signingUrl\n      document { kind filename sha256 url urlExpiresAt }\n      signedDocument { kind filename sha256 url urlExpiresAt }\n    }\n    receipts { kind filename sha256 url urlExpiresAt issuedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanFields on PaymentPlan {\n    id kind methods installmentCount firstDueDate firstInstallmentCentavos installmentCentavos totalCentavos interestFree\n    monthlyInterestRate iofCentavos cetAnnualRate contractTerms contractTermsHash\n  }\n"): (typeof documents)["\n  fragment PlanFields on PaymentPlan {\n    id kind methods installmentCount firstDueDate firstInstallmentCentavos installmentCentavos totalCentavos interestFree\n    monthlyInterestRate iofCentavos cetAnnualRate contractTerms contractTermsHash\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupportPayments {\n    myPayments(first: 20) { edges { node { id createdAt procedure { id name } clinic { id tradeName } } } }\n  }\n"): (typeof documents)["\n  query SupportPayments {\n    myPayments(first: 20) { edges { node { id createdAt procedure { id name } clinic { id tradeName } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestSupport($conversationId: ID!, $topic: SupportTopic!, $paymentId: ID, $message: String) {\n    requestSupport(conversationId: $conversationId, topic: $topic, paymentId: $paymentId, message: $message) { ...SupportTicketFields }\n  }\n"): (typeof documents)["\n  mutation RequestSupport($conversationId: ID!, $topic: SupportTopic!, $paymentId: ID, $message: String) {\n    requestSupport(conversationId: $conversationId, topic: $topic, paymentId: $paymentId, message: $message) { ...SupportTicketFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicAnalyticsPage($clinicId: ID!, $from: String!, $to: String!, $interval: AnalyticsInterval) {\n    clinic(id: $clinicId) {\n      id\n      analytics(from: $from, to: $to, interval: $interval) {\n        from\n        to\n        interval\n        totals { grossCentavos clinicNetCentavos platformFeeCentavos processingCostCentavos paymentsCount averageTicketCentavos }\n        series { periodStart grossCentavos clinicNetCentavos paymentsCount }\n        byMethod { method paymentsCount grossCentavos share }\n        funnel { plansSimulated checkouts paid released checkoutRate paymentRate releaseRate }\n        topProcedures { procedure { id name } category paymentsCount grossCentavos }\n        afterSale { refundedCount refundedCentavos refundRate disputedCount disputeRate }\n        crediario { installmentsDue overdue30 overdue90 overdueRate defaultRate }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClinicAnalyticsPage($clinicId: ID!, $from: String!, $to: String!, $interval: AnalyticsInterval) {\n    clinic(id: $clinicId) {\n      id\n      analytics(from: $from, to: $to, interval: $interval) {\n        from\n        to\n        interval\n        totals { grossCentavos clinicNetCentavos platformFeeCentavos processingCostCentavos paymentsCount averageTicketCentavos }\n        series { periodStart grossCentavos clinicNetCentavos paymentsCount }\n        byMethod { method paymentsCount grossCentavos share }\n        funnel { plansSimulated checkouts paid released checkoutRate paymentRate releaseRate }\n        topProcedures { procedure { id name } category paymentsCount grossCentavos }\n        afterSale { refundedCount refundedCentavos refundRate disputedCount disputeRate }\n        crediario { installmentsDue overdue30 overdue90 overdueRate defaultRate }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicSupportTickets($clinicId: ID!, $status: SupportTicketStatus, $after: String) {\n    clinic(id: $clinicId) {\n      id\n      supportTickets(status: $status, first: 20, after: $after) {\n        edges { node { ...SupportTicketFields payment { id procedure { id name } payer { id name } } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClinicSupportTickets($clinicId: ID!, $status: SupportTicketStatus, $after: String) {\n    clinic(id: $clinicId) {\n      id\n      supportTickets(status: $status, first: 20, after: $after) {\n        edges { node { ...SupportTicketFields payment { id procedure { id name } payer { id name } } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicCatalog($clinicId: ID!, $after: String) {\n    clinic(id: $clinicId) {\n      id\n      procedures(first: 50, after: $after) {\n        edges { node { id name description category priceCentavos durationMinutes interestFreeInstallments active } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClinicCatalog($clinicId: ID!, $after: String) {\n    clinic(id: $clinicId) {\n      id\n      procedures(first: 50, after: $after) {\n        edges { node { id name description category priceCentavos durationMinutes interestFreeInstallments active } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanNets($priceCentavos: Int!, $interestFreeInstallments: Int!) {\n    planNets(priceCentavos: $priceCentavos, interestFreeInstallments: $interestFreeInstallments) {\n      planId kind installmentCount interestFree patientTotalCentavos grossCentavos platformFeeCentavos processingCostCentavos clinicNetCentavos\n    }\n  }\n"): (typeof documents)["\n  query PlanNets($priceCentavos: Int!, $interestFreeInstallments: Int!) {\n    planNets(priceCentavos: $priceCentavos, interestFreeInstallments: $interestFreeInstallments) {\n      planId kind installmentCount interestFree patientTotalCentavos grossCentavos platformFeeCentavos processingCostCentavos clinicNetCentavos\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProcedure($clinicId: ID!, $input: ProcedureInput!) {\n    createProcedure(clinicId: $clinicId, input: $input) { id name description category priceCentavos durationMinutes interestFreeInstallments active }\n  }\n"): (typeof documents)["\n  mutation CreateProcedure($clinicId: ID!, $input: ProcedureInput!) {\n    createProcedure(clinicId: $clinicId, input: $input) { id name description category priceCentavos durationMinutes interestFreeInstallments active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProcedure($id: ID!, $input: ProcedureUpdate!) {\n    updateProcedure(id: $id, input: $input) { id name description category priceCentavos durationMinutes interestFreeInstallments active }\n  }\n"): (typeof documents)["\n  mutation UpdateProcedure($id: ID!, $input: ProcedureUpdate!) {\n    updateProcedure(id: $id, input: $input) { id name description category priceCentavos durationMinutes interestFreeInstallments active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicTeam($clinicId: ID!) {\n    clinic(id: $clinicId) { id staff { role since user { id name } } }\n  }\n"): (typeof documents)["\n  query ClinicTeam($clinicId: ID!) {\n    clinic(id: $clinicId) { id staff { role since user { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddClinicStaff($clinicId: ID!, $email: String!, $role: StaffRole!) {\n    addClinicStaff(clinicId: $clinicId, email: $email, role: $role) { role since user { id name } }\n  }\n"): (typeof documents)["\n  mutation AddClinicStaff($clinicId: ID!, $email: String!, $role: StaffRole!) {\n    addClinicStaff(clinicId: $clinicId, email: $email, role: $role) { role since user { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveClinicStaff($clinicId: ID!, $userId: ID!) {\n    removeClinicStaff(clinicId: $clinicId, userId: $userId)\n  }\n"): (typeof documents)["\n  mutation RemoveClinicStaff($clinicId: ID!, $userId: ID!) {\n    removeClinicStaff(clinicId: $clinicId, userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicStatement($clinicId: ID!, $from: String!, $to: String!) {\n    clinic(id: $clinicId) {\n      id\n      statement(from: $from, to: $to) {\n        from to openingEscrowCentavos openingAvailableCentavos closingEscrowCentavos closingAvailableCentavos payoutsCentavos payoutsConfirmedCentavos\n        entries {\n          id at kind description escrowCentavos availableCentavos feesCentavos escrowBalanceCentavos availableBalanceCentavos transferStatus\n          payment { id payer { id name } procedure { id name } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClinicStatement($clinicId: ID!, $from: String!, $to: String!) {\n    clinic(id: $clinicId) {\n      id\n      statement(from: $from, to: $to) {\n        from to openingEscrowCentavos openingAvailableCentavos closingEscrowCentavos closingAvailableCentavos payoutsCentavos payoutsConfirmedCentavos\n        entries {\n          id at kind description escrowCentavos availableCentavos feesCentavos escrowBalanceCentavos availableBalanceCentavos transferStatus\n          payment { id payer { id name } procedure { id name } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicApiKeys($clinicId: ID!) {\n    clinic(id: $clinicId) { id apiKeys { id name prefix scopes createdAt lastUsedAt revokedAt } }\n  }\n"): (typeof documents)["\n  query ClinicApiKeys($clinicId: ID!) {\n    clinic(id: $clinicId) { id apiKeys { id name prefix scopes createdAt lastUsedAt revokedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($clinicId: ID!, $name: String!, $scopes: [ApiKeyScope!]!) {\n    createApiKey(clinicId: $clinicId, name: $name, scopes: $scopes) { secret apiKey { id name prefix scopes createdAt lastUsedAt revokedAt } }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($clinicId: ID!, $name: String!, $scopes: [ApiKeyScope!]!) {\n    createApiKey(clinicId: $clinicId, name: $name, scopes: $scopes) { secret apiKey { id name prefix scopes createdAt lastUsedAt revokedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicPracticeSystems($clinicId: ID!) {\n    clinic(id: $clinicId) {\n      id\n      practiceSystems { ...PracticeConnectionFields }\n      procedures(first: 50) { edges { node { id name active } } }\n      paymentLinks(first: 50) { id token url status }\n    }\n  }\n"): (typeof documents)["\n  query ClinicPracticeSystems($clinicId: ID!) {\n    clinic(id: $clinicId) {\n      id\n      practiceSystems { ...PracticeConnectionFields }\n      procedures(first: 50) { edges { node { id name active } } }\n      paymentLinks(first: 50) { id token url status }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectPracticeSystem($clinicId: ID!, $kind: PracticeSystemKind!, $credentials: PracticeCredentialsInput!) {\n    connectPracticeSystem(clinicId: $clinicId, kind: $kind, credentials: $credentials) { ...PracticeConnectionFields }\n  }\n"): (typeof documents)["\n  mutation ConnectPracticeSystem($clinicId: ID!, $kind: PracticeSystemKind!, $credentials: PracticeCredentialsInput!) {\n    connectPracticeSystem(clinicId: $clinicId, kind: $kind, credentials: $credentials) { ...PracticeConnectionFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MapPracticeProcedure($connectionId: ID!, $code: String!, $procedureId: ID) {\n    mapPracticeProcedure(connectionId: $connectionId, code: $code, procedureId: $procedureId) { ...PracticeConnectionFields }\n  }\n"): (typeof documents)["\n  mutation MapPracticeProcedure($connectionId: ID!, $code: String!, $procedureId: ID) {\n    mapPracticeProcedure(connectionId: $connectionId, code: $code, procedureId: $procedureId) { ...PracticeConnectionFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPracticeSync($connectionId: ID!, $syncAppointments: Boolean!, $writeBack: Boolean!) {\n    setPracticeSync(connectionId: $connectionId, syncAppointments: $syncAppointments, writeBack: $writeBack) { ...PracticeConnectionFields }\n  }\n"): (typeof documents)["\n  mutation SetPracticeSync($connectionId: ID!, $syncAppointments: Boolean!, $writeBack: Boolean!) {\n    setPracticeSync(connectionId: $connectionId, syncAppointments: $syncAppointments, writeBack: $writeBack) { ...PracticeConnectionFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncPracticeSystem($connectionId: ID!) {\n    syncPracticeSystem(connectionId: $connectionId) { ...PracticeConnectionFields }\n  }\n"): (typeof documents)["\n  mutation SyncPracticeSystem($connectionId: ID!) {\n    syncPracticeSystem(connectionId: $connectionId) { ...PracticeConnectionFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisconnectPracticeSystem($connectionId: ID!) {\n    disconnectPracticeSystem(connectionId: $connectionId) { ...PracticeConnectionFields }\n  }\n"): (typeof documents)["\n  mutation DisconnectPracticeSystem($connectionId: ID!) {\n    disconnectPracticeSystem(connectionId: $connectionId) { ...PracticeConnectionFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicPaymentLinks($clinicId: ID!, $status: PaymentLinkStatus) {\n    clinic(id: $clinicId) { id paymentLinks(status: $status, first: 50) { ...PaymentLinkFields } }\n  }\n"): (typeof documents)["\n  query ClinicPaymentLinks($clinicId: ID!, $status: PaymentLinkStatus) {\n    clinic(id: $clinicId) { id paymentLinks(status: $status, first: 50) { ...PaymentLinkFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentLinkProcedures($clinicId: ID!) {\n    clinic(id: $clinicId) { id procedures(first: 50) { edges { node { id name priceCentavos active } } } }\n  }\n"): (typeof documents)["\n  query PaymentLinkProcedures($clinicId: ID!) {\n    clinic(id: $clinicId) { id procedures(first: 50) { edges { node { id name priceCentavos active } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePaymentLink($input: CreatePaymentLinkInput!) {\n    createPaymentLink(input: $input) { ...PaymentLinkFields }\n  }\n"): (typeof documents)["\n  mutation CreatePaymentLink($input: CreatePaymentLinkInput!) {\n    createPaymentLink(input: $input) { ...PaymentLinkFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelPaymentLink($id: ID!) {\n    cancelPaymentLink(id: $id) { ...PaymentLinkFields }\n  }\n"): (typeof documents)["\n  mutation CancelPaymentLink($id: ID!) {\n    cancelPaymentLink(id: $id) { ...PaymentLinkFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicPayment($id: ID!) {\n    payment(id: $id) { ...ClinicPaymentDetails }\n  }\n"): (typeof documents)["\n  query ClinicPayment($id: ID!) {\n    payment(id: $id) { ...ClinicPaymentDetails }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ClinicPaymentLive($id: ID!) {\n    paymentStatusChanged(paymentId: $id) { ...ClinicPaymentDetails }\n  }\n"): (typeof documents)["\n  subscription ClinicPaymentLive($id: ID!) {\n    paymentStatusChanged(paymentId: $id) { ...ClinicPaymentDetails }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicPayments($clinicId: ID!, $filter: ClinicPaymentFilter, $after: String) {\n    clinic(id: $clinicId) {\n      id\n      payments(filter: $filter, first: 25, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node {\n            id status escrowState method installmentCount createdAt\n            amounts { grossCentavos clinicNetCentavos refundedCentavos }\n            payer { id name }\n            procedure { id name }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClinicPayments($clinicId: ID!, $filter: ClinicPaymentFilter, $after: String) {\n    clinic(id: $clinicId) {\n      id\n      payments(filter: $filter, first: 25, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node {\n            id status escrowState method installmentCount createdAt\n            amounts { grossCentavos clinicNetCentavos refundedCentavos }\n            payer { id name }\n            procedure { id name }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ClinicPaymentEvents($clinicId: ID!) {\n    clinicPaymentEvents(clinicId: $clinicId) { id status from at payment { id status escrowState } }\n  }\n"): (typeof documents)["\n  subscription ClinicPaymentEvents($clinicId: ID!) {\n    clinicPaymentEvents(clinicId: $clinicId) { id status from at payment { id status escrowState } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicToConfirm($clinicId: ID!) {\n    clinic(id: $clinicId) {\n      id\n      payments(filter: { statuses: [IN_ESCROW, PARTIALLY_REFUNDED] }, first: 8) {\n        totalCount\n        edges { node { id status escrowState escrowReleaseDueAt amounts { clinicNetCentavos } payer { id name } procedure { id name } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClinicToConfirm($clinicId: ID!) {\n    clinic(id: $clinicId) {\n      id\n      payments(filter: { statuses: [IN_ESCROW, PARTIALLY_REFUNDED] }, first: 8) {\n        totalCount\n        edges { node { id status escrowState escrowReleaseDueAt amounts { clinicNetCentavos } payer { id name } procedure { id name } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicReceivables($clinicId: ID!, $from: String!, $to: String!, $interval: ReceivablesInterval) {\n    clinic(id: $clinicId) { id receivables(from: $from, to: $to, interval: $interval) { date releasedCentavos paidOutCentavos expectedCentavos } }\n  }\n"): (typeof documents)["\n  query ClinicReceivables($clinicId: ID!, $from: String!, $to: String!, $interval: ReceivablesInterval) {\n    clinic(id: $clinicId) { id receivables(from: $from, to: $to, interval: $interval) { date releasedCentavos paidOutCentavos expectedCentavos } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicPayout($clinicId: ID!) {\n    clinic(id: $clinicId) { id payoutAccount { method pixKey bankAccount { ispb bankName branch account accountType } } }\n    banks { ispb name }\n  }\n"): (typeof documents)["\n  query ClinicPayout($clinicId: ID!) {\n    clinic(id: $clinicId) { id payoutAccount { method pixKey bankAccount { ispb bankName branch account accountType } } }\n    banks { ispb name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetClinicPayoutAccount($clinicId: ID!, $method: PayoutMethod!, $bankAccount: BankAccountInput) {\n    setClinicPayoutAccount(clinicId: $clinicId, method: $method, bankAccount: $bankAccount) {\n      id payoutAccount { method pixKey bankAccount { ispb bankName branch account accountType } }\n    }\n  }\n"): (typeof documents)["\n  mutation SetClinicPayoutAccount($clinicId: ID!, $method: PayoutMethod!, $bankAccount: BankAccountInput) {\n    setClinicPayoutAccount(clinicId: $clinicId, method: $method, bankAccount: $bankAccount) {\n      id payoutAccount { method pixKey bankAccount { ispb bankName branch account accountType } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicBalance($clinicId: ID!) {\n    clinic(id: $clinicId) { id balance { inEscrowCentavos availableCentavos payoutsInTransitCentavos paidOutCentavos } }\n  }\n"): (typeof documents)["\n  query ClinicBalance($clinicId: ID!) {\n    clinic(id: $clinicId) { id balance { inEscrowCentavos availableCentavos payoutsInTransitCentavos paidOutCentavos } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicMemberships {\n    me { id name clinics { role clinic { id tradeName status statusReason } } }\n  }\n"): (typeof documents)["\n  query ClinicMemberships {\n    me { id name clinics { role clinic { id tradeName status statusReason } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicAgreement($clinicId: ID!) {\n    clinic(id: $clinicId) { id status agreement { status sentAt expiresAt signedAt documentUrl documentSha256 } }\n  }\n"): (typeof documents)["\n  query ClinicAgreement($clinicId: ID!) {\n    clinic(id: $clinicId) { id status agreement { status sentAt expiresAt signedAt documentUrl documentSha256 } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicMonthlyStatement($clinicId: ID!, $month: String!) {\n    clinic(id: $clinicId) { id monthlyStatement(month: $month) { kind filename sha256 url urlExpiresAt issuedAt } }\n  }\n"): (typeof documents)["\n  query ClinicMonthlyStatement($clinicId: ID!, $month: String!) {\n    clinic(id: $clinicId) { id monthlyStatement(month: $month) { kind filename sha256 url urlExpiresAt issuedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClinicPaymentDetails on Payment {\n    id status escrowState method planKind installmentCount createdAt escrowReleaseDueAt disputeReason\n    amounts { grossCentavos platformFeeCentavos processingCostCentavos clinicNetCentavos patientTotalCentavos refundedCentavos }\n    payer { id name }\n    clinic { id }\n    procedure { id name }\n    card { brand last4 }\n    history { from to reason at }\n    installments { id number dueDate amountCentavos lateChargesCentavos status }\n  }\n"): (typeof documents)["\n  fragment ClinicPaymentDetails on Payment {\n    id status escrowState method planKind installmentCount createdAt escrowReleaseDueAt disputeReason\n    amounts { grossCentavos platformFeeCentavos processingCostCentavos clinicNetCentavos patientTotalCentavos refundedCentavos }\n    payer { id name }\n    clinic { id }\n    procedure { id name }\n    card { brand last4 }\n    history { from to reason at }\n    installments { id number dueDate amountCentavos lateChargesCentavos status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmProcedure($id: ID!) {\n    confirmProcedurePerformed(paymentId: $id) { ...ClinicPaymentDetails }\n  }\n"): (typeof documents)["\n  mutation ConfirmProcedure($id: ID!) {\n    confirmProcedurePerformed(paymentId: $id) { ...ClinicPaymentDetails }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClinicRefund($input: RefundInput!) {\n    refundPayment(input: $input) { ...ClinicPaymentDetails }\n  }\n"): (typeof documents)["\n  mutation ClinicRefund($input: RefundInput!) {\n    refundPayment(input: $input) { ...ClinicPaymentDetails }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PaymentLinkFields on PaymentLink {\n    id token url status patientName patientEmail patientPhone expiresAt createdAt source\n    procedure { id name priceCentavos }\n    payment { id status }\n  }\n"): (typeof documents)["\n  fragment PaymentLinkFields on PaymentLink {\n    id token url status patientName patientEmail patientPhone expiresAt createdAt source\n    procedure { id name priceCentavos }\n    payment { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PracticeConnectionFields on PracticeConnection {\n    id kind status accountName connectedAt lastSyncedAt lastError syncAppointments writeBack\n    procedures { code name priceCentavos procedure { id name } }\n    syncLog(first: 10) { startedAt finishedAt imported linked writtenBack errors }\n    appointments(first: 50) { externalId startsAt status patientName paymentLinkToken writtenBackStatus procedure { id name } }\n  }\n"): (typeof documents)["\n  fragment PracticeConnectionFields on PracticeConnection {\n    id kind status accountName connectedAt lastSyncedAt lastError syncAppointments writeBack\n    procedures { code name priceCentavos procedure { id name } }\n    syncLog(first: 10) { startedAt finishedAt imported linked writtenBack errors }\n    appointments(first: 50) { externalId startsAt status patientName paymentLinkToken writtenBackStatus procedure { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id clinicId url events enabled createdAt previousSecretExpiresAt failing\n  }\n"): (typeof documents)["\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id clinicId url events enabled createdAt previousSecretExpiresAt failing\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id endpointId eventType status attempts responseCodes createdAt lastAttemptAt nextAttemptAt\n  }\n"): (typeof documents)["\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id endpointId eventType status attempts responseCodes createdAt lastAttemptAt nextAttemptAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicWebhooks($clinicId: ID!) {\n    webhookEndpoints(clinicId: $clinicId) { ...WebhookEndpointFields }\n    webhookEventTypes\n  }\n"): (typeof documents)["\n  query ClinicWebhooks($clinicId: ID!) {\n    webhookEndpoints(clinicId: $clinicId) { ...WebhookEndpointFields }\n    webhookEventTypes\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($clinicId: ID!, $url: String!, $events: [String!]!) {\n    createWebhookEndpoint(clinicId: $clinicId, url: $url, events: $events) { secret endpoint { ...WebhookEndpointFields } }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($clinicId: ID!, $url: String!, $events: [String!]!) {\n    createWebhookEndpoint(clinicId: $clinicId, url: $url, events: $events) { secret endpoint { ...WebhookEndpointFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWebhookEndpointEnabled($id: ID!, $enabled: Boolean!) {\n    setWebhookEndpointEnabled(id: $id, enabled: $enabled) { ...WebhookEndpointFields }\n  }\n"): (typeof documents)["\n  mutation SetWebhookEndpointEnabled($id: ID!, $enabled: Boolean!) {\n    setWebhookEndpointEnabled(id: $id, enabled: $enabled) { ...WebhookEndpointFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) { secret endpoint { ...WebhookEndpointFields } }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) { secret endpoint { ...WebhookEndpointFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($endpointId: ID!, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: 20, after: $after) {\n      edges { cursor node { ...WebhookDeliveryFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($endpointId: ID!, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: 20, after: $after) {\n      edges { cursor node { ...WebhookDeliveryFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) { ...WebhookDeliveryFields }\n  }\n"): (typeof documents)["\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) { ...WebhookDeliveryFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationItem on Notification {\n    id kind title body link createdAt readAt\n  }\n"): (typeof documents)["\n  fragment NotificationItem on Notification {\n    id kind title body link createdAt readAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationsCount {\n    unreadNotificationsCount\n  }\n"): (typeof documents)["\n  query UnreadNotificationsCount {\n    unreadNotificationsCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNotifications($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges { cursor node { ...NotificationItem } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query MyNotifications($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges { cursor node { ...NotificationItem } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded { ...NotificationItem }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded { ...NotificationItem }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"): (typeof documents)["\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterPatient($input: RegisterPatientInput!) {\n    registerPatient(input: $input) { message }\n  }\n"): (typeof documents)["\n  mutation RegisterPatient($input: RegisterPatientInput!) {\n    registerPatient(input: $input) { message }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmSignUp($token: String!, $password: String!) {\n    confirmSignUp(token: $token, password: $password) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n"): (typeof documents)["\n  mutation ConfirmSignUp($token: String!, $password: String!) {\n    confirmSignUp(token: $token, password: $password) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresIn user { id name email roles } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SupportTicketFields on SupportTicket {\n    id topic queue status createdAt updatedAt closedAt\n    messages { at author text }\n  }\n"): (typeof documents)["\n  fragment SupportTicketFields on SupportTicket {\n    id topic queue status createdAt updatedAt closedAt\n    messages { at author text }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplyToSupportTicket($ticketId: ID!, $message: String!) {\n    replyToSupportTicket(ticketId: $ticketId, message: $message) { ...SupportTicketFields }\n  }\n"): (typeof documents)["\n  mutation ReplyToSupportTicket($ticketId: ID!, $message: String!) {\n    replyToSupportTicket(ticketId: $ticketId, message: $message) { ...SupportTicketFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseSupportTicket($ticketId: ID!) {\n    closeSupportTicket(ticketId: $ticketId) { ...SupportTicketFields }\n  }\n"): (typeof documents)["\n  mutation CloseSupportTicket($ticketId: ID!) {\n    closeSupportTicket(ticketId: $ticketId) { ...SupportTicketFields }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;