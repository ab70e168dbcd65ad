'use client';
// The clinic's webhook endpoints (Standard Webhooks 1.0): create one for chosen event types, its signing
// secret shown once (on creation and on rotation, the old one accepted 24 h more), enable or disable,
// delete, and each endpoint's deliveries with "Reenviar"; then how to verify what arrives.
import { useMutation, useQuery } from '@apollo/client/react';
import { formatDateTime } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import type { WebhookDeliveryFieldsFragment, WebhookEndpointFieldsFragment } from '@medpay/web/types';
import { CopyButton, ErrorNotice, Loading, LoadMore, TableScroll } from '@medpay/web/ui';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { responseCodesText, webhookDeliveryStatusLabel, webhookEventLabel } from './labels';

export const WebhookEndpointFields = graphql(`
  fragment WebhookEndpointFields on WebhookEndpoint {
    id clinicId url events enabled createdAt previousSecretExpiresAt failing
  }
`);

export const WebhookDeliveryFields = graphql(`
  fragment WebhookDeliveryFields on WebhookDelivery {
    id endpointId eventType status attempts responseCodes createdAt lastAttemptAt nextAttemptAt
  }
`);

const ClinicWebhooks = graphql(`
  query ClinicWebhooks($clinicId: ID!) {
    webhookEndpoints(clinicId: $clinicId) { ...WebhookEndpointFields }
    webhookEventTypes
  }
`);

const CreateWebhookEndpoint = graphql(`
  mutation CreateWebhookEndpoint($clinicId: ID!, $url: String!, $events: [String!]!) {
    createWebhookEndpoint(clinicId: $clinicId, url: $url, events: $events) { secret endpoint { ...WebhookEndpointFields } }
  }
`);

const SetWebhookEndpointEnabled = graphql(`
  mutation SetWebhookEndpointEnabled($id: ID!, $enabled: Boolean!) {
    setWebhookEndpointEnabled(id: $id, enabled: $enabled) { ...WebhookEndpointFields }
  }
`);

const RotateWebhookSecret = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) { secret endpoint { ...WebhookEndpointFields } }
  }
`);

const DeleteWebhookEndpoint = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id)
  }
`);

