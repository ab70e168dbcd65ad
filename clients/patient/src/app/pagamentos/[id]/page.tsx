'use client';
// One payment: what to pay now, its status live through the subscription (no reload), the timeline,
// and what the patient may do next (cancel while in escrow — a crediário by its own rules — or dispute).
// A crediário is signed here first (components/contract-signing.tsx); paid charges leave receipts.
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { escrowStateLabel, formatBRL, formatDate, formatRate, installmentStatusLabel, methodLabel, paidStatuses, paymentStatusLabel, planKindLabel } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { RequireSession } from '@medpay/web/session';
import { ErrorNotice, Loading, StatusBadge, TableScroll, Timeline } from '@medpay/web/ui';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { ContractSigningStep, ContractSummary, Receipts } from '../../../components/contract-signing';
import { CrediarioPayoff } from '../../../components/crediario-payoff';
import { PayWithCardForm } from '../../../components/pay-with-card';
import { BoletoInstructions, PixInstructions } from '../../../components/payment-instructions';

const PaymentPage = graphql(`
  query PaymentPage($id: ID!) {
    payment(id: $id) { ...PaymentDetails ...PaymentDocumentsFields }
  }
`);

const PaymentLive = graphql(`
  subscription PaymentLive($id: ID!) {
    paymentStatusChanged(paymentId: $id) { ...PaymentDetails }
  }
`);

const CancelPayment = graphql(`
  mutation CancelPayment($input: RefundInput!) {
    refundPayment(input: $input) { ...PaymentDetails }
  }
`);

const CancelCrediario = graphql(`
  mutation CancelCrediario($input: CancelCrediarioInput!) {
    cancelCrediario(input: $input) { ...PaymentDetails }
  }
`);

/** CDC art. 49: an online contract may be undone within 7 days of signing, with everything paid back. */
const REGRET_DAYS = 7;

const DisputePayment = graphql(`
  mutation DisputePayment($id: ID!, $reason: String!) {
    openDispute(paymentId: $id, reason: $reason) { ...PaymentDetails }
  }
`);

