'use client';
// The clinic's payments: filters (status, method, period, patient) and live updates through
// clinicPaymentEvents: a new or changed payment shows up without reloading the page.
import { useQuery, useSubscription } from '@apollo/client/react';
import { formatBRL, formatDateTime, methodLabel, paymentStatusLabel } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import type { ClinicPaymentFilter, PaymentMethod, PaymentStatus } from '@medpay/web/types';
import { ErrorNotice, Loading, LoadMore, StatusBadge, TableScroll } from '@medpay/web/ui';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useClinic } from '../../../../components/clinic-context';

const ClinicPayments = graphql(`
  query ClinicPayments($clinicId: ID!, $filter: ClinicPaymentFilter, $after: String) {
    clinic(id: $clinicId) {
      id
      payments(filter: $filter, first: 25, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          node {
            id status escrowState method installmentCount createdAt
            amounts { grossCentavos clinicNetCentavos refundedCentavos }
            payer { id name }
            procedure { id name }
          }
        }
      }
    }
  }
`);

const ClinicPaymentEvents = graphql(`
  subscription ClinicPaymentEvents($clinicId: ID!) {
    clinicPaymentEvents(clinicId: $clinicId) { id status from at payment { id status escrowState } }
  }
`);

const STATUSES = Object.keys(paymentStatusLabel) as PaymentStatus[];
const METHODS = Object.keys(methodLabel) as PaymentMethod[];

export default function PaymentsPage() {
  const clinic = useClinic();
  const [form, setForm] = useState({ status: '', method: '', from: '', to: '', patient: '' });
  const [filter, setFilter] = useState<ClinicPaymentFilter>({});
  const { data, loading, error, refetch, fetchMore } = useQuery(ClinicPayments, { variables: { clinicId: clinic.id, filter } });
  const [lastEvent, setLastEvent] = useState<string | null>(null);
  const live = useSubscription(ClinicPaymentEvents, {
    variables: { clinicId: clinic.id },
    onData: ({ data: event }) => {
      const change = event.data?.clinicPaymentEvents;
      if (!change) return;
      setLastEvent(change.at);
      // Rows already shown update through the cache; a new payment, or one that now matches the
      // filters, needs the list asked again.
      void refetch();
    },
  });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter({
      statuses: form.status ? [form.status as PaymentStatus] : null,
      method: (form.method || null) as PaymentMethod | null,
      from: form.from || null,
      to: form.to || null,
      patient: form.patient.trim() || null,
    });
  };
  const payments = data?.clinic?.payments;
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });

  return (
    <>
      <h1>Pagamentos</h1>
      <form className="card filters" onSubmit={apply} aria-label="Filtros">
        <div>
          <label htmlFor="f-patient">Paciente</label>
          <input id="f-patient" value={form.patient} onChange={set('patient')} placeholder="Nome, CPF completo ou código" aria-describedby="f-patient-hint" />
          <p className="hint" id="f-patient-hint">Ao menos 3 letras do nome.</p>
        </div>
        <div>
          <label htmlFor="f-status">Status</label>
          <select id="f-status" value={form.status} onChange={set('status')}>
            <option value="">Todos</option>
            {STATUSES.map((status) => <option key={status} value={status}>{paymentStatusLabel[status]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="f-method">Forma</label>
          <select id="f-method" value={form.method} onChange={set('method')}>
            <option value="">Todas</option>
            {METHODS.map((method) => <option key={method} value={method}>{methodLabel[method]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="f-from">De</label>
          <input id="f-from" type="date" value={form.from} onChange={set('from')} />
        </div>
        <div>
          <label htmlFor="f-to">Até</label>
          <input id="f-to" type="date" value={form.to} onChange={set('to')} />
        </div>
        <div className="filter-actions">
          <button type="submit" className="button">Filtrar</button>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setForm({ status: '', method: '', from: '', to: '', patient: '' });
              setFilter({});
            }}
          >
            Limpar
          </button>
        </div>
      </form>

      <p className="muted live" aria-live="polite">
        {live.error ? 'Atualização automática indisponível; recarregue a página para ver novidades.' : 'Atualização automática ligada.'}
        {lastEvent ? ` Última novidade às ${formatDateTime(lastEvent).split(' às ')[1]}.` : ''}
      </p>
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : null}
      {payments ? (
        <>
          <p className="muted">{payments.totalCount === 1 ? '1 pagamento' : `${payments.totalCount} pagamentos`}</p>
          <TableScroll label="Pagamentos">
            <table className="payments">
              <thead>
                <tr><th>Data</th><th>Paciente</th><th>Procedimento</th><th>Forma</th><th className="num">Valor</th><th className="num">Líquido da clínica</th><th>Status</th><th><span className="visually-hidden">Ações</span></th></tr>
              </thead>
              <tbody>
                {payments.edges.map(({ node }) => (
                  <tr key={node.id} data-payment-id={node.id}>
                    <td>{formatDateTime(node.createdAt!)}</td>
                    <td>{node.payer?.name}</td>
                    <td>{node.procedure?.name}</td>
                    <td>{methodLabel[node.method!]}{node.installmentCount && node.installmentCount > 1 ? ` ${node.installmentCount}×` : ''}</td>
                    <td className="num money">{formatBRL(node.amounts?.grossCentavos ?? 0)}</td>
                    <td className="num money">{formatBRL(node.amounts?.clinicNetCentavos ?? 0)}</td>
                    <td><StatusBadge status={node.status!} /></td>
                    <td><Link href={`/clinicas/${clinic.id}/pagamentos/${node.id}`}>Detalhes<span className="visually-hidden"> do pagamento de {node.payer?.name}</span></Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {payments.edges.length === 0 ? <p className="notice notice-info">Nenhum pagamento com esses filtros.</p> : null}
          <LoadMore pageInfo={payments.pageInfo} onMore={(after) => void fetchMore({ variables: { after } })} />
        </>
      ) : null}
    </>
  );
}
