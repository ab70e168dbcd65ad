'use client';
// Partner integration: API keys for the clinic's own systems (the secret shown once, only its hash
// kept), each with the scopes chosen for it, and a short guide to calling the graph with one; then the
// clinic's webhook endpoints (components/webhooks.tsx).
import { useMutation, useQuery } from '@apollo/client/react';
import { formatDateTime } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import type { ApiKeyScope } from '@medpay/web/types';
import { CopyButton, ErrorNotice, Loading } from '@medpay/web/ui';
import { useState, type FormEvent } from 'react';
import { useClinic } from '../../../../components/clinic-context';
import { WebhookEndpoints } from '../../../../components/webhooks';
import { useClientConfig } from '@medpay/web/client-config';

const ClinicApiKeys = graphql(`
  query ClinicApiKeys($clinicId: ID!) {
    clinic(id: $clinicId) { id apiKeys { id name prefix scopes createdAt lastUsedAt revokedAt } }
  }
`);

const CreateApiKey = graphql(`
  mutation CreateApiKey($clinicId: ID!, $name: String!, $scopes: [ApiKeyScope!]!) {
    createApiKey(clinicId: $clinicId, name: $name, scopes: $scopes) { secret apiKey { id name prefix scopes createdAt lastUsedAt revokedAt } }
  }
`);

const RevokeApiKey = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) { id revokedAt }
  }
