'use client';
// The refund card: how much can still be refunded and from where (escrow or the clinic's balance), and
// the refund itself in two steps (amount and reason, then a check); crediário refunds go through MedPay.
import { useMutation } from '@apollo/client/react';
import { formatBRL, refundableStatuses } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { MoneyInput, parseAmount } from '@medpay/web/money-input';
import type { ClinicPaymentDetailsFragment } from '@medpay/web/types';
import { ErrorNotice } from '@medpay/web/ui';
import { useState, type FormEvent } from 'react';
import type { PaymentStep } from './payment-step';

const ClinicRefund = graphql(`
  mutation ClinicRefund($input: RefundInput!) {
    refundPayment(input: $input) { ...ClinicPaymentDetails }
  }
`);

interface RefundStepProps {
  payment: ClinicPaymentDetailsFragment;
  /** What is left of the payment after refunds, in centavos. */
  left: number;
  step: PaymentStep;
  setStep: (step: PaymentStep) => void;
  onDone: (message: string) => void;
}

export function RefundStep({ payment, left, step, setStep, onDone }: RefundStepProps) {
  const [refund, refunding] = useMutation(ClinicRefund);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  // One key per refund the clinic means to make: a retried click cannot refund twice.
  const [refundKey, setRefundKey] = useState(() => crypto.randomUUID());

  const status = payment.status!;
  const refundable = refundableStatuses.has(status) && payment.planKind !== 'CREDIARIO' && left > 0;
  if (!refundable) {
    return payment.planKind === 'CREDIARIO' && refundableStatuses.has(status) ? (
      <p className="hint">Reembolsos de crediário são feitos pela central da MedPay, com o cancelamento do contrato.</p>
    ) : null;
  }

  const refundCentavos = parseAmount(amount);
  const refundError = amount && (refundCentavos === null || refundCentavos <= 0) ? 'Valor inválido.' : refundCentavos !== null && refundCentavos > left ? `No máximo ${formatBRL(left)}.` : null;
  const fromEscrow = payment.escrowState === 'HELD';

  const submitRefund = (event: FormEvent) => {
    event.preventDefault();
    if (!refundCentavos || refundError || reason.trim().length < 3) return;
    setStep('refund-check');
  };

  return (
    <section className="card" aria-labelledby="refund-title">
      <h2 id="refund-title">Reembolso</h2>
      <p className="hint">
        {fromEscrow
          ? 'O valor ainda está em garantia: o reembolso sai da garantia, sem custo para o saldo da clínica.'
          : 'O valor já foi liberado: o reembolso é descontado do saldo da clínica, com a taxa MedPay e o custo devolvidos na mesma proporção.'}{' '}
        Disponível para reembolso: {formatBRL(left)}.
      </p>
      {step === 'refund' || step === 'refund-check' ? (
        <form onSubmit={submitRefund} noValidate>
          <MoneyInput label="Valor do reembolso" value={amount} onChange={setAmount} error={refundError} hint={`Até ${formatBRL(left)}.`} />
          <label htmlFor="refund-reason">Motivo</label>
          <input id="refund-reason" value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} />
          {step === 'refund' ? (
            <div className="row">
              <button type="submit" className="button" disabled={!refundCentavos || !!refundError || reason.trim().length < 3}>Continuar</button>
              <button type="button" className="button secondary" onClick={() => setStep(null)}>Cancelar</button>
            </div>
          ) : (
            <div className="confirm-box">
              <p><strong>Reembolsar {formatBRL(refundCentavos ?? 0)} para {payment.payer?.name}?</strong> Não é possível desfazer.</p>
              <ErrorNotice error={refunding.error} />
              <div className="row">
                <button
                  type="button"
                  className="button danger"
                  disabled={refunding.loading}
                  onClick={() =>
                    void refund({ variables: { input: { paymentId: payment.id, amountCentavos: refundCentavos!, reason: reason.trim(), idempotencyKey: refundKey } } }).then(
                      () => {
                        setStep(null);
                        setAmount('');
                        setReason('');
                        setRefundKey(crypto.randomUUID());
                        onDone('Reembolso solicitado: o paciente recebe pelo mesmo meio de pagamento (boleto: PIX no CPF).');
                      },
                      () => undefined,
                    )
                  }
                >
                  {refunding.loading ? 'Reembolsando…' : 'Sim, reembolsar'}
                </button>
                <button type="button" className="button secondary" onClick={() => setStep('refund')}>Voltar</button>
              </div>
            </div>
          )}
        </form>
      ) : (
        <button type="button" className="button secondary" onClick={() => setStep('refund')}>Reembolsar o paciente</button>
      )}
    </section>
  );
}
