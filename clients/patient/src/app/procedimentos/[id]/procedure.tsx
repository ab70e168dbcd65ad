'use client';
// A procedure and its plan simulator: à vista, card and crediário side by side; the page arrives with
// them for the default due day (page.tsx).
import type { ResultOf } from '@graphql-typed-document-node/core';
import { useQuery } from '@apollo/client/react';
import { formatBRL } from '@medpay/web/format';
import { ErrorNotice, Loading } from '@medpay/web/ui';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { PlanChooser } from '../../../components/plan-table';
import { DEFAULT_DUE_DAY, ProcedurePage } from './query';


export function Procedure({ initial }: { initial: ResultOf<typeof ProcedurePage> | null }) {
  const { id } = useParams<{ id: string }>();
  const [dueDay, setDueDay] = useState(DEFAULT_DUE_DAY);
  const { data: fetched, loading, error } = useQuery(ProcedurePage, { variables: { id, firstDueDay: dueDay } });
  const data = fetched ?? (dueDay === DEFAULT_DUE_DAY ? initial : null) ?? undefined;
  if (loading && !data) return <Loading />;
  const procedure = data?.procedure;
  if (!procedure) return error ? <ErrorNotice error={error} /> : <p className="notice notice-info">Procedimento não encontrado.</p>;
  const available = procedure.active && procedure.clinic.status === 'ACTIVE';
  return (
    <>
      <p className="muted"><Link href={`/clinicas/${procedure.clinic.id}`}>{procedure.clinic.tradeName}</Link> · {procedure.clinic.address.city}/{procedure.clinic.address.state}</p>
      <h1>{procedure.name}</h1>
      <section className="card">
        <p>{procedure.description}</p>
        <p className="muted">{procedure.category} · cerca de {procedure.durationMinutes} min</p>
        <p className="big money">{formatBRL(procedure.priceCentavos)}</p>
        <p className="hint">O valor fica protegido pela MedPay e só é repassado à clínica depois do atendimento.</p>
      </section>
      {available ? (
        <section aria-labelledby="simulador">
          <h2 id="simulador">Simule e compare</h2>
          <PlanChooser
            plans={data?.paymentPlans ?? []}
            checkoutHref={(plan) => `/procedimentos/${procedure.id}/pagar?plano=${encodeURIComponent(plan.id)}&vencimento=${dueDay}`}
            dueDay={dueDay}
            onDueDay={setDueDay}
            error={error}
          />
        </section>
      ) : (
        <p className="notice notice-info">Este procedimento não está disponível para pagamento no momento.</p>
      )}
    </>
  );
}
