'use client';
import { useQuery } from '@apollo/client/react';
import { formatBRL } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { ErrorNotice, Loading } from '@medpay/web/ui';
import Link from 'next/link';
import { useParams } from 'next/navigation';

const ClinicPage = graphql(`
  query ClinicPage($id: ID!) {
    clinic(id: $id) {
      id tradeName legalName cnpj specialties status
      address { street city state postalCode }
      procedures(first: 50) { edges { node { id name category priceCentavos durationMinutes interestFreeInstallments active } } }
    }
  }
`);

export default function Clinic() {
  const { id } = useParams<{ id: string }>();
  const { data, loading, error } = useQuery(ClinicPage, { variables: { id } });
  if (loading && !data) return <Loading />;
  if (error) return <ErrorNotice error={error} />;
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
