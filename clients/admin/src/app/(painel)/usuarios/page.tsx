'use client';
// Users: search by name or e-mail fragment, or a whole CPF (through the blind index), by role.
import { useQuery } from '@apollo/client/react';
import { formatDate } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import type { Role } from '@medpay/web/types';
import { ErrorNotice, Loading, LoadMore } from '@medpay/web/ui';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { roleLabel } from '../../../components/labels';

const AdminUsers = graphql(`
  query AdminUsers($filter: UserFilter, $after: String) {
    users(filter: $filter, first: 25, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name email cpfMasked roles locked createdAt } }
    }
  }
`);

export default function UsersPage() {
  const [form, setForm] = useState({ search: '', role: '' });
  const [filter, setFilter] = useState<{ search?: string | null; role?: Role | null }>({});
  const { data, loading, error, fetchMore } = useQuery(AdminUsers, { variables: { filter } });
  const users = data?.users;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ search: form.search.trim() || null, role: (form.role || null) as Role | null });
  };
  return (
    <>
      <h1>Usuários</h1>
      <form className="card filters" onSubmit={submit} aria-label="Busca">
        <div className="grow">
          <label htmlFor="u-search">Nome, e-mail ou CPF completo</label>
          <input id="u-search" type="search" value={form.search} onChange={(e) => setForm({ ...form, search: e.target.value })} />
        </div>
        <div>
          <label htmlFor="u-role">Perfil</label>
          <select id="u-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
            <option value="">Todos</option>
            {(Object.keys(roleLabel) as Role[]).map((role) => <option key={role} value={role}>{roleLabel[role]}</option>)}
          </select>
        </div>
        <div className="filter-actions"><button type="submit" className="button">Buscar</button></div>
      </form>
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : null}
      {users ? (
        <>
          <p className="muted">{users.totalCount === 1 ? '1 usuário' : `${users.totalCount} usuários`}</p>
          <table>
            <thead><tr><th>Nome</th><th>E-mail</th><th>CPF</th><th>Perfis</th><th>Desde</th><th>Situação</th></tr></thead>
            <tbody>
              {users.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td><Link href={`/usuarios/${node.id}`}>{node.name}</Link></td>
                  <td>{node.email}</td>
                  <td className="mono">{node.cpfMasked ?? '—'}</td>
                  <td>{node.roles?.map((role) => roleLabel[role]).join(', ')}</td>
                  <td>{node.createdAt ? formatDate(node.createdAt) : ''}</td>
                  <td>{node.locked ? <span className="badge badge-off">Bloqueado</span> : 'Ativo'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {users.edges.length === 0 ? <p className="notice notice-info">Ninguém encontrado.</p> : null}
          <LoadMore pageInfo={users.pageInfo} onMore={(after) => void fetchMore({ variables: { after } })} />
        </>
      ) : null}
    </>
  );
}
