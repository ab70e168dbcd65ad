// The one step open on the clinic's payment page: confirming the procedure or the refund (form, then
// its check); opening one closes the other.
export type PaymentStep = 'confirm' | 'refund' | 'refund-check' | null;