function Payment() {
  const { id } = useParams<{ id: string }>();
  const { data, loading, error, startPolling, stopPolling, refetch } = useQuery(PaymentPage, { variables: { id } });
  // Each event carries the whole payment; Apollo's cache merges it into the query above by id.
  const live = useSubscription(PaymentLive, { variables: { id } });
  const [cancel, canceling] = useMutation(CancelPayment);
  const [cancelContract, cancelingContract] = useMutation(CancelCrediario);
  const [dispute, disputing] = useMutation(DisputePayment);
  const [cancelKey] = useState(() => crypto.randomUUID());
  const [action, setAction] = useState<'cancel' | 'dispute' | null>(null);
  const [reason, setReason] = useState('');
  // Signed or refused in the embedded page: the graph hears it from ClickSign a moment later.
  const [signingAnswered, setSigningAnswered] = useState(false);
  const status = data?.payment?.status;
  const contractStatus = data?.payment?.contract?.status;
  // A charge is issued a moment after the status moves (a signed crediário's first installment): no
  // event brings it, so the page asks until it is there.
  const chargePending = status === 'AWAITING_PAYMENT' && !data?.payment?.hold && data?.payment?.method !== 'CARD' && !data?.payment?.pix && !data?.payment?.boleto;
  // Paid while on the page: its receipt is issued a few seconds later, asked for during a minute.
  const receipts = data?.payment?.receipts?.length ?? 0;
  const [receiptsBefore, setReceiptsBefore] = useState<number | null>(null);
  const receiptPending = receiptsBefore !== null && receipts <= receiptsBefore;
  useEffect(() => {
    if (receiptsBefore === null) return;
    const giveUp = setTimeout(() => setReceiptsBefore(null), 60_000);
    return () => clearTimeout(giveUp);
  }, [receiptsBefore]);
  const waiting = chargePending || receiptPending || (status === 'AWAITING_SIGNATURE' && (contractStatus === 'PENDING' || signingAnswered));
  useEffect(() => {
    if (!waiting) return;
    startPolling(2000);
    // Not there within a minute (the worker or ClickSign is late): the live status and a reload bring it.
    const giveUp = setTimeout(stopPolling, 60_000);
    return () => {
      clearTimeout(giveUp);
      stopPolling();
    };
  }, [waiting, startPolling, stopPolling]);
  // The subscription brings the new status; the documents (contract signed, a new receipt) are asked again.
  const lastStatus = useRef(status);
  useEffect(() => {
    if (lastStatus.current && status && lastStatus.current !== status) {
      void refetch().catch(() => undefined);
      if (paidStatuses.has(status) && !paidStatuses.has(lastStatus.current)) setReceiptsBefore(receipts);
    }
    lastStatus.current = status;
  }, [status, refetch, receipts]);

  if (loading && !data) return <Loading />;
  const payment = data?.payment;
  if (!payment?.status) return error ? <ErrorNotice error={error} /> : <p className="notice notice-info">Pagamento não encontrado.</p>;

  const paid = paidStatuses.has(payment.status);
  const held = payment.escrowState === 'HELD' && (payment.status === 'IN_ESCROW' || payment.status === 'PARTIALLY_REFUNDED');
  const left = (payment.amounts?.grossCentavos ?? 0) - (payment.amounts?.refundedCentavos ?? 0);
  const history = payment.history ?? [];
  const crediario = payment.planKind === 'CREDIARIO';
  const regretUntil = new Date(Date.parse(payment.createdAt!) + REGRET_DAYS * 86_400_000);
  const openInstallments = (payment.installments ?? []).filter((i) => i.status !== 'PAID').length;

  return (
    <>
      <p className="muted"><Link href="/pagamentos">Meus pagamentos</Link></p>
      <h1>{payment.procedure?.name}</h1>
      <section className="card status-card" aria-live="polite">
        <div className="spread">
          <span className="muted">{payment.clinic?.tradeName}</span>
          <StatusBadge status={payment.status} hold={payment.hold} />
        </div>
        <p className="big money">{formatBRL(payment.amounts?.patientTotalCentavos ?? 0)}</p>
        <p className="muted">
          {planKindLabel[payment.planKind!]} · {methodLabel[payment.method!]}
          {payment.installmentCount && payment.installmentCount > 1 ? ` · ${payment.installmentCount}×` : ''}
          {payment.planKind === 'CREDIARIO' ? ` · CET ${formatRate(payment.cetAnnualRate ?? 0)} a.a.` : ''}
        </p>
        {paid ? (
          <p className="notice notice-ok">
            Pagamento recebido. {payment.escrowState === 'HELD' ? 'O valor fica em garantia com a MedPay até a clínica confirmar o atendimento.' : escrowStateLabel[payment.escrowState!]}
            {payment.escrowState === 'HELD' && payment.escrowReleaseDueAt ? ` Liberação automática em ${formatDate(payment.escrowReleaseDueAt)}, salvo contestação.` : ''}
          </p>
        ) : null}
        {payment.hold === 'FRAUD_REVIEW' && payment.status === 'AWAITING_PAYMENT' ? (
          <p className="notice notice-info">
            Pagamento em análise. Por segurança, nossa equipe confere alguns pagamentos antes de emitir a cobrança; você é avisado assim que terminar, e nada é cobrado antes disso.
          </p>
        ) : null}
        {live.error ? <p className="hint">Atualização automática indisponível; recarregue para ver o status.</p> : null}
      </section>

      {payment.status === 'AWAITING_SIGNATURE' && payment.contract ? <ContractSigningStep contract={payment.contract} onOutcome={() => setSigningAnswered(true)} /> : null}
      {chargePending ? <p role="status" className="notice notice-info">Emitindo a cobrança{crediario ? ' da 1ª parcela' : ''}…</p> : null}
      {payment.status === 'AWAITING_PAYMENT' && payment.pix ? <PixInstructions pix={payment.pix} /> : null}
      {payment.status === 'AWAITING_PAYMENT' && payment.boleto ? <BoletoInstructions boleto={payment.boleto} /> : null}
      {payment.status === 'AWAITING_PAYMENT' && payment.method === 'CARD' && !payment.hold && !payment.card ? (
        <PayWithCardForm paymentId={payment.id} totalCentavos={payment.amounts?.patientTotalCentavos ?? 0} />
      ) : null}
      {payment.card ? (
        <section className="card">
          <h2>Cartão</h2>
          <p>{payment.card.brand} final {payment.card.last4} · {payment.card.approved ? 'aprovado' : `recusado${payment.card.declineReason ? `: ${payment.card.declineReason}` : ''}`}</p>
        </section>
      ) : null}

      {payment.installments?.length ? (
        <section className="card">
          <h2>Parcelas</h2>
          <TableScroll label="Parcelas do pagamento">
            <table>
              <thead><tr><th>Nº</th><th>Vencimento</th><th className="num">Valor</th><th>Situação</th></tr></thead>
              <tbody>
                {payment.installments.map((installment) => (
                  <tr key={installment.id}>
                    <td>{installment.number}</td>
                    <td>{formatDate(installment.dueDate)}</td>
                    <td className="num money">{formatBRL(installment.amountCentavos + installment.lateChargesCentavos)}</td>
                    <td>{installmentStatusLabel[installment.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p><Link href="/parcelas">Ver e pagar parcelas</Link></p>
        </section>
      ) : null}
      {crediario && openInstallments > 0 && ['PAID', 'IN_ESCROW', 'DISPUTED', 'RELEASED', 'PAID_OUT'].includes(payment.status) ? (
        <CrediarioPayoff paymentId={payment.id} openInstallments={openInstallments} onPixIssued={() => startPolling(3000)} />
      ) : null}

      {payment.status !== 'AWAITING_SIGNATURE' && payment.contract ? <ContractSummary contract={payment.contract} /> : null}
      <Receipts receipts={payment.receipts} />

      <p><Link href="/assistente?pergunta=Meu%20pagamento%20caiu%3F">Dúvidas sobre este pagamento? Pergunte ao assistente</Link></p>
      <section className="card">
        <h2>Histórico</h2>
        <Timeline items={history.map((change) => ({ at: change.at, title: paymentStatusLabel[change.to], detail: change.reason }))} />
      </section>

      {held ? (
        <section className="card">
          <h2>Precisa de ajuda?</h2>
          <div className="row">
            <button type="button" className="button secondary" onClick={() => setAction('cancel')}>{crediario ? 'Cancelar o crediário' : 'Cancelar e pedir reembolso'}</button>
            <button type="button" className="button secondary" onClick={() => setAction('dispute')}>Abrir contestação</button>
          </div>
          {action ? (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                const cancelReason = reason || 'Cancelado pelo paciente';
                const run =
                  action === 'dispute'
                    ? dispute({ variables: { id: payment.id, reason } })
                    : crediario
                      ? cancelContract({ variables: { input: { paymentId: payment.id, reason: cancelReason, idempotencyKey: cancelKey } } })
                      : cancel({ variables: { input: { paymentId: payment.id, amountCentavos: left, reason: cancelReason, idempotencyKey: cancelKey } } });
                void run.then(() => setAction(null), () => undefined);
              }}
            >
              <label htmlFor="motivo">{action === 'cancel' ? 'Motivo do cancelamento (opcional)' : 'O que aconteceu?'}</label>
              <textarea id="motivo" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} required={action === 'dispute'} minLength={action === 'dispute' ? 10 : undefined} />
              <p className="hint">
                {action === 'dispute'
                  ? 'A liberação à clínica fica suspensa até a MedPay analisar o caso.'
                  : !crediario
                    ? `Você recebe de volta ${formatBRL(left)} pelo mesmo meio de pagamento (boleto: por PIX no seu CPF).`
                    : Date.now() <= regretUntil.getTime()
                      ? `Você está no prazo de arrependimento (até ${formatDate(regretUntil.toISOString())}): o contrato é desfeito e você recebe de volta tudo o que pagou, por PIX no seu CPF, sem juros nem tarifas.`
                      : 'O contrato é encerrado e as próximas parcelas deixam de existir. Você recebe de volta, por PIX no seu CPF, o que as parcelas pagas abateram do valor financiado; os juros dessas parcelas ficam pelos meses em que o crédito esteve em uso.'}
              </p>
              <div className="row">
                <button type="submit" className="button danger" disabled={canceling.loading || cancelingContract.loading || disputing.loading}>{action === 'cancel' ? 'Confirmar cancelamento' : 'Enviar contestação'}</button>
                <button type="button" className="button secondary" onClick={() => setAction(null)}>Voltar</button>
              </div>
            </form>
          ) : null}
        </section>
      ) : null}
      <ErrorNotice error={canceling.error ?? cancelingContract.error ?? disputing.error} />
    </>
  );
}

export default function PaymentRoute() {
  return (
    <RequireSession>
      <Payment />
    </RequireSession>
  );
}
