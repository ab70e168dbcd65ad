'use client';
// "Integrações": the clinic's own system (Helena CRM or NinSaúde ERP) connected to MedPay. Its
// appointments come in as payment links once their procedure is mapped to the catalog, and payments
// are written back to it. The clinic's admins connect, map and sync; the rest of the team follows.
import { useMutation, useQuery } from '@apollo/client/react';
import { countOf } from '@medpay/web/analytics';
import { practiceSystemLabel } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import type { PracticeCredentialsInput, PracticeSystemKind } from '@medpay/web/types';
import { ErrorNotice, Loading } from '@medpay/web/ui';
import { useMemo, useState } from 'react';
import { useClinic } from '../../../../components/clinic-context';
import { ConnectForm, ConnectionSummary, ImportedAppointments, MappingTable, SyncLog, SyncSettings, type Connection, type LinkByToken } from '../../../../components/practice-systems';

const ClinicPracticeSystems = graphql(`
  query ClinicPracticeSystems($clinicId: ID!) {
    clinic(id: $clinicId) {
      id
      practiceSystems { ...PracticeConnectionFields }
      procedures(first: 50) { edges { node { id name active } } }
      paymentLinks(first: 50) { id token url status }
    }
  }
`);

const ConnectPracticeSystem = graphql(`
  mutation ConnectPracticeSystem($clinicId: ID!, $kind: PracticeSystemKind!, $credentials: PracticeCredentialsInput!) {
    connectPracticeSystem(clinicId: $clinicId, kind: $kind, credentials: $credentials) { ...PracticeConnectionFields }
  }
`);

const MapPracticeProcedure = graphql(`
  mutation MapPracticeProcedure($connectionId: ID!, $code: String!, $procedureId: ID) {
    mapPracticeProcedure(connectionId: $connectionId, code: $code, procedureId: $procedureId) { ...PracticeConnectionFields }
  }
`);

const SetPracticeSync = graphql(`
  mutation SetPracticeSync($connectionId: ID!, $syncAppointments: Boolean!, $writeBack: Boolean!) {
    setPracticeSync(connectionId: $connectionId, syncAppointments: $syncAppointments, writeBack: $writeBack) { ...PracticeConnectionFields }
  }
`);

const SyncPracticeSystem = graphql(`
  mutation SyncPracticeSystem($connectionId: ID!) {
    syncPracticeSystem(connectionId: $connectionId) { ...PracticeConnectionFields }
  }
`);

const DisconnectPracticeSystem = graphql(`
  mutation DisconnectPracticeSystem($connectionId: ID!) {
    disconnectPracticeSystem(connectionId: $connectionId) { ...PracticeConnectionFields }
  }
`);

/** '1 link criado', '3 links criados' */

interface CardProps {
  connection: Connection;
  catalog: { id: string; name: string }[];
  links: ReadonlyMap<string, LinkByToken>;
  admin: boolean;
}

