// `npm run watch:payment` (with `npm start` running): subscribes as the demo patient to their payment
// events through the router's graphql-ws endpoint and prints each status change as it happens. Run
// `npm run demo:pix` in another terminal to watch a payment go by. Ctrl-C stops.
import { DEMO_PASSWORD } from '@medpay/demo-data';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const graph = process.env.MEDPAY_GRAPHQL_URL ?? 'http://127.0.0.1:4000/graphql';
const email = process.env.MEDPAY_EMAIL ?? 'paciente@demo.medpay.com.br';

const LABELS: Record<string, string> = {
  AWAITING_PAYMENT: 'aguardando pagamento',
  PAID: 'pago',
  IN_ESCROW: 'em custódia',
  RELEASED: 'liberado à clínica',
  PAID_OUT: 'repassado à clínica',
  EXPIRED: 'expirado',
  CANCELED: 'cancelado',
  DECLINED: 'recusado',
  REFUNDED: 'reembolsado',
  PARTIALLY_REFUNDED: 'reembolsado em parte',
  DISPUTED: 'em contestação',
  CHARGED_BACK: 'contestado no banco do cartão (chargeback)',
};
const label = (status: string | null) => (status ? `${status} (${LABELS[status] ?? status})` : '—');

interface PaymentEvent {
  id: string;
  from: string | null;
  status: string;
  escrowState: string;
  reason: string;
  at: string;
  payment: { id: string; clinic: { tradeName: string } | null; procedure: { name: string } | null };
}

async function login(): Promise<string> {
  const response = await fetch(graph, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', variables: { i: { email, password: DEMO_PASSWORD } } }),
  });
  const body = (await response.json()) as { data?: { login: { accessToken: string } | null }; errors?: { message: string }[] };
  if (!body.data?.login) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `login answered ${response.status}`);
  return body.data.login.accessToken;
}

const client = createClient({
  url: graph.replace(/^http/, 'ws'),
  webSocketImpl: WebSocket,
  // A fresh token at each (re)connection: the router closes the socket when a token expires.
  connectionParams: async () => ({ authorization: `Bearer ${await login()}` }),
  retryAttempts: 30,
  retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** retries, 10_000))),
  shouldRetry: () => true,
  on: {
    connected: (_socket, _payload, wasRetry) => console.log(wasRetry ? 'Reconectado.' : `Acompanhando os pagamentos de ${email} em tempo real (Ctrl-C para sair)…`),
    closed: (event) => {
      const { code, reason } = event as { code?: number; reason?: string };
      if (code !== 1000) console.log(`Conexão encerrada (${code ?? '?'}${reason ? `: ${reason}` : ''}); reconectando…`);
    },
  },
});

client.subscribe<{ myPaymentEvents: PaymentEvent }>(
  { query: 'subscription { myPaymentEvents { id from status escrowState reason at payment { id clinic { tradeName } procedure { name } } } }' },
  {
    next: ({ data, errors }) => {
      if (errors?.length) return console.error(`Erro: ${errors.map((e) => e.message).join('; ')}`);
      const event = data?.myPaymentEvents;
      if (!event) return;
      const time = new Date(event.at).toLocaleTimeString('pt-BR', { timeZone: 'America/Sao_Paulo' });
      const what = [event.payment.procedure?.name, event.payment.clinic?.tradeName].filter(Boolean).join(' — ');
      console.log(`[${time}] Pagamento ${event.payment.id.slice(0, 8)} ${what}: ${label(event.from)} → ${label(event.status)} · custódia ${event.escrowState} · ${event.reason}`);
    },
    error: (error) => {
      console.error('A assinatura terminou com erro:', Array.isArray(error) ? error.map((e: { message?: string }) => e.message).join('; ') : error);
      process.exit(1);
    },
    complete: () => process.exit(0),
  },
);

// Not waiting on dispose(): while the router is away it would wait for a connection that never comes.
const stop = () => {
  void client.dispose();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