const WebhookDeliveries = graphql(`
  query WebhookDeliveries($endpointId: ID!, $after: String) {
    webhookDeliveries(endpointId: $endpointId, first: 20, after: $after) {
      edges { cursor node { ...WebhookDeliveryFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const RedeliverWebhook = graphql(`
  mutation RedeliverWebhook($deliveryId: ID!) {
    redeliverWebhook(deliveryId: $deliveryId) { ...WebhookDeliveryFields }
  }
`);

/** An event type in words, with its name as partners' code sees it. */
export function EventTypeName({ type }: { type: string }) {
  const label = webhookEventLabel[type];
  return label ? <>{label} <code>{type}</code></> : <code>{type}</code>;
}

export interface ShownSecret {
  kind: 'created' | 'rotated';
  endpointId: string;
  url: string;
  secret: string;
}

/** A signing secret, the only time it is shown (it takes the focus, so it is seen and heard): copy it, then say it is kept. */
export function SecretOnce({ shown, onDone }: { shown: ShownSecret; onDone(): void }) {
  const card = useRef<HTMLElement>(null);
  useEffect(() => card.current?.focus(), [shown.secret]);
  return (
    <section ref={card} tabIndex={-1} className="card notice-ok secret-once" aria-labelledby="webhook-secret-title">
      <h3 id="webhook-secret-title">{shown.kind === 'created' ? 'Endpoint criado — copie o segredo agora' : 'Novo segredo gerado — copie agora'}</h3>
      <p>
        Segredo de assinatura de <span className="mono">{shown.url}</span>. <strong>Ele não será mostrado novamente</strong>: a MedPay o guarda
        cifrado e não consegue exibi-lo depois. Guarde-o no servidor que recebe os webhooks (por exemplo, numa variável de ambiente).
      </p>
      {shown.kind === 'rotated' ? (
        <p>O segredo anterior continua válido por 24 horas: nesse período cada entrega vai assinada com os dois, para você trocar o segredo no seu servidor sem perder eventos.</p>
      ) : null}
      <p className="mono secret" data-testid="webhook-secret">{shown.secret}</p>
      <div className="row">
        <CopyButton text={shown.secret} label="Copiar segredo" />
        <button type="button" className="button secondary" onClick={onDone}>Já guardei o segredo</button>
      </div>
    </section>
  );
}

/** One endpoint's deliveries, newest first, each with what the endpoint answered and "Reenviar". */
export function DeliveriesTable({ deliveries, redelivering, onRedeliver }: { deliveries: WebhookDeliveryFieldsFragment[]; redelivering: string | null; onRedeliver(id: string): void }) {
  if (deliveries.length === 0) return <p className="muted">Nenhuma entrega ainda.</p>;
  return (
    <TableScroll label="Entregas">
      <table className="deliveries">
        <thead>
          <tr><th>Evento</th><th>Situação</th><th className="num">Tentativas</th><th>Respostas (HTTP)</th><th>Criada em</th><th>Última tentativa</th><th><span className="visually-hidden">Ações</span></th></tr>
        </thead>
        <tbody>
          {deliveries.map((delivery) => (
            <tr key={delivery.id} data-delivery-id={delivery.id}>
              <td><code>{delivery.eventType}</code></td>
              <td>
                <span className={`badge badge-${delivery.status === 'SUCCEEDED' ? 'ok' : delivery.status === 'FAILED' ? 'off' : 'wait'}`} data-delivery-status={delivery.status}>
                  {webhookDeliveryStatusLabel[delivery.status]}
                </span>
                {delivery.status === 'PENDING' && delivery.nextAttemptAt ? <span className="hint"> · nova tentativa em {formatDateTime(delivery.nextAttemptAt)}</span> : null}
              </td>
              <td className="num">{delivery.attempts}</td>
              <td className="mono">{responseCodesText(delivery.responseCodes)}</td>
              <td>{formatDateTime(delivery.createdAt)}</td>
              <td>{delivery.lastAttemptAt ? formatDateTime(delivery.lastAttemptAt) : '—'}</td>
              <td>
                <button type="button" className="link" disabled={redelivering === delivery.id} onClick={() => onRedeliver(delivery.id)}>
                  {redelivering === delivery.id ? 'Reenviando…' : 'Reenviar'}<span className="visually-hidden"> a entrega {delivery.id}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Deliveries({ endpointId }: { endpointId: string }) {
  const { data, loading, error, refetch, fetchMore } = useQuery(WebhookDeliveries, { variables: { endpointId } });
  const [redeliver, redelivery] = useMutation(RedeliverWebhook);
  const [redelivering, setRedelivering] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const connection = data?.webhookDeliveries;
  return (
    <div className="deliveries-panel">
      <div className="row">
        <button type="button" className="button secondary" disabled={loading} onClick={() => void refetch().catch(() => undefined)}>Atualizar</button>
        <span role="status" className="muted">{done}</span>
      </div>
      <ErrorNotice error={error ?? redelivery.error} />
      {loading && !data ? <Loading /> : null}
      {connection ? (
        <DeliveriesTable
          deliveries={connection.edges.map((edge) => edge.node)}
          redelivering={redelivering}
          onRedeliver={(deliveryId) => {
            setRedelivering(deliveryId);
            setDone(null);
            // The same webhook-id goes again; the row follows through the cache.
            void redeliver({ variables: { deliveryId } })
              .then(() => setDone('Reenvio solicitado: a entrega sai agora, com o mesmo webhook-id.'), () => undefined)
              .finally(() => setRedelivering(null));
          }}
        />
      ) : null}
      <LoadMore pageInfo={connection?.pageInfo} onMore={(after) => void fetchMore({ variables: { after } })} />
    </div>
  );
}

function EndpointCard({ endpoint, secret, onSecret, onDeleted }: { endpoint: WebhookEndpointFieldsFragment; secret: ShownSecret | null; onSecret(shown: ShownSecret | null): void; onDeleted(url: string): void }) {
  const titleId = useId();
  const [confirming, setConfirming] = useState<'rotate' | 'delete' | null>(null);
  const [showDeliveries, setShowDeliveries] = useState(false);
  const [setEnabled, enabling] = useMutation(SetWebhookEndpointEnabled);
  const [rotate, rotating] = useMutation(RotateWebhookSecret);
  const [remove, removing] = useMutation(DeleteWebhookEndpoint, { refetchQueries: [ClinicWebhooks], awaitRefetchQueries: true });
  const state = !endpoint.enabled ? { label: 'Desativado', tone: 'wait' } : endpoint.failing ? { label: 'Falhando', tone: 'off' } : { label: 'Ativo', tone: 'ok' };

  return (
    <section className="card webhook-endpoint" aria-labelledby={titleId} data-endpoint-id={endpoint.id}>
      <div className="spread">
        <h3 id={titleId} className="mono">{endpoint.url}</h3>
        <span className={`badge badge-${state.tone}`} data-testid="endpoint-state">{state.label}</span>
      </div>
      <p className="muted">Criado em {formatDateTime(endpoint.createdAt)}</p>
      <ul className="plain events">
        {endpoint.events.map((type) => <li key={type}><EventTypeName type={type} /></li>)}
      </ul>
      {!endpoint.enabled ? <p className="hint">Desativado: nenhum evento é enviado a este endereço até você ativá-lo de novo.</p> : null}
      {endpoint.enabled && endpoint.failing ? <p className="notice notice-error">Todas as entregas da última hora falharam. Confira se o endereço está no ar e responde com um código 2xx.</p> : null}
      {secret ? <SecretOnce shown={secret} onDone={() => onSecret(null)} /> : null}
      {endpoint.previousSecretExpiresAt ? (
        <p className="notice notice-info">O segredo anterior ainda é aceito até {formatDateTime(endpoint.previousSecretExpiresAt)}; as entregas vão assinadas com os dois até lá.</p>
      ) : null}
      <div className="row">
        <button
          type="button"
          className="button secondary"
          disabled={enabling.loading}
          onClick={() => void setEnabled({ variables: { id: endpoint.id, enabled: !endpoint.enabled } }).catch(() => undefined)}
        >
          {endpoint.enabled ? 'Desativar' : 'Ativar'}<span className="visually-hidden"> {endpoint.url}</span>
        </button>
        <button type="button" className="button secondary" onClick={() => setConfirming('rotate')}>Gerar novo segredo<span className="visually-hidden"> de {endpoint.url}</span></button>
        <button type="button" className="button secondary" onClick={() => setConfirming('delete')}>Excluir<span className="visually-hidden"> {endpoint.url}</span></button>
      </div>
      {confirming === 'rotate' ? (
        <div className="confirm-box" role="group" aria-label="Confirmar novo segredo">
          <p>Gerar um novo segredo para <span className="mono">{endpoint.url}</span>? O segredo atual continua válido por 24 horas; depois, só o novo.</p>
          <div className="row">
            <button
              type="button"
              className="button"
              disabled={rotating.loading}
              onClick={() =>
                void rotate({ variables: { id: endpoint.id } }).then((result) => {
                  const rotated = result.data?.rotateWebhookSecret;
                  if (rotated) onSecret({ kind: 'rotated', endpointId: rotated.endpoint.id, url: rotated.endpoint.url, secret: rotated.secret });
                  setConfirming(null);
                }, () => undefined)
              }
            >
              Sim, gerar novo segredo
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(null)}>Cancelar</button>
          </div>
        </div>
      ) : null}
      {confirming === 'delete' ? (
        <div className="confirm-box" role="group" aria-label="Confirmar exclusão">
          <p>Excluir <span className="mono">{endpoint.url}</span>? Ele deixa de receber eventos na hora, e isto não pode ser desfeito.</p>
          <div className="row">
            <button
              type="button"
              className="button danger"
              disabled={removing.loading}
              onClick={() => void remove({ variables: { id: endpoint.id } }).then(() => onDeleted(endpoint.url), () => undefined)}
            >
              Sim, excluir
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(null)}>Cancelar</button>
          </div>
        </div>
      ) : null}
      <ErrorNotice error={enabling.error ?? rotating.error ?? removing.error} />
      <details className="deliveries-toggle" onToggle={(event) => setShowDeliveries(event.currentTarget.open)}>
        <summary>Entregas recentes</summary>
        {showDeliveries ? <Deliveries endpointId={endpoint.id} /> : null}
      </details>
    </section>
  );
}

const VERIFY_EXAMPLE = `// npm install standardwebhooks express
import express from 'express';
import { Webhook } from 'standardwebhooks';

// o segredo whsec_… mostrado ao criar o endpoint (ou ao gerar um novo)
const webhook = new Webhook(process.env.MEDPAY_WEBHOOK_SECRET);
const app = express();

// O corpo cru (Buffer): a assinatura cobre os bytes exatamente como chegaram.
app.post('/webhooks/medpay', express.raw({ type: 'application/json' }), async (req, res) => {
  let event;
  try {
    event = webhook.verify(req.body, {
      'webhook-id': req.get('webhook-id'),
      'webhook-timestamp': req.get('webhook-timestamp'),
      'webhook-signature': req.get('webhook-signature'),
    });
  } catch {
    return res.status(400).send('assinatura inválida');
  }
  // Novas tentativas e reenvios trazem o mesmo webhook-id: processe cada um uma vez só.
  if (await alreadyProcessed(req.get('webhook-id'))) return res.sendStatus(204);
  await enqueue(event.type, event.data); // responda logo; processe depois
  res.sendStatus(204);
});`;

/** The Standard Webhooks headers in Portuguese, and verification with the standardwebhooks library. */
export function WebhookGuide() {
  return (
    <section className="card guide" aria-labelledby="webhook-guide-title">
      <h3 id="webhook-guide-title">Como verificar os webhooks</h3>
      <p>
        Cada evento chega como um <code>POST</code> com corpo JSON, no padrão <a href="https://www.standardwebhooks.com/" target="_blank" rel="noopener noreferrer">Standard Webhooks 1.0</a>,
        com três cabeçalhos:
      </p>
      <dl className="facts headers">
        <dt><code>webhook-id</code></dt>
        <dd>O identificador da mensagem. É o mesmo em todas as tentativas e nos reenvios: use-o para não processar o mesmo evento duas vezes.</dd>
        <dt><code>webhook-timestamp</code></dt>
        <dd>Quando a mensagem foi assinada, em segundos desde 01/01/1970 (Unix). Recuse mensagens com mais de 5 minutos de diferença do seu relógio, para que ninguém reaproveite uma entrega antiga.</dd>
        <dt><code>webhook-signature</code></dt>
        <dd>
          A assinatura: <code>v1,</code> seguido do HMAC-SHA256 em base64 de <code>webhook-id.webhook-timestamp.corpo</code>, feito com o seu segredo <code>whsec_…</code>.
          Pode trazer mais de uma, separadas por espaço (nas 24 horas depois de gerar um novo segredo, uma com cada segredo): basta uma conferir.
        </dd>
      </dl>
      <ol>
        <li>Verifique a assinatura com o corpo cru, exatamente como chegou: reformatar o JSON invalida a assinatura.</li>
        <li>Responda com um código 2xx assim que guardar o evento. Qualquer outra resposta, ou nenhuma, é tentada de novo por até 3 dias; depois disso, use “Reenviar”.</li>
      </ol>
      <pre className="code" tabIndex={0} aria-label="Exemplo de verificação com a biblioteca standardwebhooks (Node.js)">{VERIFY_EXAMPLE}</pre>
    </section>
  );
}

/** The webhooks part of the Integração page. */
export function WebhookEndpoints({ clinicId }: { clinicId: string }) {
  const { data, loading, error } = useQuery(ClinicWebhooks, { variables: { clinicId } });
  const [create, creating] = useMutation(CreateWebhookEndpoint, { refetchQueries: [ClinicWebhooks], awaitRefetchQueries: true });
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const toggle = (type: string, on: boolean) => setEvents((current) => (on ? [...current, type] : current.filter((t) => t !== type)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDeleted(null);
    try {
      const result = await create({ variables: { clinicId, url: url.trim(), events } });
      const created = result.data?.createWebhookEndpoint;
      if (created) setShown({ kind: 'created', endpointId: created.endpoint.id, url: created.endpoint.url, secret: created.secret });
      setUrl('');
      setEvents([]);
    } catch {
      // shown below
    }
  };
  const endpoints = data?.webhookEndpoints ?? [];

  return (
    <section aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks</h2>
      <p>A MedPay avisa o sistema da clínica quando algo acontece (um pagamento confirmado, uma parcela paga), com um <code>POST</code> assinado para o endereço que você cadastrar.</p>
      {deleted ? <p className="notice notice-ok" role="status">Endpoint {deleted} excluído.</p> : null}
      <form className="card" onSubmit={submit} aria-label="Novo endpoint de webhook">
        <label htmlFor="w-url">URL do endpoint</label>
        <input id="w-url" type="url" required inputMode="url" placeholder="https://erp.suaclinica.com.br/webhooks/medpay" value={url} onChange={(e) => setUrl(e.target.value)} aria-describedby="w-url-hint" />
        <p className="hint" id="w-url-hint">Um endereço https do seu servidor, que responda com um código 2xx.</p>
        <fieldset>
          <legend>Eventos enviados</legend>
          {(data?.webhookEventTypes ?? []).map((type) => (
            <label key={type} className="check">
              <input type="checkbox" checked={events.includes(type)} onChange={(e) => toggle(type, e.target.checked)} /> <EventTypeName type={type} />
            </label>
          ))}
        </fieldset>
        <p>
          <button type="submit" className="button" disabled={creating.loading || events.length === 0}>{creating.loading ? 'Criando…' : 'Criar endpoint'}</button>
        </p>
        <ErrorNotice error={creating.error} />
      </form>
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : null}
      {data && endpoints.length === 0 ? <p className="muted">Nenhum endpoint cadastrado.</p> : null}
      {endpoints.map((endpoint) => (
        <EndpointCard
          key={endpoint.id}
          endpoint={endpoint}
          secret={shown?.endpointId === endpoint.id ? shown : null}
          onSecret={(next) => {
            setDeleted(null);
            setShown(next);
          }}
          onDeleted={(gone) => {
            if (shown?.endpointId === endpoint.id) setShown(null);
            setDeleted(gone);
          }}
        />
      ))}
      <WebhookGuide />
    </section>
  );
}
