'use client';
// The clinic's own systems connected to MedPay (Helena CRM, NinSaúde ERP): the form that connects one
// (credentials go to the graph once and are never shown back), and each connection's parts — what it
// syncs, its procedures mapped to the MedPay catalog, its sync log and the appointments it brought in,
// each with the payment link made for it.
import { formatBRL, formatDateTime, paymentStatusLabel, practiceConnectionStatusLabel, practiceSystemLabel } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import type { PaymentLinkStatus, PaymentStatus, PracticeConnectionFieldsFragment, PracticeCredentialsInput, PracticeSystemKind } from '@medpay/web/types';
import { CopyButton, TableScroll } from '@medpay/web/ui';
import { useId, useState, type FormEvent } from 'react';
import { PaymentLinkStatusBadge } from './payment-links';

export const PracticeConnectionFields = graphql(`
  fragment PracticeConnectionFields on PracticeConnection {
    id kind status accountName connectedAt lastSyncedAt lastError syncAppointments writeBack
    procedures { code name priceCentavos procedure { id name } }
    syncLog(first: 10) { startedAt finishedAt imported linked writtenBack errors }
    appointments(first: 50) { externalId startsAt status patientName paymentLinkToken writtenBackStatus procedure { id name } }
  }
`);

export type Connection = PracticeConnectionFieldsFragment;

/** An appointment's status as the system reports it. */
export const appointmentStatusLabel: Record<string, string> = { SCHEDULED: 'Agendado', CONFIRMED: 'Confirmado', CANCELLED: 'Cancelado', DONE: 'Atendido' };

/** The credentials of one kind of system, as typed; anything else stays out of the input. */
export function credentialsFor(kind: PracticeSystemKind, fields: Record<string, string>): PracticeCredentialsInput {
  if (kind === 'HELENA') return { apiToken: fields.apiToken?.trim() ?? '', webhookSecret: fields.webhookSecret?.trim() || null };
  return { account: fields.account?.trim() ?? '', username: fields.username?.trim() ?? '', password: fields.password ?? '', accountUnit: Number(fields.accountUnit) };
}

const KIND_HELP: Record<PracticeSystemKind, string> = {
  HELENA: 'Crie um token em Ajustes › Integrações › Integração via API, no Helena, e cole aqui.',
  NINSAUDE: 'Use um usuário do NinSaúde criado para a integração. A senha é usada uma vez para obter o acesso e não é guardada.',
};

const NO_CREDENTIALS: Record<string, string> = { accountUnit: '1' };

/** Connects a system: the kind, then its credentials (cleared from the form once sent, or when the kind changes). */
export function ConnectForm({ busy, onConnect }: { busy: boolean; onConnect(kind: PracticeSystemKind, credentials: PracticeCredentialsInput): Promise<boolean> }) {
  const id = useId();
  const [kind, setKind] = useState<PracticeSystemKind>('NINSAUDE');
  const [fields, setFields] = useState<Record<string, string>>(NO_CREDENTIALS);
  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input id={`${id}-${name}`} autoComplete="off" value={fields[name] ?? ''} onChange={(event) => setFields({ ...fields, [name]: event.target.value })} {...props} />
    </div>
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onConnect(kind, credentialsFor(kind, fields))) setFields(NO_CREDENTIALS);
  };
  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Conectar um sistema</h2>
      <fieldset>
        <legend>Sistema da clínica</legend>
        {(['NINSAUDE', 'HELENA'] as const).map((option) => (
          <label key={option} className="check">
            <input type="radio" name={`${id}-kind`} value={option} checked={kind === option} onChange={() => {
              // One system's secrets never linger under the other's form.
              setKind(option);
              setFields(NO_CREDENTIALS);
            }} /> {practiceSystemLabel[option]}
          </label>
        ))}
      </fieldset>
      <p className="hint">{KIND_HELP[kind]}</p>
      <div className="form-grid">
        {kind === 'HELENA' ? (
          <>
            {field('apiToken', 'Token de API', { type: 'password', required: true })}
            {field('webhookSecret', 'Segredo dos webhooks (opcional)', { type: 'password' })}
          </>
        ) : (
          <>
            {field('account', 'Conta', { required: true })}
            {field('username', 'Usuário', { required: true })}
            {field('password', 'Senha', { type: 'password', required: true })}
            {field('accountUnit', 'Unidade', { type: 'number', min: 1, required: true, inputMode: 'numeric' })}
          </>
        )}
      </div>
      <p><button type="submit" className="button" disabled={busy}>{busy ? 'Conectando…' : `Conectar ${practiceSystemLabel[kind]}`}</button></p>
    </form>
  );
}

/** What the connection syncs: two switches, saved as they change. */
export function SyncSettings({ connection, disabled, onChange }: { connection: Connection; disabled: boolean; onChange(settings: { syncAppointments: boolean; writeBack: boolean }): void }) {
  const id = useId();
  const settings = { syncAppointments: connection.syncAppointments, writeBack: connection.writeBack };
  return (
    <fieldset className="sync-settings">
      <legend>O que sincronizar</legend>
      <label className="check" htmlFor={`${id}-import`}>
        <input id={`${id}-import`} type="checkbox" checked={settings.syncAppointments} disabled={disabled} onChange={(event) => onChange({ ...settings, syncAppointments: event.target.checked })} />
        Importar agendamentos (cria um link de pagamento para cada agendamento com procedimento mapeado)
      </label>
      <label className="check" htmlFor={`${id}-write`}>
        <input id={`${id}-write`} type="checkbox" checked={settings.writeBack} disabled={disabled} onChange={(event) => onChange({ ...settings, writeBack: event.target.checked })} />
        Registrar pagamentos no sistema (situação e comprovante no agendamento)
      </label>
    </fieldset>
  );
}

