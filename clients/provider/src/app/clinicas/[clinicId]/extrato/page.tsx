'use client';
// The clinic's statement from the ledger: every movement of its escrow and available money in a
// period, with running balances, the fees of each release and the status of each payout at the
// bank, so it reconciles with the bank statement. Exportable as CSV.
import { useQuery } from '@apollo/client/react';
import { formatBRL, formatDate, formatDateTime } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { ErrorNotice, Loading, TableScroll } from '@medpay/web/ui';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useClinic } from '../../../../components/clinic-context';
import { csvAmount, download, toCsv } from '../../../../components/csv';
import { startOfMonth, todayInSaoPaulo } from '@medpay/web/format';
import { statementKindLabel, transferStatusLabel } from '../../../../components/labels';

const ClinicStatement = graphql(`
  query ClinicStatement($clinicId: ID!, $from: String!, $to: String!) {
    clinic(id: $clinicId) {
      id
      statement(from: $from, to: $to) {
        from to openingEscrowCentavos openingAvailableCentavos closingEscrowCentavos closingAvailableCentavos payoutsCentavos payoutsConfirmedCentavos
        entries {
          id at kind description escrowCentavos availableCentavos feesCentavos escrowBalanceCentavos availableBalanceCentavos transferStatus
          payment { id payer { id name } procedure { id name } }
        }
      }
    }
  }
`);

const signed = (centavos: number) => (centavos === 0 ? '—' : `${centavos > 0 ? '+' : '−'} ${formatBRL(Math.abs(centavos))}`);

export default function StatementPage() {
  const clinic = useClinic();
  const today = todayInSaoPaulo();
  const [form, setForm] = useState({ from: startOfMonth(today), to: today });
  const [range, setRange] = useState(form);
  const { data, loading, error } = useQuery(ClinicStatement, { variables: { clinicId: clinic.id, ...range } });
  const statement = data?.clinic?.statement;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (form.from && form.to) setRange(form);
  };
  const exportCsv = () => {
    if (!statement) return;
    const rows = statement.entries.map((entry) => [
      formatDateTime(entry.at),
      statementKindLabel[entry.kind],
      entry.description,
      entry.payment?.id ?? '',
      entry.payment?.payer?.name ?? '',
      csvAmount(entry.escrowCentavos),
      csvAmount(entry.availableCentavos),
      csvAmount(entry.feesCentavos),
      csvAmount(entry.escrowBalanceCentavos),
      csvAmount(entry.availableBalanceCentavos),
      entry.transferStatus ? transferStatusLabel[entry.transferStatus] : '',
    ]);
    const csv = toCsv(
      ['Data', 'Movimento', 'Descrição', 'Pagamento', 'Paciente', 'Garantia (R$)', 'Disponível (R$)', 'Tarifas (R$)', 'Saldo em garantia (R$)', 'Saldo disponível (R$)', 'Situação no banco'],
      [
        ['', 'Saldo inicial', '', '', '', '', '', '', csvAmount(statement.openingEscrowCentavos), csvAmount(statement.openingAvailableCentavos), ''],
        ...rows,
        ['', 'Saldo final', '', '', '', '', '', '', csvAmount(statement.closingEscrowCentavos), csvAmount(statement.closingAvailableCentavos), ''],
      ],
    );
    download(`extrato-${clinic.tradeName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${statement.from}-a-${statement.to}.csv`, csv);
  };

  return (
    <>
      <h1>Extrato</h1>
      <form className="card filters" onSubmit={apply} aria-label="Período">
        <div>
          <label htmlFor="s-from">De</label>
          <input id="s-from" type="date" value={form.from} max={form.to} onChange={(e) => setForm({ ...form, from: e.target.value })} required />
        </div>
        <div>
          <label htmlFor="s-to">Até</label>
          <input id="s-to" type="date" value={form.to} min={form.from} onChange={(e) => setForm({ ...form, to: e.target.value })} required />
        </div>
        <div className="filter-actions">
          <button type="submit" className="button">Ver extrato</button>
          <button type="button" className="button secondary" onClick={exportCsv} disabled={!statement}>Exportar CSV</button>
        </div>
      </form>
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : null}
      {statement ? (
        <>
          <section className="tiles" aria-label="Resumo do período">
            <div className="card tile"><p className="muted">Em garantia em {formatDate(statement.to)}</p><p className="big money">{formatBRL(statement.closingEscrowCentavos)}</p><p className="hint">Início: {formatBRL(statement.openingEscrowCentavos)}</p></div>
            <div className="card tile"><p className="muted">Disponível em {formatDate(statement.to)}</p><p className="big money">{formatBRL(statement.closingAvailableCentavos)}</p><p className="hint">Início: {formatBRL(statement.openingAvailableCentavos)}</p></div>
            <div className="card tile"><p className="muted">Repasses no período</p><p className="big money" data-testid="statement-payouts">{formatBRL(statement.payoutsCentavos)}</p><p className="hint">Concluídos no banco: {formatBRL(statement.payoutsConfirmedCentavos)}</p></div>
          </section>
          <TableScroll label="Movimentos">
            <table className="statement">
              <caption className="visually-hidden">Movimentos de {formatDate(statement.from)} a {formatDate(statement.to)}</caption>
              <thead>
                <tr><th>Data</th><th>Movimento</th><th>Paciente / procedimento</th><th className="num">Garantia</th><th className="num">Disponível</th><th className="num">Tarifas</th><th className="num">Saldo em garantia</th><th className="num">Saldo disponível</th><th>Banco</th></tr>
              </thead>
              <tbody>
                <tr className="subtotal"><td>{formatDate(statement.from)}</td><td colSpan={5}>Saldo inicial</td><td className="num money">{formatBRL(statement.openingEscrowCentavos)}</td><td className="num money">{formatBRL(statement.openingAvailableCentavos)}</td><td /></tr>
                {statement.entries.map((entry) => (
                  <tr key={entry.id} data-kind={entry.kind}>
                    <td>{formatDateTime(entry.at)}</td>
                    <td>{statementKindLabel[entry.kind]}</td>
                    <td>{entry.payment ? <Link href={`/clinicas/${clinic.id}/pagamentos/${entry.payment.id}`}>{entry.payment.payer?.name} · {entry.payment.procedure?.name}</Link> : entry.description}</td>
                    <td className="num money">{signed(entry.escrowCentavos)}</td>
                    <td className="num money">{signed(entry.availableCentavos)}</td>
                    <td className="num money">{entry.feesCentavos ? formatBRL(entry.feesCentavos) : '—'}</td>
                    <td className="num money">{formatBRL(entry.escrowBalanceCentavos)}</td>
                    <td className="num money">{formatBRL(entry.availableBalanceCentavos)}</td>
                    <td>{entry.transferStatus ? transferStatusLabel[entry.transferStatus] : ''}</td>
                  </tr>
                ))}
                <tr className="subtotal"><td>{formatDate(statement.to)}</td><td colSpan={5}>Saldo final</td><td className="num money">{formatBRL(statement.closingEscrowCentavos)}</td><td className="num money">{formatBRL(statement.closingAvailableCentavos)}</td><td /></tr>
              </tbody>
            </table>
          </TableScroll>
          {statement.entries.length === 0 ? <p className="notice notice-info">Nenhum movimento no período.</p> : null}
        </>
      ) : null}
    </>
  );
}
