'use client';
// The clinic's team: who works here and in which role; admins add people (an existing MedPay
// account, by e-mail) and remove them.
import { useMutation, useQuery } from '@apollo/client/react';
import { formatDate } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { useSession } from '@medpay/web/session';
import type { StaffRole } from '@medpay/web/types';
import { ErrorNotice, Loading } from '@medpay/web/ui';
import { useState, type FormEvent } from 'react';
import { useClinic } from '../../../../components/clinic-context';
import { staffRoleLabel } from '../../../../components/labels';

const ClinicTeam = graphql(`
  query ClinicTeam($clinicId: ID!) {
    clinic(id: $clinicId) { id staff { role since user { id name } } }
  }
`);

const AddStaff = graphql(`
  mutation AddClinicStaff($clinicId: ID!, $email: String!, $role: StaffRole!) {
    addClinicStaff(clinicId: $clinicId, email: $email, role: $role) { role since user { id name } }
  }
`);

const RemoveStaff = graphql(`
  mutation RemoveClinicStaff($clinicId: ID!, $userId: ID!) {
    removeClinicStaff(clinicId: $clinicId, userId: $userId)
  }
`);

export default function TeamPage() {
  const clinic = useClinic();
  const { user } = useSession();
  const { data, loading, error } = useQuery(ClinicTeam, { variables: { clinicId: clinic.id } });
  const [add, adding] = useMutation(AddStaff, { refetchQueries: [ClinicTeam] });
  const [remove, removing] = useMutation(RemoveStaff, { refetchQueries: [ClinicTeam] });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole>('STAFF');
  const [removingId, setRemovingId] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const canManage = clinic.role === 'ADMIN';

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    try {
      const result = await add({ variables: { clinicId: clinic.id, email: email.trim(), role } });
      setMessage(`${result.data?.addClinicStaff?.user.name ?? 'A pessoa'} agora faz parte da equipe.`);
      setEmail('');
    } catch {
      // shown below
    }
  };

  return (
    <>
      <h1>Equipe</h1>
      {message ? <p className="notice notice-ok" role="status">{message}</p> : null}
      <ErrorNotice error={error ?? removing.error} />
      {loading && !data ? <Loading /> : null}
      <table>
        <thead><tr><th>Nome</th><th>Papel</th><th>Desde</th>{canManage ? <th><span className="visually-hidden">Ações</span></th> : null}</tr></thead>
        <tbody>
          {(data?.clinic?.staff ?? []).map((member) => (
            <tr key={member.user.id}>
              <td>{member.user.name}{member.user.id === user?.id ? ' (você)' : ''}</td>
              <td>{staffRoleLabel[member.role]}</td>
              <td>{formatDate(member.since)}</td>
              {canManage ? (
                <td>
                  {removingId === member.user.id ? (
                    <span className="row">
                      <span>Remover {member.user.name}?</span>
                      <button
                        type="button"
                        className="button danger"
                        disabled={removing.loading}
                        onClick={() => void remove({ variables: { clinicId: clinic.id, userId: member.user.id } }).then(() => { setRemovingId(null); setMessage(`${member.user.name} saiu da equipe.`); }, () => undefined)}
                      >
                        Sim, remover
                      </button>
                      <button type="button" className="button secondary" onClick={() => setRemovingId(null)}>Cancelar</button>
                    </span>
                  ) : (
                    <button type="button" className="link" onClick={() => setRemovingId(member.user.id)}>Remover<span className="visually-hidden"> {member.user.name}</span></button>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {canManage ? (
        <form className="card narrow-left" onSubmit={invite}>
          <h2>Adicionar à equipe</h2>
          <p className="hint">A pessoa precisa ter uma conta MedPay com este e-mail.</p>
          <label htmlFor="t-email">E-mail</label>
          <input id="t-email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <label htmlFor="t-role">Papel</label>
          <select id="t-role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
            <option value="STAFF">Equipe — vê pagamentos e confirma atendimentos</option>
            <option value="ADMIN">Administrador(a) — também catálogo, equipe e chaves de API</option>
          </select>
          <ErrorNotice error={adding.error} />
          <p><button type="submit" className="button" disabled={adding.loading}>{adding.loading ? 'Adicionando…' : 'Adicionar'}</button></p>
        </form>
      ) : <p className="hint">Somente administradores da clínica alteram a equipe.</p>}
    </>
  );
}
