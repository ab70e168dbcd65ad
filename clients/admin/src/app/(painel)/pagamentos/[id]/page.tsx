'use client';
// One payment in full for the back office: split, timeline, installments, charges' outcome, and its
// ledger transactions entry by entry; disputes and anti-fraud reviews are decided and refunds made here.
import { useMutation, useQuery } from '@apollo/client/react';
import { escrowStateLabel, formatBRL, formatDate, formatDateTime, formatRate, installmentStatusLabel, methodLabel, paymentStatusLabel, planKindLabel } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { ErrorNotice, Loading, StatusBadge, Timeline } from '@medpay/web/ui';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { FraudReview } from '../../../../components/fraud-review';
import { PaymentRefund } from '../../../../components/payment-refund';

const AdminPayment = graphql(`
  query AdminPayment($id: ID!) {
    payment(id: $id) {
      id status escrowState method planKind installmentCount createdAt escrowReleaseDueAt disputeReason monthlyInterestRate iofCentavos cetAnnualRate
      amounts { grossCentavos platformFeeCentavos processingCostCentavos clinicNetCentavos patientTotalCentavos refundedCentavos }
      payer { id name email cpfMasked }
      clinic { id tradeName cnpj }
      procedure { id name }
      card { brand last4 approved declineReason }
      history { from to reason at }
      installments { id number dueDate amountCentavos lateChargesCentavos status }
      ledgerEntries { transactionId description account direction amountCentavos at }
      hold
      fraudAssessment { score decision source modelVersion assessedAt reasons { code text } features { name value } review { decision note decidedAt } }
    }
  }
`);

const ResolveDispute = graphql(`
  mutation ResolveDispute($id: ID!, $inFavorOf: DisputeOutcome!) {
    resolveDispute(paymentId: $id, inFavorOf: $inFavorOf) { id status escrowState amounts { refundedCentavos } history { from to reason at } }
  }
`);

