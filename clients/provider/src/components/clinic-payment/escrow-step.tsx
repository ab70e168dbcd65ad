'use client';
// The escrow card: its state, a dispute if any, and the confirmation that the procedure was performed
// (which releases escrow), behind a confirmation step.
import { useMutation } from '@apollo/client/react';
import { escrowStateLabel, formatBRL, formatDate } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import type { ClinicPaymentDetailsFragment } from '@medpay/web/types';
import { ErrorNotice } from '@medpay/web/ui';
import type { PaymentStep } from './payment-step';

const ConfirmProcedure = graphql(`
  mutation ConfirmProcedure($id: ID!) {
    confirmProcedurePerformed(paymentId: $id) { ...ClinicPaymentDetails }
  }
`);

interface EscrowStepProps {
  payment: ClinicPaymentDetailsFragment;
  /** What is left of the payment after refunds, in centavos: the release is the clinic's share of it. */
  left: number;
  step: PaymentStep;
  setStep: (step: PaymentStep) => void;
  onDone: (message: string) => void;
}

export function EscrowStep({ payment, left, step, setStep, onDone }: EscrowStepProps) {
  const [confirm, confirming] = useMutation(ConfirmProcedure);
  const amounts = payment.amounts!;
  const confirmable = payment.escrowState === 'HELD' && (payment.status === 'IN_ESCROW' || payment.status === 'PARTIALLY_REFUNDED');
  return (
    <section className="card" aria-labelledby="escrow-title">
      <h2 id="escrow-title">Garantia</h2>
      <p><strong data-testid="escrow-state">{escrowStateLabel[payment.escrowState!]}</strong></p>
      {confirmable && payment.escrowReleaseDueAt ? <p className="hint">Liberação automática em {formatDate(payment.escrowReleaseDueAt)}, se o paciente não contestar.</p> : null}
      {payment.status === 'CHARGED_BACK' ? (
        <p className="notice notice-error">
          O banco do cartão do paciente devolveu o valor a ele (chargeback).{' '}
          {payment.escrowState === 'PAID_OUT' || payment.escrowState === 'RELEASED' ? 'A parte já liberada à clínica será descontada dos próximos repasses.' : 'O valor estava em garantia e não será repassado.'}
        </p>
      ) : null}
      {payment.status === 'DISPUTED' ? <p className="notice notice-error">O paciente abriu uma contestação{payment.disputeReason ? `: “${payment.disputeReason}”` : ''}. A MedPay vai analisar.</p> : null}
      {confirmable && step !== 'confirm' ? (
        <button type="button" className="button" onClick={() => setStep('confirm')}>Confirmar atendimento realizado</button>
      ) : null}
      {confirmable && step === 'confirm' ? (
        <div className="confirm-box" role="group" aria-labelledby="confirm-title">
          <p id="confirm-title"><strong>Confirma que {payment.procedure?.name} foi realizado para {payment.payer?.name}?</strong></p>
          <p>A garantia será liberada e {formatBRL(Math.round((amounts.clinicNetCentavos * left) / amounts.grossCentavos))} seguem por PIX para a conta da clínica. Não é possível desfazer.</p>
          <ErrorNotice error={confirming.error} />
          <div className="row">
            <button
              type="button"
              className="button"
              disabled={confirming.loading}
              onClick={() =>
                void confirm({ variables: { id: payment.id } }).then(
                  () => {
                    setStep(null);
                    onDone('Atendimento confirmado: o valor foi liberado e o repasse está a caminho.');
                  },
                  () => undefined,
                )
              }
            >
              {confirming.loading ? 'Confirmando…' : 'Sim, confirmar e liberar'}
            </button>
            <button type="button" className="button secondary" onClick={() => setStep(null)}>Cancelar</button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
