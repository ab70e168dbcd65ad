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

/**
 * A payment's documents: a crediário's contract with its signature, and the receipts. Asked by the page's
 * query only (their links expire in minutes; the page asks again when the status changes).
 */
export const PaymentDocumentsFields = graphql(`
  fragment PaymentDocumentsFields on Payment {
    id
    contract {
      status expiresAt signedAt signingUrl
      document { kind filename sha256 url urlExpiresAt }
      signedDocument { kind filename sha256 url urlExpiresAt }
    }
    receipts { kind filename sha256 url urlExpiresAt issuedAt }
  }
`);
