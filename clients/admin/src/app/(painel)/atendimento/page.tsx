'use client';
// Atendimento: the back office's support tickets (payment questions the patients asked a person
// about, from the assistant), the newest first, each with its transcript, a reply and "Encerrar".
import { useQuery } from '@apollo/client/react';
import { graphql } from '@medpay/web/graphql';
import { SupportQueue, SupportTicketCard } from '@medpay/web/support-tickets';
import { LoadMore } from '@medpay/web/ui';
import Link from 'next/link';
import { useState } from 'react';

const BackOfficeTickets = graphql(`
  query BackOfficeTickets($status: SupportTicketStatus, $after: String) {
    supportTickets(status: $status, first: 20, after: $after) {
      edges { node { ...SupportTicketFields patient { id name } payment { id } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export default function SupportPage() {
  const [openOnly, setOpenOnly] = useState(true);
  const { data, loading, error, fetchMore } = useQuery(BackOfficeTickets, { variables: { status: openOnly ? 'OPEN' : null } });
  const tickets = data?.supportTickets.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <h1>Atendimento</h1>
      <p className="muted">Pedidos de pacientes para falar com uma pessoa sobre pagamentos, com a conversa com o assistente. Dúvidas sobre procedimentos vão para a clínica.</p>
      <SupportQueue openOnly={openOnly} onOpenOnlyChange={setOpenOnly} loading={loading} error={error} count={data ? tickets.length : undefined}>
        {tickets.map((ticket) => (
          <SupportTicketCard key={ticket.id} ticket={ticket} viewer="STAFF" heading={ticket.patient.name ?? 'Paciente'}>
            {ticket.payment ? <p><Link href={`/pagamentos/${ticket.payment.id}`}>Ver o pagamento</Link></p> : null}
          </SupportTicketCard>
        ))}
        <LoadMore pageInfo={data?.supportTickets.pageInfo} onMore={(after) => void fetchMore({ variables: { after } })} />
      </SupportQueue>
    </>
  );
}
