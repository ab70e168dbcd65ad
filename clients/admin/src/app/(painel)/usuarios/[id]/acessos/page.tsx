'use client';
// A person's sensitive-data access log (LGPD): who read their whole CPF, their health data or other
// personal data — clinic staff, clinics' systems, MedPay's back office — when, through which
// operation and why. Reading it here names the readers, never the values they saw.
import { useQuery } from '@apollo/client/react';
import { formatDateTime } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { ErrorNotice, Loading, LoadMore } from '@medpay/web/ui';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { accessFieldLabel, accessPurposeLabel, roleLabel } from '../../../../../components/labels';

const SensitiveDataAccesses = graphql(`
  query SensitiveDataAccesses($subjectId: ID!, $after: String) {
    user(id: $subjectId) { id name }
    sensitiveDataAccesses(subjectId: $subjectId, first: 50, after: $after) {
      edges { cursor node { id at readerKind readerId readerRoles reader { id name } readerClinic { id tradeName } field operation purpose } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export default function AccessLogPage() {
  const { id } = useParams<{ id: string }>();
  const { data, loading, error, fetchMore } = useQuery(SensitiveDataAccesses, { variables: { subjectId: id } });
  if (loading && !data) return <Loading />;
  const accesses = data?.sensitiveDataAccesses;
  const name = data?.user?.name ?? 'Usuário';
  return (
    <>
      <p className="muted"><Link href="/usuarios">Usuários</Link> › <Link href={`/usuarios/${id}`}>{name}</Link> › Acessos a dados sensíveis</p>
      <h1>Acessos a dados sensíveis de {name}</h1>
      <p className="muted">
        Cada leitura do CPF completo, de dados de saúde (o procedimento de um pagamento) ou de dados pessoais desta pessoa por equipes de
        clínicas, sistemas de clínicas ou pela MedPay, com quem, quando e por quê. As leituras da própria pessoa não entram. Registros
        chegam em alguns segundos.
      </p>
      <ErrorNotice error={error} />
      {accesses ? (
        accesses.edges.length === 0 ? (
          <p className="notice notice-info">Nenhum acesso registrado.</p>
        ) : (
          <section className="card">
            <table data-testid="access-log">
              <thead><tr><th>Quando</th><th>Quem</th><th>Clínica</th><th>Dado</th><th>Finalidade</th><th>Operação</th></tr></thead>
              <tbody>
                {accesses.edges.map(({ node }) => (
                  <tr key={node.id} data-field={node.field}>
                    <td>{formatDateTime(node.at)}</td>
                    <td>
                      {node.reader ? <Link href={`/usuarios/${node.reader.id}`}>{node.reader.name}</Link> : <>Chave de API <span className="mono">{node.readerId.slice(0, 8)}</span></>}
                      <br /><span className="muted">{node.readerRoles.map((role) => roleLabel[role as keyof typeof roleLabel] ?? role).join(', ')}</span>
                    </td>
                    <td>{node.readerClinic?.tradeName ?? '—'}</td>
                    <td>{accessFieldLabel[node.field] ?? node.field}</td>
                    <td>{accessPurposeLabel[node.purpose]}</td>
                    <td className="mono">{node.operation || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <LoadMore pageInfo={accesses.pageInfo} onMore={(after) => void fetchMore({ variables: { after } })} />
          </section>
        )
      ) : null}
    </>
  );
}
