'use client';
// Atendimento: the clinic's support tickets (questions about a procedure that patients asked a person
// about, from the assistant), the newest first, each with its transcript, a reply and "Encerrar".
import { useQuery } from '@apollo/client/react';
import { graphql } from '@medpay/web/graphql';
import { SupportQueue, SupportTicketCard } from '@medpay/web/support-tickets';
import { LoadMore } from '@medpay/web/ui';
import Link from 'next/link';
import { useState } from 'react';
import { useClinic } from '../../../../components/clinic-context';

const ClinicSupportTickets = graphql(`
  query ClinicSupportTickets($clinicId: ID!, $status: SupportTicketStatus, $after: String) {
    clinic(id: $clinicId) {
      id
      supportTickets(status: $status, first: 20, after: $after) {
        edges { node { ...SupportTicketFields payment { id procedure { id name } payer { id name } } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export default function ClinicSupportPage() {
  const clinic = useClinic();
  const [openOnly, setOpenOnly] = useState(true);
  const { data, loading, error, fetchMore } = useQuery(ClinicSupportTickets, { variables: { clinicId: clinic.id, status: openOnly ? 'OPEN' : null } });
  const connection = data?.clinic?.supportTickets;
  const tickets = connection?.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <h1>Atendimento</h1>
      <p className="muted">Pacientes que pediram para falar com uma pessoa sobre um procedimento da clínica, com a conversa que tiveram com o assistente.</p>
      <SupportQueue openOnly={openOnly} onOpenOnlyChange={setOpenOnly} loading={loading} error={error} count={connection ? tickets.length : undefined}>
        {tickets.map((ticket) => (
          <SupportTicketCard key={ticket.id} ticket={ticket} viewer="STAFF" heading={ticket.payment?.payer?.name ?? 'Paciente'}>
            {ticket.payment ? (
              <p>
                {ticket.payment.procedure?.name ?? 'Procedimento'} · <Link href={`/clinicas/${clinic.id}/pagamentos/${ticket.payment.id}`}>Ver o pagamento</Link>
              </p>
            ) : null}
          </SupportTicketCard>
        ))}
        <LoadMore pageInfo={connection?.pageInfo} onMore={(after) => void fetchMore({ variables: { after } })} />
      </SupportQueue>
    </>
  );
}
