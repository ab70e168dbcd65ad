'use client';
// Meus atendimentos: the patient's requests to talk to a person (opened from the assistant), with the
// answers from the clinic or the MedPay team; writing again reopens a closed one.
import { useQuery } from '@apollo/client/react';
import { graphql } from '@medpay/web/graphql';
import { RequireSession } from '@medpay/web/session';
import { SupportTicketCard } from '@medpay/web/support-tickets';
import { ErrorNotice, Loading, LoadMore } from '@medpay/web/ui';
import Link from 'next/link';

const MySupportTickets = graphql(`
  query MySupportTickets($after: String) {
    mySupportTickets(first: 20, after: $after) {
      edges { node { ...SupportTicketFields clinic { id tradeName } payment { id procedure { id name } } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

function Tickets() {
  const { data, loading, error, fetchMore } = useQuery(MySupportTickets);
  const tickets = data?.mySupportTickets.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <h1>Meus atendimentos</h1>
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : null}
      {data && tickets.length === 0 ? <p className="notice notice-info">Você ainda não pediu para falar com uma pessoa. <Link href="/assistente">Fale com o assistente</Link>.</p> : null}
      {tickets.map((ticket) => (
        <SupportTicketCard key={ticket.id} ticket={ticket} viewer="PATIENT" heading={ticket.clinic ? `${ticket.clinic.tradeName}` : 'Equipe MedPay'}>
          {ticket.payment?.procedure ? <p>Sobre: {ticket.payment.procedure.name} · <Link href={`/pagamentos/${ticket.payment.id}`}>ver o pagamento</Link></p> : null}
        </SupportTicketCard>
      ))}
      <LoadMore pageInfo={data?.mySupportTickets.pageInfo} onMore={(after) => void fetchMore({ variables: { after } })} />
    </>
  );
}

export default function SupportTicketsPage() {
  return (
    <RequireSession>
      <Tickets />
    </RequireSession>
  );
}
