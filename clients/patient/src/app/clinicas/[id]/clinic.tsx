'use client';
// A clinic and its procedures; the page arrives with them (page.tsx).
import type { ResultOf } from '@graphql-typed-document-node/core';
import { useQuery } from '@apollo/client/react';
import { formatBRL } from '@medpay/web/format';
import { ErrorNotice, Loading } from '@medpay/web/ui';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { ClinicPage } from './query';

export function Clinic({ initial }: { initial: ResultOf<typeof ClinicPage> | null }) {
  const { id } = useParams<{ id: string }>();
  const { data: fetched, loading, error } = useQuery(ClinicPage, { variables: { id } });
  const data = fetched ?? initial ?? undefined;
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} />;
  const clinic = data?.clinic;
  if (!clinic || clinic.status !== 'ACTIVE') return <p className="notice notice-info">Esta clínica não está disponível no momento.</p>;
  return (
    <>
      <h1>{clinic.tradeName}</h1>
      <section className="card">
        <p>{clinic.specialties.join(' · ')}</p>
        <p className="muted">{clinic.address.street} — {clinic.address.city}/{clinic.address.state}, CEP {clinic.address.postalCode}</p>
        <p className="muted">{clinic.legalName} · CNPJ {clinic.cnpj}</p>
      </section>
      <h2>Procedimentos</h2>
      <ul className="grid">
        {clinic.procedures.edges.filter(({ node }) => node.active).map(({ node }) => (
          <li key={node.id} className="card">
            <Link href={`/procedimentos/${node.id}`}><strong>{node.name}</strong></Link>
            <p className="muted">{node.category} · cerca de {node.durationMinutes} min</p>
            <p className="big money">{formatBRL(node.priceCentavos)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
