'use client';
// Platform figures from the payments data (volume, counts by status and method, money held) over a
// period, the books' health at a glance, and the way into the GraphiQL sandbox.
import { useQuery } from '@apollo/client/react';
import { formatBRL, formatDate, methodLabel, paymentStatusLabel } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { ErrorNotice, Loading } from '@medpay/web/ui';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { addDays, todayInSaoPaulo } from '@medpay/web/format';

const PlatformFiguresQuery = graphql(`
  query PlatformFigures($from: String, $to: String) {
    platformFigures(from: $from, to: $to) {
      from to paymentCount paidCount volumeCentavos refundedCentavos escrowHeldCentavos clinicsAvailableCentavos platformRevenueCentavos
      byStatus { status count grossCentavos }
      byMethod { method count grossCentavos }
    }
    pending: clinics(filter: { status: PENDING_REVIEW }, first: 50) { edges { node { id } } }
  }
`);

export default function Overview() {
  const today = todayInSaoPaulo();
  const [form, setForm] = useState({ from: addDays(today, -29), to: today });
  const [range, setRange] = useState(form);
  const { data, loading, error } = useQuery(PlatformFiguresQuery, { variables: range });
  const figures = data?.platformFigures;
  const pending = data?.pending.edges.length ?? 0;
  const maxCount = Math.max(1, ...(figures?.byStatus.map((row) => row.count) ?? []));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setRange(form);
  };
  return (
    <>
      <h1>Visão geral</h1>
      {pending > 0 ? <p className="notice notice-info"><Link href="/clinicas">{pending === 1 ? '1 clínica aguarda' : `${pending} clínicas aguardam`} análise de cadastro.</Link></p> : null}
      <form className="card filters" onSubmit={apply} aria-label="Período">
        <div><label htmlFor="o-from">De</label><input id="o-from" type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} /></div>
        <div><label htmlFor="o-to">Até</label><input id="o-to" type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} /></div>
        <div className="filter-actions"><button type="submit" className="button">Atualizar</button></div>
      </form>
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : null}
      {figures ? (
        <>
          <section className="tiles" aria-label={`Números de ${formatDate(figures.from)} a ${formatDate(figures.to)}`}>
            <div className="card tile"><p className="muted">Volume pago no período</p><p className="big money" data-testid="volume">{formatBRL(figures.volumeCentavos)}</p><p className="hint">{figures.paidCount} de {figures.paymentCount} pagamentos criados</p></div>
            <div className="card tile"><p className="muted">Em garantia agora</p><p className="big money" data-testid="escrow-held">{formatBRL(figures.escrowHeldCentavos)}</p><p className="hint">Todas as clínicas</p></div>
            <div className="card tile"><p className="muted">Liberado, a repassar</p><p className="big money">{formatBRL(figures.clinicsAvailableCentavos)}</p></div>
            <div className="card tile"><p className="muted">Receita de taxas (total)</p><p className="big money">{formatBRL(figures.platformRevenueCentavos)}</p><p className="hint">Reembolsado no período: {formatBRL(figures.refundedCentavos)}</p></div>
          </section>
          <div className="columns">
            <section className="card">
              <h2>Pagamentos por status</h2>
              <table>
                <thead><tr><th>Status</th><th className="num">Quantidade</th><th className="num">Valor</th><th><span className="visually-hidden">Proporção</span></th></tr></thead>
                <tbody>
                  {figures.byStatus.map((row) => (
                    <tr key={row.status}>
                      <td><Link href={`/pagamentos?status=${row.status}&de=${figures.from}&ate=${figures.to}`}>{paymentStatusLabel[row.status]}</Link></td>
                      <td className="num">{row.count}</td>
                      <td className="num money">{formatBRL(row.grossCentavos)}</td>
                      <td className="bar-cell" aria-hidden="true"><span className="bar" style={{ width: `${(row.count / maxCount) * 100}%` }} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {figures.byStatus.length === 0 ? <p className="muted">Nenhum pagamento no período.</p> : null}
            </section>
            <section className="card">
              <h2>Pagos por forma</h2>
              <table>
                <thead><tr><th>Forma</th><th className="num">Quantidade</th><th className="num">Valor</th></tr></thead>
                <tbody>
                  {figures.byMethod.map((row) => (
                    <tr key={row.method}><td>{methodLabel[row.method]}</td><td className="num">{row.count}</td><td className="num money">{formatBRL(row.grossCentavos)}</td></tr>
                  ))}
                </tbody>
              </table>
              <p className="hint"><Link href="/livro-razao">Ver a saúde do livro-razão</Link></p>
            </section>
          </div>
        </>
      ) : null}
    </>
  );
}