interface CatalogProcedure {
  id: string;
  name: string;
}

/** The system's procedures, each mapped to one of the MedPay catalog (or to none: not charged through MedPay). */
export function MappingTable({ connection, catalog, disabled, saving, onMap }: { connection: Connection; catalog: readonly CatalogProcedure[]; disabled: boolean; saving: string | null; onMap(code: string, procedureId: string | null): void }) {
  const id = useId();
  if (connection.procedures.length === 0) return <p className="muted">O sistema não informou procedimentos.</p>;
  return (
    <TableScroll label={`Procedimentos do ${practiceSystemLabel[connection.kind]}`}>
      <table className="practice-mapping">
        <caption className="visually-hidden">Procedimentos do {practiceSystemLabel[connection.kind]} e os da MedPay</caption>
        <thead><tr><th>Código</th><th>Procedimento no {practiceSystemLabel[connection.kind]}</th><th className="num">Valor no sistema</th><th>Procedimento na MedPay</th></tr></thead>
        <tbody>
          {connection.procedures.map((procedure, index) => (
            <tr key={procedure.code} data-practice-procedure={procedure.code}>
              <td className="mono">{procedure.code}</td>
              <td>{procedure.name}</td>
              <td className="num money">{procedure.priceCentavos == null ? '—' : formatBRL(procedure.priceCentavos)}</td>
              <td>
                <label htmlFor={`${id}-${index}`} className="visually-hidden">Procedimento na MedPay para {procedure.name}</label>
                <select id={`${id}-${index}`} value={procedure.procedure?.id ?? ''} disabled={disabled || saving === procedure.code} onChange={(event) => onMap(procedure.code, event.target.value || null)}>
                  <option value="">Não cobrar pela MedPay</option>
                  {catalog.map((option) => <option key={option.id} value={option.id}>{option.name}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function SyncLog({ runs }: { runs: Connection['syncLog'] }) {
  if (runs.length === 0) return <p className="muted">Nenhuma sincronização ainda.</p>;
  return (
    <TableScroll label="Últimas sincronizações">
      <table className="sync-log">
        <thead><tr><th>Início</th><th>Fim</th><th className="num">Agendamentos lidos</th><th className="num">Links criados</th><th className="num">Registrados no sistema</th><th>Problemas</th></tr></thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.startedAt} data-sync-run={run.startedAt}>
              <td>{formatDateTime(run.startedAt)}</td>
              <td>{run.finishedAt ? formatDateTime(run.finishedAt) : 'Em andamento'}</td>
              <td className="num">{run.imported}</td>
              <td className="num">{run.linked}</td>
              <td className="num">{run.writtenBack}</td>
              <td>{run.errors.length ? <ul className="plain">{run.errors.map((error, index) => <li key={index}>{error}</li>)}</ul> : 'Nenhum'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A payment link as the appointments table needs it: found by its token among the clinic's links. */
export interface LinkByToken {
  url: string;
  status: PaymentLinkStatus;
}

export function ImportedAppointments({ appointments, links }: { appointments: Connection['appointments']; links: ReadonlyMap<string, LinkByToken> }) {
  if (appointments.length === 0) return <p className="muted">Nenhum agendamento importado ainda.</p>;
  return (
    <TableScroll label="Agendamentos importados">
      <table className="practice-appointments">
        <thead><tr><th>Data</th><th>Paciente</th><th>Procedimento</th><th>Situação no sistema</th><th>Link de pagamento</th><th>Registrado no sistema</th></tr></thead>
        <tbody>
          {appointments.map((appointment) => {
            const link = appointment.paymentLinkToken ? links.get(appointment.paymentLinkToken) : undefined;
            return (
              <tr key={appointment.externalId} data-appointment={appointment.externalId}>
                <td>{formatDateTime(appointment.startsAt)}</td>
                <td>{appointment.patientName}</td>
                <td>{appointment.procedure?.name ?? <span className="muted">Sem procedimento mapeado</span>}</td>
                <td>{appointmentStatusLabel[appointment.status] ?? appointment.status}</td>
                <td>
                  {link ? (
                    <span className="row">
                      <PaymentLinkStatusBadge status={link.status} />
                      <a href={link.url} target="_blank" rel="noopener noreferrer" className="mono">{link.url.replace(/^https?:\/\//, '')}<span className="visually-hidden"> (link de pagamento de {appointment.patientName})</span></a>
                      {link.status === 'ACTIVE' ? <CopyButton text={link.url} label="Copiar link" /> : null}
                    </span>
                  ) : appointment.paymentLinkToken ? (
                    <span className="mono">{appointment.paymentLinkToken}</span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>{appointment.writtenBackStatus ? paymentStatusLabel[appointment.writtenBackStatus as PaymentStatus] ?? appointment.writtenBackStatus : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The connection's state at a glance. */
export function ConnectionSummary({ connection }: { connection: Connection }) {
  return (
    <>
      <dl className="facts">
        <dt>Situação</dt>
        <dd><span className={`badge badge-${connection.status === 'ACTIVE' ? 'ok' : 'off'}`} data-connection-status={connection.status}>{practiceConnectionStatusLabel[connection.status]}</span></dd>
        <dt>Conectado em</dt>
        <dd>{formatDateTime(connection.connectedAt)}</dd>
        <dt>Última sincronização</dt>
        <dd data-testid="last-synced">{connection.lastSyncedAt ? formatDateTime(connection.lastSyncedAt) : 'Ainda não sincronizado'}</dd>
      </dl>
      {connection.lastError ? <p className="notice notice-error" data-testid="last-error">Último erro: {connection.lastError}</p> : null}
    </>
  );
}
