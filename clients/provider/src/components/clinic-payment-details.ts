// What the clinic's payment page shows, shared by its query, its live subscription and its mutations.
import { graphql } from '@medpay/web/graphql';

export const ClinicPaymentDetails = graphql(`
  fragment ClinicPaymentDetails on Payment {
    id status escrowState method planKind installmentCount createdAt escrowReleaseDueAt disputeReason
    amounts { grossCentavos platformFeeCentavos processingCostCentavos clinicNetCentavos patientTotalCentavos refundedCentavos }
    payer { id name }
    clinic { id }
    procedure { id name }
    card { brand last4 }
    history { from to reason at }
    installments { id number dueDate amountCentavos lateChargesCentavos status }
  }
`);