`);

/** What each scope lets the clinic's system do, in the order the form offers them. */
const SCOPES: [ApiKeyScope, string][] = [
  ['PAYMENTS_READ', 'Consultar pagamentos, saldos e extratos'],
  ['EVENTS_SUBSCRIBE', 'Receber eventos de pagamento em tempo real'],
  ['CATALOG_WRITE', 'Criar e alterar procedimentos'],
  ['PAYMENTS_CONFIRM', 'Confirmar procedimentos realizados (libera a custódia)'],
  ['PAYMENTS_REFUND', 'Estornar pagamentos'],
];
const scopeLabel = (scope: ApiKeyScope) => SCOPES.find(([value]) => value === scope)?.[1] ?? scope;

export default function IntegrationPage() {
  const clinic = useClinic();
  const { routerUrl } = useClientConfig();
  const { data, loading, error } = useQuery(ClinicApiKeys, { variables: { clinicId: clinic.id }, skip: clinic.role !== 'ADMIN' });
  const [create, creating] = useMutation(CreateApiKey, { refetchQueries: [ClinicApiKeys] });
  const [revoke, revoking] = useMutation(RevokeApiKey);
  const [name, setName] = useState('');
  // Read-only unless the admin grants more: a key that moves money is a deliberate choice.
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['PAYMENTS_READ']);
  const toggle = (scope: ApiKeyScope, on: boolean) => setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));
  const [secret, setSecret] = useState<string | null>(null);
  const [revokingId, setRevokingId] = useState<string | null>(null);

  if (clinic.role !== 'ADMIN') return <p className="notice notice-info">Somente administradores da clínica gerenciam chaves de API.</p>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const result = await create({ variables: { clinicId: clinic.id, name: name.trim(), scopes } });
      setSecret(result.data?.createApiKey?.secret ?? null);
      setName('');
      setScopes(['PAYMENTS_READ']);
    } catch {
      // shown below
    }
  };
  const example = `curl -s ${routerUrl} \\
  -H 'content-type: application/json' \\
  -H 'X-Api-Key: ${secret ?? 'mpk_live_…'}' \\
  -d '{"query":"{ clinic(id: \\"${clinic.id}\\") { balance { inEscrowCentavos availableCentavos } payments(first: 5) { edges { node { id status amounts { grossCentavos clinicNetCentavos } } } } } }"}'`;

  return (
    <>
      <h1>Integração (API)</h1>
      <p>Conecte o sistema da clínica (prontuário, ERP, CRM) à MedPay pela mesma API GraphQL deste painel, e receba os eventos por webhooks. Cada chave e cada endpoint valem só para esta clínica.</p>
      <h2>Chaves de API</h2>
      {secret ? (
        <section className="card notice-ok" role="status" aria-labelledby="secret-title">
          <h2 id="secret-title">Chave criada — copie agora</h2>
          <p>Esta é a única vez em que a chave aparece inteira. A MedPay guarda apenas um resumo (hash) dela.</p>
          <p className="mono secret" data-testid="api-key-secret">{secret}</p>
          <div className="row">
            <CopyButton text={secret} label="Copiar chave" />
            <button type="button" className="button secondary" onClick={() => setSecret(null)}>Já guardei a chave</button>
          </div>
        </section>
      ) : null}
      <form className="card" onSubmit={submit}>
        <div className="row">
          <div className="grow">
            <label htmlFor="k-name">Nome da nova chave</label>
            <input id="k-name" required maxLength={80} placeholder="ex.: ERP da recepção" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <button type="submit" className="button" disabled={creating.loading || scopes.length === 0}>{creating.loading ? 'Criando…' : 'Criar chave'}</button>
        </div>
        <fieldset>
          <legend>O que esta chave pode fazer</legend>
          {SCOPES.map(([scope, label]) => (
            <label key={scope} className="check">
              <input type="checkbox" checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} /> {label}
            </label>
          ))}
        </fieldset>
        <ErrorNotice error={creating.error} />
      </form>
      <ErrorNotice error={error ?? revoking.error} />
      {loading && !data ? <Loading /> : null}
      <table>
        <thead><tr><th>Nome</th><th>Início da chave</th><th>Permissões</th><th>Criada em</th><th>Último uso</th><th>Situação</th><th><span className="visually-hidden">Ações</span></th></tr></thead>
        <tbody>
          {(data?.clinic?.apiKeys ?? []).map((key) => (
            <tr key={key.id}>
              <td>{key.name}</td>
              <td className="mono">{key.prefix}…</td>
              <td><ul className="plain">{key.scopes.map((scope) => <li key={scope}>{scopeLabel(scope)}</li>)}</ul></td>
              <td>{formatDateTime(key.createdAt)}</td>
              <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Nunca'}</td>
              <td>{key.revokedAt ? `Revogada em ${formatDateTime(key.revokedAt)}` : 'Ativa'}</td>
              <td>
                {key.revokedAt ? null : revokingId === key.id ? (
                  <span className="row">
                    <button type="button" className="button danger" disabled={revoking.loading} onClick={() => void revoke({ variables: { id: key.id } }).then(() => setRevokingId(null), () => undefined)}>Sim, revogar</button>
                    <button type="button" className="button secondary" onClick={() => setRevokingId(null)}>Cancelar</button>
                  </span>
                ) : (
                  <button type="button" className="link" onClick={() => setRevokingId(key.id)}>Revogar<span className="visually-hidden"> {key.name}</span></button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="card guide">
        <h2>Como chamar a API</h2>
        <ol>
          <li>Envie requisições <code>POST</code> com JSON para <code className="mono">{routerUrl}</code>.</li>
          <li>Autentique com o cabeçalho <code>X-Api-Key</code>. Nunca coloque a chave em páginas ou apps de pacientes: ela fica no servidor da clínica.</li>
          <li>Valores são inteiros em centavos (R$ 1.200,00 = <code>120000</code>); datas em ISO 8601.</li>
          <li>Para acompanhar pagamentos em tempo real, assine <code>clinicPaymentEvents(clinicId)</code> por WebSocket (protocolo graphql-ws) no mesmo endereço, com <code>{'{ "x-api-key": "…" }'}</code> em <code>connectionParams</code>.</li>
          <li>Cada chave só faz o que suas permissões permitem; fora delas a resposta é <code>FORBIDDEN</code>.</li>
          <li>Uma chave revogada deixa de funcionar em menos de um segundo, inclusive conexões abertas.</li>
        </ol>
        <pre className="code" tabIndex={0} aria-label="Exemplo de chamada com curl">{example}</pre>
      </section>
      <WebhookEndpoints clinicId={clinic.id} />
    </>
  );
}
