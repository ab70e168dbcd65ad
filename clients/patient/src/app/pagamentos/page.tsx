'use client';
import { useQuery, useSubscription } from '@apollo/client/react';
import { formatBRL, formatDate } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { RequireSession } from '@medpay/web/session';
import { ErrorNotice, Loading, LoadMore, StatusBadge } from '@medpay/web/ui';
import Link from 'next/link';

const MyPayments = graphql(`
  query MyPayments($after: String) {
    myPayments(first: 20, after: $after) {
      edges { node { id status hold createdAt method planKind installmentCount amounts { patientTotalCentavos } procedure { id name } clinic { id tradeName } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const MyPaymentEvents = graphql(`
  subscription MyPaymentEvents {
    myPaymentEvents { id status payment { id status escrowState } }
  }
`);

function Payments() {
  const { data, loading, error, refetch, fetchMore } = useQuery(MyPayments);
  // Status changes update rows through the cache; a payment created elsewhere appears on refetch.
  useSubscription(MyPaymentEvents, { onData: ({ data: event }) => { if (event.data?.myPaymentEvents.status === 'AWAITING_PAYMENT') void refetch(); } });
  if (loading && !data) return <Loading />;
  const edges = data?.myPayments?.edges ?? [];
  return (
    <>
      <h1>Meus pagamentos</h1>
      <ErrorNotice error={error} />
      {data && edges.length === 0 ? <p className="notice notice-info">Você ainda não tem pagamentos. <Link href="/">Encontre um procedimento</Link>.</p> : null}
      <ul className="list">
        {edges.map(({ node }) => (
          <li key={node.id} className="card">
            <Link href={`/pagamentos/${node.id}`} className="spread">
              <strong>{node.procedure?.name}</strong>
              <StatusBadge status={node.status!} hold={node.hold} />
            </Link>
            <p className="muted">{node.clinic?.tradeName} · {formatDate(node.createdAt!)}</p>
            <p className="money">{formatBRL(node.amounts?.patientTotalCentavos ?? 0)}{node.installmentCount && node.installmentCount > 1 ? ` em ${node.installmentCount}×` : ''}</p>
          </li>
        ))}
      </ul>
      <LoadMore pageInfo={data?.myPayments?.pageInfo} onMore={(after) => void fetchMore({ variables: { after } })} />
    </>
  );
}

export default function PaymentsRoute() {
  return (
    <RequireSession>
      <Payments />
    </RequireSession>
  );
}
