'use client';
// Where the clinic's money stands: in escrow, available, on its way, paid out (refreshed every few seconds).
import { useQuery } from '@apollo/client/react';
import { formatBRL } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { ErrorNotice, Loading } from '@medpay/web/ui';

const ClinicBalanceQuery = graphql(`
  query ClinicBalance($clinicId: ID!) {
    clinic(id: $clinicId) { id balance { inEscrowCentavos availableCentavos payoutsInTransitCentavos paidOutCentavos } }
  }
`);

export function Balances({ clinicId }: { clinicId: string }) {
  const { data, error, loading } = useQuery(ClinicBalanceQuery, { variables: { clinicId }, pollInterval: 5000 });
  if (loading && !data) return <Loading />;
  const balance = data?.clinic?.balance;
  if (!balance) return <ErrorNotice error={error} />;
  // The clinic's share moves to a payout as soon as it is released: until the bank confirms it, it
  // counts as released and still to be paid out.
  const released = balance.availableCentavos + balance.payoutsInTransitCentavos;
  const tiles = [
    ['Em garantia', balance.inEscrowCentavos, 'Pago pelos pacientes; liberado quando você confirma o atendimento.', 'escrow'],
    ['Liberado, a repassar', released, balance.payoutsInTransitCentavos > 0 ? `${formatBRL(balance.payoutsInTransitCentavos)} já enviados por PIX, aguardando o banco.` : 'Parte da clínica nos atendimentos confirmados.', 'available'],
    ['Repassado', balance.paidOutCentavos, 'Já creditado na conta da clínica.', 'paid-out'],
  ] as const;
  return (
    <section aria-label="Saldos" className="tiles">
      {tiles.map(([label, value, hint, key]) => (
        <div key={key} className="card tile" data-balance={key}>
          <p className="muted">{label}</p>
          <p className="big money" aria-live="polite">{formatBRL(value)}</p>
          <p className="hint">{hint}</p>
        </div>
      ))}
    </section>
  );
}

