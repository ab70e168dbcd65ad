// What the payment page shows, fetched by its query and delivered whole by its subscription.
import { graphql } from '@medpay/web/graphql';

export const PaymentDetails = graphql(`
  fragment PaymentDetails on Payment {
    id status hold escrowState method planKind installmentCount monthlyInterestRate iofCentavos cetAnnualRate
    disputeReason escrowReleaseDueAt createdAt
    amounts { grossCentavos patientTotalCentavos refundedCentavos }
    pix { copiaECola qrCodePayload expiresAt }
    boleto { line barcode dueDate }
    card { brand last4 approved declineReason }
    installments { id number dueDate amountCentavos status lateChargesCentavos }
    history { from to reason at }
    procedure { id name }
    clinic { id tradeName }
  }
`);