export default function AdminPaymentPage() {
  const { id } = useParams<{ id: string }>();
  const { data, loading, error, refetch } = useQuery(AdminPayment, { variables: { id } });
  const [resolve, resolving] = useMutation(ResolveDispute);
  const [deciding, setDeciding] = useState<'CLINIC' | 'PATIENT' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (loading && !data) return <Loading />;
  const payment = data?.payment;
  if (!payment?.status) return error ? <ErrorNotice error={error} /> : <p className="notice notice-info">Pagamento não encontrado.</p>;
  const amounts = payment.amounts!;
  const transactions = new Map<string, { description: string; at: string; entries: NonNullable<typeof payment.ledgerEntries> }>();
  for (const entry of payment.ledgerEntries ?? []) {
    const group = transactions.get(entry.transactionId) ?? { description: entry.description, at: entry.at, entries: [] };
    group.entries.push(entry);
    transactions.set(entry.transactionId, group);
  }
  return (
    <>
      <p className="muted"><Link href="/pagamentos">Pagamentos</Link> › <span className="mono">{payment.id}</span></p>
      <div className="spread">
        <h1>{payment.procedure?.name} · {payment.clinic?.tradeName}</h1>
        <StatusBadge status={payment.status} hold={payment.hold} />
      </div>
      <p className="muted">
        <Link href={`/usuarios/${payment.payer?.id}`}>{payment.payer?.name}</Link> ({payment.payer?.cpfMasked ?? 'sem CPF'}) · {formatDateTime(payment.createdAt!)} · {planKindLabel[payment.planKind!]} · {methodLabel[payment.method!]}
        {payment.installmentCount && payment.installmentCount > 1 ? ` ${payment.installmentCount}×` : ''}
        {payment.card ? ` · ${payment.card.brand} final ${payment.card.last4} (${payment.card.approved ? 'aprovado' : `recusado: ${payment.card.declineReason ?? ''}`})` : ''}
      </p>
      {done ? <p className="notice notice-ok" role="status">{done}</p> : null}
      <div className="columns">
        <section className="card">
          <h2>Valores</h2>
          <dl className="facts">
            <dt>Procedimento (base da divisão)</dt><dd className="money">{formatBRL(amounts.grossCentavos)}</dd>
            <dt>Taxa MedPay</dt><dd className="money">{formatBRL(amounts.platformFeeCentavos)}</dd>
            <dt>Custo de processamento</dt><dd className="money">{formatBRL(amounts.processingCostCentavos)}</dd>
            <dt>Líquido da clínica</dt><dd className="money">{formatBRL(amounts.clinicNetCentavos)}</dd>
            <dt>Total do paciente</dt><dd className="money">{formatBRL(amounts.patientTotalCentavos)}</dd>
            <dt>Reembolsado</dt><dd className="money" data-testid="refunded">{formatBRL(amounts.refundedCentavos)}</dd>
            {payment.planKind === 'CREDIARIO' ? (<><dt>Juros / IOF / CET</dt><dd>{formatRate(payment.monthlyInterestRate ?? 0)} a.m. · {formatBRL(payment.iofCentavos ?? 0)} · {formatRate(payment.cetAnnualRate ?? 0)} a.a.</dd></>) : null}
          </dl>
        </section>
        <section className="card">
          <h2>Garantia</h2>
          <p><strong>{escrowStateLabel[payment.escrowState!]}</strong></p>
          {payment.escrowState === 'HELD' && payment.escrowReleaseDueAt ? <p className="hint">Liberação automática em {formatDate(payment.escrowReleaseDueAt)}.</p> : null}
          {payment.status === 'DISPUTED' ? (
            <div className="confirm-box">
              <p><strong>Contestação do paciente:</strong> {payment.disputeReason}</p>
              {deciding ? (
                <>
                  <p>{deciding === 'CLINIC' ? 'Liberar o valor à clínica?' : `Reembolsar ${formatBRL(amounts.grossCentavos - amounts.refundedCentavos)} ao paciente?`} Não é possível desfazer.</p>
                  <ErrorNotice error={resolving.error} />
                  <div className="row">
                    <button type="button" className="button" disabled={resolving.loading} onClick={() => void resolve({ variables: { id: payment.id, inFavorOf: deciding } }).then(() => { setDeciding(null); void refetch(); }, () => undefined)}>Confirmar</button>
                    <button type="button" className="button secondary" onClick={() => setDeciding(null)}>Cancelar</button>
                  </div>
                </>
              ) : (
                <div className="row">
                  <button type="button" className="button secondary" onClick={() => setDeciding('CLINIC')}>Decidir a favor da clínica</button>
                  <button type="button" className="button secondary" onClick={() => setDeciding('PATIENT')}>Decidir a favor do paciente</button>
                </div>
              )}
            </div>
          ) : null}
        </section>
      </div>
      {payment.fraudAssessment ? (
        <FraudReview
          paymentId={payment.id}
          held={payment.hold === 'FRAUD_REVIEW'}
          assessment={payment.fraudAssessment}
          onDone={(message) => {
            setDone(message);
            void refetch().catch(() => undefined);
          }}
        />
      ) : null}
      <PaymentRefund
        payment={{ id: payment.id, status: payment.status, planKind: payment.planKind!, escrowState: payment.escrowState!, payerName: payment.payer?.name }}
        left={amounts.grossCentavos - amounts.refundedCentavos}
        onDone={(message) => {
          setDone(message);
          void refetch().catch(() => undefined);
        }}
      />
      <section className="card">
        <h2>Linha do tempo</h2>
        <Timeline items={(payment.history ?? []).map((change) => ({ at: change.at, title: paymentStatusLabel[change.to], detail: change.reason }))} />
      </section>
      {payment.installments?.length ? (
        <section className="card">
          <h2>Parcelas</h2>
          <table>
            <thead><tr><th>Nº</th><th>Vencimento</th><th className="num">Valor</th><th className="num">Encargos</th><th>Situação</th></tr></thead>
            <tbody>
              {payment.installments.map((i) => <tr key={i.id}><td>{i.number}</td><td>{formatDate(i.dueDate)}</td><td className="num money">{formatBRL(i.amountCentavos)}</td><td className="num money">{formatBRL(i.lateChargesCentavos)}</td><td>{installmentStatusLabel[i.status]}</td></tr>)}
            </tbody>
          </table>
        </section>
      ) : null}
      <section className="card">
        <h2>Lançamentos no livro-razão</h2>
        {transactions.size === 0 ? <p className="muted">Nenhum lançamento (nada foi recebido).</p> : null}
        <table className="ledger">
          <thead><tr><th>Data</th><th>Transação</th><th>Conta</th><th className="num">Débito</th><th className="num">Crédito</th></tr></thead>
          <tbody>
            {[...transactions.entries()].map(([transactionId, group]) =>
              group.entries.map((entry, index) => (
                <tr key={`${transactionId}-${index}`} className={index === 0 ? 'first' : undefined}>
                  <td>{index === 0 ? formatDateTime(group.at) : ''}</td>
                  <td>{index === 0 ? <><strong>{group.description}</strong><br /><span className="mono muted">{transactionId}</span></> : ''}</td>
                  <td className="mono">{entry.account}</td>
                  <td className="num money">{entry.direction === 'DEBIT' ? formatBRL(entry.amountCentavos) : ''}</td>
                  <td className="num money">{entry.direction === 'CREDIT' ? formatBRL(entry.amountCentavos) : ''}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </section>
    </>
  );
}