function ConnectionCard({ connection, catalog, links, admin }: CardProps) {
  const refetchQueries = [ClinicPracticeSystems];
  const [map, mapping] = useMutation(MapPracticeProcedure);
  const [setSync, settingSync] = useMutation(SetPracticeSync);
  const [sync, syncing] = useMutation(SyncPracticeSystem, { refetchQueries });
  const [disconnect, disconnecting] = useMutation(DisconnectPracticeSystem, { refetchQueries });
  const [saving, setSaving] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [confirmDisconnect, setConfirmDisconnect] = useState(false);
  const name = practiceSystemLabel[connection.kind];
  const active = connection.status === 'ACTIVE';
  const error = mapping.error ?? settingSync.error ?? syncing.error ?? disconnecting.error;

  const runSync = async () => {
    setMessage('');
    const result = await sync({ variables: { connectionId: connection.id } }).catch(() => null);
    const run = result?.data?.syncPracticeSystem?.syncLog[0];
    if (run) {
      const problems = run.errors.length ? ` ${countOf(run.errors.length, 'problema', 'problemas')}: veja o histórico.` : '';
      setMessage(`Sincronização concluída: ${countOf(run.imported, 'agendamento lido', 'agendamentos lidos')}, ${countOf(run.linked, 'link criado', 'links criados')}, ${countOf(run.writtenBack, 'pagamento registrado', 'pagamentos registrados')} no ${name}.${problems}`);
    }
  };

  return (
    <section className="card practice-connection" aria-labelledby={`connection-${connection.id}`} data-connection={connection.kind}>
      <div className="spread">
        <h2 id={`connection-${connection.id}`}>{name} · {connection.accountName}</h2>
        {admin && active ? (
          <button type="button" className="button" disabled={syncing.loading} onClick={() => void runSync()}>{syncing.loading ? 'Sincronizando…' : 'Sincronizar agora'}</button>
        ) : null}
      </div>
      <ConnectionSummary connection={connection} />
      <p role="status" className={message ? 'notice notice-ok' : undefined}>{message}</p>
      <ErrorNotice error={error} />
      {active ? (
        <>
          <SyncSettings
            connection={connection}
            disabled={!admin || settingSync.loading}
            onChange={(settings) => void setSync({ variables: { connectionId: connection.id, ...settings } }).catch(() => undefined)}
          />
          <h3>Procedimentos</h3>
          <p className="hint">Escolha, para cada procedimento do {name}, o procedimento do catálogo da MedPay cobrado por ele. Agendamentos de procedimentos sem correspondência não geram link de pagamento.</p>
          <MappingTable
            connection={connection}
            catalog={catalog}
            disabled={!admin}
            saving={saving}
            onMap={(code, procedureId) => {
              setSaving(code);
              void map({ variables: { connectionId: connection.id, code, procedureId } }).catch(() => undefined).finally(() => setSaving(null));
            }}
          />
          <h3>Agendamentos importados</h3>
          <ImportedAppointments appointments={connection.appointments} links={links} />
        </>
      ) : null}
      <h3>Histórico de sincronização</h3>
      <SyncLog runs={connection.syncLog} />
      {admin && connection.status !== 'DISCONNECTED' ? (
        confirmDisconnect ? (
          <div className="confirm-box" role="group" aria-label={`Desconectar ${name}`}>
            <p><strong>Desconectar o {name}?</strong> Os links já criados continuam valendo; novos agendamentos deixam de ser importados.</p>
            <div className="row">
              <button type="button" className="button danger" disabled={disconnecting.loading} onClick={() => void disconnect({ variables: { connectionId: connection.id } }).then(() => setConfirmDisconnect(false), () => undefined)}>Sim, desconectar</button>
              <button type="button" className="button secondary" onClick={() => setConfirmDisconnect(false)}>Cancelar</button>
            </div>
          </div>
        ) : (
          <p><button type="button" className="button secondary" onClick={() => setConfirmDisconnect(true)}>Desconectar<span className="visually-hidden"> o {name}</span></button></p>
        )
      ) : null}
    </section>
  );
}

export default function PracticeSystemsPage() {
  const clinic = useClinic();
  const admin = clinic.role === 'ADMIN';
  const { data, loading, error } = useQuery(ClinicPracticeSystems, { variables: { clinicId: clinic.id }, fetchPolicy: 'cache-and-network' });
  const [connect, connecting] = useMutation(ConnectPracticeSystem, { refetchQueries: [ClinicPracticeSystems] });
  const [connected, setConnected] = useState('');
  const connections = data?.clinic?.practiceSystems ?? [];
  const catalog = (data?.clinic?.procedures.edges ?? []).map((edge) => edge.node).filter((procedure) => procedure.active);
  const links = useMemo(() => new Map((data?.clinic?.paymentLinks ?? []).map((link) => [link.token, { url: link.url, status: link.status }])), [data]);
  const live = connections.filter((connection) => connection.status !== 'DISCONNECTED');

  const onConnect = async (kind: PracticeSystemKind, credentials: PracticeCredentialsInput) => {
    setConnected('');
    const result = await connect({ variables: { clinicId: clinic.id, kind, credentials } }).catch(() => null);
    const connection = result?.data?.connectPracticeSystem;
    if (connection) setConnected(`${practiceSystemLabel[kind]} conectado: ${connection.accountName}. Mapeie os procedimentos e sincronize.`);
    return !!connection;
  };

  return (
    <>
      <h1>Integrações</h1>
      <p>Conecte o sistema de agenda da clínica. Cada agendamento de um procedimento mapeado vira um link de pagamento para o paciente, e os pagamentos voltam registrados no agendamento. As credenciais ficam guardadas criptografadas e nunca são mostradas de novo.</p>
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : null}
      {connected ? <p className="notice notice-ok" role="status">{connected}</p> : null}
      {live.map((connection) => <ConnectionCard key={connection.id} connection={connection} catalog={catalog} links={links} admin={admin} />)}
      {admin ? (
        <>
          <ConnectForm busy={connecting.loading} onConnect={onConnect} />
          <ErrorNotice error={connecting.error} />
        </>
      ) : (
        <p className="notice notice-info">Somente administradores da clínica conectam sistemas e mapeiam procedimentos.</p>
      )}
      {data && connections.length > live.length ? (
        <details>
          <summary>Conexões encerradas ({connections.length - live.length})</summary>
          {connections.filter((connection) => connection.status === 'DISCONNECTED').map((connection) => (
            <p key={connection.id}>{practiceSystemLabel[connection.kind]} · {connection.accountName}</p>
          ))}
        </details>
      ) : null}
    </>
  );
}
