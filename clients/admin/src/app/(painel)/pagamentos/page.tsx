'use client';
// Payments across the platform: by id, the payer's CPF (found through the users service's blind
// index, then searched by payer), clinic, status, method and period.
import { useApolloClient, useQuery } from '@apollo/client/react';
import { formatBRL, formatDateTime, methodLabel, paymentStatusLabel } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import type { PaymentMethod, PaymentSearch, PaymentStatus } from '@medpay/web/types';
import { ErrorNotice, Loading, LoadMore, StatusBadge } from '@medpay/web/ui';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Suspense, useState, type FormEvent } from 'react';

const AdminPayments = graphql(`
  query AdminPayments($filter: PaymentSearch, $after: String) {
    payments(filter: $filter, first: 25, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id status method createdAt amounts { grossCentavos } payer { id name } clinic { id tradeName } procedure { id name } } }
    }
  }
`);

const AdminClinicOptions = graphql(`
  query AdminClinicOptions {
    clinics(first: 100) { edges { node { id tradeName status } } }
  }
`);

const PayerByCpf = graphql(`
  query PayerByCpf($cpf: String!) {
    users(filter: { search: $cpf }, first: 2) { edges { node { id name } } }
  }
`);

const STATUSES = Object.keys(paymentStatusLabel) as PaymentStatus[];
const METHODS = Object.keys(methodLabel) as PaymentMethod[];

function Search() {
  const params = useSearchParams();
  const initial = { id: '', cpf: '', clinicId: params.get('clinica') ?? '', status: params.get('status') ?? '', method: '', from: params.get('de') ?? '', to: params.get('ate') ?? '' };
  const [form, setForm] = useState(initial);
  const toFilter = (values: typeof initial, payerId?: string | null): PaymentSearch => ({
    id: values.id.trim() || null,
    clinicId: values.clinicId || null,
    payerId: payerId ?? null,
    statuses: values.status ? [values.status as PaymentStatus] : null,
    method: (values.method || null) as PaymentMethod | null,
    from: values.from || null,
    to: values.to || null,
  });
  const [filter, setFilter] = useState<PaymentSearch>(() => toFilter(initial));
  const [payer, setPayer] = useState<{ id: string; name: string | null } | null>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const [noPayer, setNoPayer] = useState(false);
  const client = useApolloClient();
  const { data, loading, error, fetchMore } = useQuery(AdminPayments, { variables: { filter }, skip: noPayer });
  const clinics = useQuery(AdminClinicOptions);
  const set = (field: keyof typeof initial) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setLookupError(null);
    setNoPayer(false);
    setPayer(null);
    if (!form.cpf.trim()) return setFilter(toFilter(form));
    try {
      const result = await client.query({ query: PayerByCpf, variables: { cpf: form.cpf.trim() }, fetchPolicy: 'network-only' });
      const found = result.data?.users?.edges[0]?.node ?? null;
      setPayer(found);
      if (!found) return setNoPayer(true);
      setFilter(toFilter(form, found.id));
    } catch (problem) {
      setLookupError(problem);
    }
  };
  const payments = noPayer ? null : data?.payments;

  return (
    <>
      <h1>Pagamentos</h1>
      <form className="card filters admin-search" onSubmit={submit} aria-label="Busca de pagamentos">
        <div><label htmlFor="p-id">Código do pagamento</label><input id="p-id" className="mono" value={form.id} onChange={set('id')} /></div>
        <div><label htmlFor="p-cpf">CPF do paciente</label><input id="p-cpf" inputMode="numeric" placeholder="000.000.000-00" value={form.cpf} onChange={set('cpf')} /></div>
        <div>
          <label htmlFor="p-clinic">Clínica</label>
          <select id="p-clinic" value={form.clinicId} onChange={set('clinicId')}>
            <option value="">Todas</option>
            {(clinics.data?.clinics.edges ?? []).map(({ node }) => <option key={node.id} value={node.id}>{node.tradeName}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="p-status">Status</label>
          <select id="p-status" value={form.status} onChange={set('status')}>
            <option value="">Todos</option>
            {STATUSES.map((status) => <option key={status} value={status}>{paymentStatusLabel[status]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="p-method">Forma</label>
          <select id="p-method" value={form.method} onChange={set('method')}>
            <option value="">Todas</option>
            {METHODS.map((method) => <option key={method} value={method}>{methodLabel[method]}</option>)}
          </select>
        </div>
        <div><label htmlFor="p-from">De</label><input id="p-from" type="date" value={form.from} onChange={set('from')} /></div>
        <div><label htmlFor="p-to">Até</label><input id="p-to" type="date" value={form.to} onChange={set('to')} /></div>
        <div className="filter-actions"><button type="submit" className="button">Buscar</button></div>
      </form>
      <ErrorNotice error={lookupError ?? error} />
      {noPayer ? <p className="notice notice-info" role="status">Nenhum usuário com este CPF.</p> : null}
      {payer ? <p className="muted">Pagamentos de <Link href={`/usuarios/${payer.id}`}>{payer.name}</Link></p> : null}
      {loading && !data ? <Loading /> : null}
      {payments ? (
        <>
          <p className="muted">{payments.totalCount === 1 ? '1 pagamento' : `${payments.totalCount} pagamentos`}</p>
          <table>
            <thead><tr><th>Data</th><th>Código</th><th>Paciente</th><th>Clínica</th><th>Procedimento</th><th>Forma</th><th className="num">Valor</th><th>Status</th></tr></thead>
            <tbody>
              {payments.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>{formatDateTime(node.createdAt!)}</td>
                  <td className="mono"><Link href={`/pagamentos/${node.id}`}>{node.id.slice(0, 8)}<span className="visually-hidden"> — ver o pagamento</span></Link></td>
                  <td>{node.payer?.name}</td>
                  <td>{node.clinic?.tradeName}</td>
                  <td>{node.procedure?.name}</td>
                  <td>{methodLabel[node.method!]}</td>
                  <td className="num money">{formatBRL(node.amounts?.grossCentavos ?? 0)}</td>
                  <td><StatusBadge status={node.status!} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          {payments.edges.length === 0 ? <p className="notice notice-info">Nenhum pagamento encontrado.</p> : null}
          <LoadMore pageInfo={payments.pageInfo} onMore={(after) => void fetchMore({ variables: { after } })} />
        </>
      ) : null}
    </>
  );
}

export default function PaymentsPage() {
  return (
    <Suspense fallback={<Loading />}>
      <Search />
    </Suspense>
  );
}
