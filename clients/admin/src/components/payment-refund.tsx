'use client';
// The back office's refund of a payment, as the clinic dashboard's refund card does it: amount and
// reason, then a check ("Não é possível desfazer"); the reason goes to the payment's history.
import { useMutation } from '@apollo/client/react';
import { formatBRL, refundableStatuses } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { MoneyInput, parseAmount } from '@medpay/web/money-input';
import type { EscrowState, PaymentStatus, PlanKind } from '@medpay/web/types';
import { ErrorNotice } from '@medpay/web/ui';
import { useState, type FormEvent } from 'react';

const AdminRefund = graphql(`
  mutation AdminRefund($input: RefundInput!) {
    refundPayment(input: $input) { id status escrowState amounts { refundedCentavos } history { from to reason at } }
  }
`);

interface PaymentRefundProps {
  payment: { id: string; status: PaymentStatus; planKind: PlanKind; escrowState: EscrowState; payerName?: string | null };
  /** What is left of the payment after refunds (gross − refunded), in centavos. */
  left: number;
  onDone: (message: string) => void;
}

export function PaymentRefund({ payment, left, onDone }: PaymentRefundProps) {
  const [refund, refunding] = useMutation(AdminRefund);
  const [step, setStep] = useState<'form' | 'check' | null>(null);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  // One key per refund the admin means to make: a retried click cannot refund twice.
  const [refundKey, setRefundKey] = useState(() => crypto.randomUUID());

  if (!refundableStatuses.has(payment.status) || left <= 0) return null;
  if (payment.planKind === 'CREDIARIO') {
    return (
      <section className="card" aria-labelledby="refund-title">
        <h2 id="refund-title">Reembolso</h2>
        <p className="hint" data-testid="refund-not-allowed">Crediário não é reembolsado por aqui: o reembolso acompanha o cancelamento do contrato.</p>
      </section>
    );
  }

  // A changed amount or reason is another refund: a new key, and the check asked again.
  const edit = (change: () => void) => {
    change();
    setRefundKey(crypto.randomUUID());
    setStep('form');
  };
  const refundCentavos = parseAmount(amount);
  const refundError = amount && (refundCentavos === null || refundCentavos <= 0) ? 'Valor inválido.' : refundCentavos !== null && refundCentavos > left ? `No máximo ${formatBRL(left)}.` : null;
  const reasonOk = reason.trim().length >= 3;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!refundCentavos || refundError || !reasonOk) return;
    setStep('check');
  };

  const confirm = () =>
    void refund({ variables: { input: { paymentId: payment.id, amountCentavos: refundCentavos!, reason: reason.trim(), idempotencyKey: refundKey } } }).then(
      () => {
        onDone(`Reembolso de ${formatBRL(refundCentavos!)} solicitado: o paciente recebe pelo mesmo meio de pagamento (boleto: PIX no CPF).`);
        setStep(null);
        setAmount('');
        setReason('');
        setRefundKey(crypto.randomUUID());
      },
      () => undefined,
    );

  return (
    <section className="card" aria-labelledby="refund-title">
      <h2 id="refund-title">Reembolso</h2>
      <p className="hint">
        {payment.escrowState === 'HELD'
          ? 'O valor ainda está em garantia: o reembolso sai da garantia, sem custo para o saldo da clínica.'
          : 'O valor já foi liberado: o reembolso é descontado do saldo da clínica, com a taxa MedPay e o custo devolvidos na mesma proporção.'}{' '}
        Disponível para reembolso: {formatBRL(left)}.
      </p>
      {step ? (
        <form onSubmit={submit} noValidate>
          <MoneyInput label="Valor do reembolso" value={amount} onChange={(value) => edit(() => setAmount(value))} error={refundError} hint={`Até ${formatBRL(left)}.`} />
          <label htmlFor="refund-reason">Motivo (fica no histórico do pagamento)</label>
          <input id="refund-reason" value={reason} onChange={(e) => edit(() => setReason(e.target.value))} required minLength={3} />
          {step === 'form' ? (
            <div className="row">
              <button type="submit" className="button" disabled={!refundCentavos || !!refundError || !reasonOk}>Continuar</button>
              <button type="button" className="button secondary" onClick={() => setStep(null)}>Cancelar</button>
            </div>
          ) : (
            <div className="confirm-box">
              <p><strong>Reembolsar {formatBRL(refundCentavos ?? 0)}{payment.payerName ? ` para ${payment.payerName}` : ''}?</strong> Não é possível desfazer.</p>
              <ErrorNotice error={refunding.error} />
              <div className="row">
                <button type="button" className="button danger" disabled={refunding.loading} onClick={confirm}>{refunding.loading ? 'Reembolsando…' : 'Sim, reembolsar'}</button>
                <button type="button" className="button secondary" onClick={() => setStep('form')}>Voltar</button>
              </div>
            </div>
          )}
        </form>
      ) : (
        <button type="button" className="button secondary" onClick={() => setStep('form')}>Reembolsar o paciente</button>
      )}
    </section>
  );
}
