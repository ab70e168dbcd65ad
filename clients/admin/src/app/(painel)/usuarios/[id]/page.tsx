'use client';
// One user: account (with the CPF's check at the Receita Federal), consent, clinics, payments; lock and unlock (a locked account cannot log in or
// refresh); the whole CPF on request (the read is recorded) and the person's sensitive-data access log.
import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { cpfStatusLabel, formatBRL, formatDate, formatDateTime, methodLabel } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { useSession } from '@medpay/web/session';
import { ErrorNotice, Loading, StatusBadge } from '@medpay/web/ui';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { roleLabel } from '../../../../components/labels';

const AdminUser = graphql(`
  query AdminUser($id: ID!) {
    user(id: $id) {
      id name email phone cpfMasked roles locked createdAt
      cpfCheck { status checkedAt opensCredit }
      consent { termsVersion privacyPolicyVersion acceptedAt marketing needsReacceptance }
      clinics { role clinic { id tradeName status } }
      payments(first: 20) { totalCount edges { node { id status method createdAt amounts { grossCentavos patientTotalCentavos } clinic { id tradeName } procedure { id name } } } }
    }
  }
`);

const UserFullCpf = graphql(`
  query UserFullCpf($id: ID!) {
    user(id: $id) { id cpf }
  }
`);

const SetUserLocked = graphql(`
  mutation SetUserLocked($id: ID!, $locked: Boolean!) {
    setUserLocked(id: $id, locked: $locked) { id locked }
  }
`);

/** 52998224725 → 529.982.247-25 */
const formatCpfDigits = (digits: string) => digits.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4');

export default function UserPage() {
  const { id } = useParams<{ id: string }>();
  const { user: me } = useSession();
  const { data, loading, error } = useQuery(AdminUser, { variables: { id } });
  const [setLocked, locking] = useMutation(SetUserLocked);
  const [confirming, setConfirming] = useState(false);
  const [showCpf, fullCpf] = useLazyQuery(UserFullCpf, { fetchPolicy: 'network-only' });
  if (loading && !data) return <Loading />;
  const user = data?.user;
  if (!user) return error ? <ErrorNotice error={error} /> : <p className="notice notice-info">Usuário não encontrado.</p>;
  return (
    <>
      <p className="muted"><Link href="/usuarios">Usuários</Link> › {user.name}</p>
      <div className="spread">
        <h1>{user.name}</h1>
        {user.locked ? <span className="badge badge-off" data-testid="locked">Bloqueado</span> : <span className="badge badge-ok">Ativo</span>}
      </div>
      <div className="columns">
        <section className="card">
          <h2>Conta</h2>
          <dl className="facts">
            <dt>E-mail</dt><dd>{user.email}</dd>
            <dt>Telefone</dt><dd>{user.phone ?? '—'}</dd>
            <dt>CPF</dt>
            <dd>
              <span className="mono" data-testid="cpf">{fullCpf.data?.user?.cpf ? formatCpfDigits(fullCpf.data.user.cpf) : (user.cpfMasked ?? '—')}</span>{' '}
              {user.cpfMasked && !fullCpf.data ? (
                <button type="button" className="button secondary" disabled={fullCpf.loading} onClick={() => void showCpf({ variables: { id: user.id } }).catch(() => undefined)}>
                  Ver CPF completo
                </button>
              ) : null}
              {user.cpfMasked && !fullCpf.data ? <span className="hint"> (a consulta fica registrada)</span> : null}
            </dd>
            {user.cpfCheck ? (
              <>
                <dt>CPF na Receita Federal</dt>
                <dd data-testid="cpf-check">
                  {cpfStatusLabel[user.cpfCheck.status]}
                  {user.cpfCheck.checkedAt ? ` (consultado em ${formatDateTime(user.cpfCheck.checkedAt)})` : ''}
                  {user.cpfCheck.opensCredit ? ' · libera o crediário' : ' · crediário bloqueado até nova consulta regular'}
                </dd>
              </>
            ) : null}
            <dt>Perfis</dt><dd>{user.roles?.map((role) => roleLabel[role]).join(', ')}</dd>
            <dt>Criada em</dt><dd>{user.createdAt ? formatDateTime(user.createdAt) : ''}</dd>
            <dt>Termos e privacidade</dt>
            <dd data-testid="consent">
              {user.consent?.acceptedAt
                ? `Termos ${user.consent.termsVersion}, política ${user.consent.privacyPolicyVersion}, aceitos em ${formatDateTime(user.consent.acceptedAt)}`
                : 'Nunca aceitos'}
              {user.consent?.needsReacceptance ? ' · precisa aceitar a versão atual' : ''}
            </dd>
            <dt>Marketing</dt><dd>{user.consent?.marketing ? 'Aceita comunicações' : 'Não aceita comunicações'}</dd>
            {user.clinics?.length ? (<><dt>Clínicas</dt><dd>{user.clinics.map((m) => `${m.clinic.tradeName} (${m.role === 'ADMIN' ? 'admin' : 'equipe'})`).join(', ')}</dd></>) : null}
          </dl>
          <ErrorNotice error={fullCpf.error} />
          <p><Link href={`/usuarios/${user.id}/acessos`}>Acessos a dados sensíveis</Link></p>
        </section>
        <section className="card">
          <h2>Acesso</h2>
          <p className="hint">Uma conta bloqueada não entra nem renova a sessão; tokens já emitidos valem até expirar (15 minutos).</p>
          {user.id === me?.id ? <p className="hint">Você não pode bloquear a própria conta.</p> : confirming ? (
            <div className="confirm-box">
              <p><strong>{user.locked ? `Desbloquear ${user.name}?` : `Bloquear ${user.name}?`}</strong></p>
              <ErrorNotice error={locking.error} />
              <div className="row">
                <button type="button" className={user.locked ? 'button' : 'button danger'} disabled={locking.loading} onClick={() => void setLocked({ variables: { id: user.id, locked: !user.locked } }).then(() => setConfirming(false), () => undefined)}>
                  {user.locked ? 'Sim, desbloquear' : 'Sim, bloquear'}
                </button>
                <button type="button" className="button secondary" onClick={() => setConfirming(false)}>Cancelar</button>
              </div>
            </div>
          ) : (
            <button type="button" className={user.locked ? 'button' : 'button secondary'} onClick={() => setConfirming(true)}>{user.locked ? 'Desbloquear conta' : 'Bloquear conta'}</button>
          )}
        </section>
      </div>
      <section className="card">
        <h2>Pagamentos ({user.payments?.totalCount ?? 0})</h2>
        <table>
          <thead><tr><th>Data</th><th>Clínica</th><th>Procedimento</th><th>Forma</th><th className="num">Valor</th><th>Status</th></tr></thead>
          <tbody>
            {(user.payments?.edges ?? []).map(({ node }) => (
              <tr key={node.id}>
                <td><Link href={`/pagamentos/${node.id}`}>{formatDate(node.createdAt!)}</Link></td>
                <td>{node.clinic?.tradeName}</td>
                <td>{node.procedure?.name}</td>
                <td>{methodLabel[node.method!]}</td>
                <td className="num money">{formatBRL(node.amounts?.patientTotalCentavos ?? 0)}</td>
                <td><StatusBadge status={node.status!} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
