'use client';
// One payment as the clinic sees it: split, timeline, installments, live status; confirming the
// procedure (which releases escrow) and refunds, each behind a confirmation step.
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { escrowStateLabel, formatBRL, formatDate, formatDateTime, installmentStatusLabel, methodLabel, paymentStatusLabel, planKindLabel } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { ErrorNotice, Loading, StatusBadge, Timeline } from '@medpay/web/ui';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useClinic } from '../../../../../components/clinic-context';
import { MoneyInput, parseAmount } from '../../../../../components/money-input';

const ClinicPayment = graphql(`
  query ClinicPayment($id: ID!) {
    payment(id: $id) { ...ClinicPaymentDetails }
  }
`);

const ClinicPaymentLive = graphql(`
  subscription ClinicPaymentLive($id: ID!) {
    paymentStatusChanged(paymentId: $id) { ...ClinicPaymentDetails }
  }
`);

const ConfirmProcedure = graphql(`
  mutation ConfirmProcedure($id: ID!) {
    confirmProcedurePerformed(paymentId: $id) { ...ClinicPaymentDetails }
  }
`);

const ClinicRefund = graphql(`
  mutation ClinicRefund($input: RefundInput!) {
    refundPayment(input: $input) { ...ClinicPaymentDetails }
  }
`);

const REFUNDABLE = new Set(['PAID', 'IN_ESCROW', 'DISPUTED', 'PARTIALLY_REFUNDED', 'RELEASED', 'PAID_OUT']);

export default function ClinicPaymentPage() {
  const clinic = useClinic();
  const { paymentId } = useParams<{ paymentId: string }>();
  const { data, loading, error } = useQuery(ClinicPayment, { variables: { id: paymentId } });
  const live = useSubscription(ClinicPaymentLive, { variables: { id: paymentId }, skip: !data?.payment });
  const [confirm, confirming] = useMutation(ConfirmProcedure);
  const [refund, refunding] = useMutation(ClinicRefund);
  const [step, setStep] = useState<'confirm' | 'refund' | 'refund-check' | null>(null);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [refundKey, setRefundKey] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState<string | null>(null);

  if (loading && !data) return <Loading />;
  const payment = data?.payment;
  // Another clinic's payment (an id typed in the URL) is "not found" here as in the graph.
  if (!payment?.status || payment.clinic?.id !== clinic.id) {
    return (
      <>
        {error && !/não encontrado/i.test(error.message) ? <ErrorNotice error={error} /> : <p className="notice notice-info" role="alert">Pagamento não encontrado nesta clínica.</p>}
        <p><Link href={`/clinicas/${clinic.id}/pagamentos`}>Voltar aos pagamentos</Link></p>
      </>
    );
  }

  const amounts = payment.amounts!;
  const left = amounts.grossCentavos - amounts.refundedCentavos;
  const confirmable = payment.escrowState === 'HELD' && (payment.status === 'IN_ESCROW' || payment.status === 'PARTIALLY_REFUNDED');
  const refundable = REFUNDABLE.has(payment.status) && payment.planKind !== 'CREDIARIO' && left > 0;
  const refundCentavos = parseAmount(amount);
  const refundError = amount && (refundCentavos === null || refundCentavos <= 0) ? 'Valor inválido.' : refundCentavos !== null && refundCentavos > left ? `No máximo ${formatBRL(left)}.` : null;
  const fromEscrow = payment.escrowState === 'HELD';

  const submitRefund = (event: FormEvent) => {
    event.preventDefault();
    if (!refundCentavos || refundError || reason.trim().length < 3) return;
    setStep('refund-check');
  };

  return (
    <>
      <p className="muted"><Link href={`/clinicas/${clinic.id}/pagamentos`}>Pagamentos</Link> › {payment.payer?.name}</p>
      <div className="spread">
        <h1>{payment.procedure?.name}</h1>
        <StatusBadge status={payment.status} />
      </div>
      <p className="muted">
        {payment.payer?.name} · {formatDateTime(payment.createdAt!)} · {planKindLabel[payment.planKind!]} · {methodLabel[payment.method!]}
        {payment.installmentCount && payment.installmentCount > 1 ? ` ${payment.installmentCount}×` : ''}
        {payment.card ? ` · ${payment.card.brand} final ${payment.card.last4}` : ''}
      </p>
      {live.error ? <p className="hint">Atualização automática indisponível; recarregue para ver o status.</p> : null}
      {done ? <p className="notice notice-ok" role="status">{done}</p> : null}

      <div className="columns">
        <section className="card" aria-labelledby="split-title">
          <h2 id="split-title">Divisão do valor</h2>
          <table className="split">
            <tbody>
              <tr><th scope="row">Valor do procedimento</th><td className="num money">{formatBRL(amounts.grossCentavos)}</td></tr>
              <tr><th scope="row">Taxa MedPay</th><td className="num money">− {formatBRL(amounts.platformFeeCentavos)}</td></tr>
              <tr><th scope="row">Custo de processamento</th><td className="num money">− {formatBRL(amounts.processingCostCentavos)}</td></tr>
              <tr className="total"><th scope="row">Líquido da clínica</th><td className="num money" data-testid="clinic-net">{formatBRL(amounts.clinicNetCentavos)}</td></tr>
              {amounts.refundedCentavos > 0 ? <tr><th scope="row">Reembolsado ao paciente</th><td className="num money">{formatBRL(amounts.refundedCentavos)}</td></tr> : null}
              {amounts.patientTotalCentavos !== amounts.grossCentavos ? <tr><th scope="row">Total pago pelo paciente (com juros)</th><td className="num money">{formatBRL(amounts.patientTotalCentavos)}</td></tr> : null}
            </tbody>
          </table>
        </section>

        <section className="card" aria-labelledby="escrow-title">
          <h2 id="escrow-title">Garantia</h2>
          <p><strong data-testid="escrow-state">{escrowStateLabel[payment.escrowState!]}</strong></p>
          {payment.escrowState === 'HELD' && payment.escrowReleaseDueAt ? <p className="hint">Liberação automática em {formatDate(payment.escrowReleaseDueAt)}, se o paciente não contestar.</p> : null}
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
                        setDone('Atendimento confirmado: o valor foi liberado e o repasse está a caminho.');
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
      </div>

      {payment.installments?.length ? (
        <section className="card">
          <h2>Parcelas do paciente</h2>
          <p className="hint">No crediário a MedPay paga a clínica integralmente; as parcelas são do paciente com a MedPay.</p>
          <table>
            <thead><tr><th>Nº</th><th>Vencimento</th><th className="num">Valor</th><th>Situação</th></tr></thead>
            <tbody>
              {payment.installments.map((installment) => (
                <tr key={installment.id}><td>{installment.number}</td><td>{formatDate(installment.dueDate)}</td><td className="num money">{formatBRL(installment.amountCentavos)}</td><td>{installmentStatusLabel[installment.status]}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section className="card">
        <h2>Linha do tempo</h2>
        <Timeline items={(payment.history ?? []).map((change) => ({ at: change.at, title: paymentStatusLabel[change.to], detail: change.reason }))} />
      </section>

      {refundable ? (
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
                            setDone('Reembolso solicitado: o paciente recebe pelo mesmo meio de pagamento (boleto: PIX no CPF).');
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
      ) : payment.planKind === 'CREDIARIO' && REFUNDABLE.has(payment.status) ? (
        <p className="hint">Reembolsos de crediário são feitos pela central da MedPay, com o cancelamento do contrato.</p>
      ) : null}
    </>
  );
}
