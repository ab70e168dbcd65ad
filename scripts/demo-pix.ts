// `npm run demo:pix` (with `npm start` running): the whole PIX journey against the local graph —
// simulate, check out as the demo patient, pay through the Celcoin simulator as a bank app would,
// then the demo clinic confirms the procedure and the clinic is paid out.
import { DEMO_PASSWORD } from '@medpay/demo-data';
import { formatBRL } from '@medpay/money';
import { randomUUID } from 'node:crypto';

const graph = process.env.MEDPAY_GRAPHQL_URL ?? 'http://127.0.0.1:4000/graphql';
const simulator = process.env.CELCOIN_BASE_URL ?? 'http://127.0.0.1:4010';
const reais = formatBRL;

async function gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(graph, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data!;
}

const login = async (email: string) =>
  (await gql<{ login: { accessToken: string } }>('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email, password: DEMO_PASSWORD } })).login.accessToken;

const status = async (id: string, token: string) =>
  (await gql<{ payment: { status: string; escrowState: string } }>('query($id: ID!) { payment(id: $id) { status escrowState } }', { id }, token)).payment;

async function until(id: string, token: string, wanted: string) {
  for (let i = 0; i < 100; i++) {
    const now = await status(id, token);
    if (now.status === wanted) return now;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`payment did not reach ${wanted}`);
}

const { procedures } = await gql<{ procedures: { edges: { node: { id: string; name: string; clinic: { tradeName: string } } }[] } }>(
  '{ procedures(filter: { search: "Clareamento" }) { edges { node { id name clinic { tradeName } } } } }',
);
const procedure = procedures.edges[0]!.node;
console.log(`Procedimento: ${procedure.name} — ${procedure.clinic.tradeName}`);

const { paymentPlans } = await gql<{ paymentPlans: { id: string; installmentCount: number; installmentCentavos: number; totalCentavos: number; cetAnnualRate: number }[] }>(
  'query($p: ID!) { paymentPlans(procedureId: $p) { id installmentCount installmentCentavos totalCentavos cetAnnualRate } }',
  { p: procedure.id },
);
for (const plan of paymentPlans.filter((p) => ['PIX', 'BOLETO', 'CARD:6', 'CARD:12', 'CREDIARIO:12'].includes(p.id))) {
  console.log(`  ${plan.id.padEnd(13)} ${plan.installmentCount}× ${reais(plan.installmentCentavos).padStart(12)}  total ${reais(plan.totalCentavos).padStart(12)}  CET ${(plan.cetAnnualRate * 100).toFixed(2)}% a.a.`);
}

const patient = await login('paciente@demo.medpay.com.br');
const clinic = await login('clinica@demo.medpay.com.br');
const { checkout } = await gql<{ checkout: { id: string; status: string; pix: { copiaECola: string } } }>(
  'mutation($i: CheckoutInput!) { checkout(input: $i) { id status pix { copiaECola } } }',
  { i: { procedureId: procedure.id, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } },
  patient,
);
console.log(`\nPagamento ${checkout.id}: ${checkout.status}\nPIX copia e cola: ${checkout.pix.copiaECola}`);

const paid = await fetch(`${simulator}/_sim/pix/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: checkout.pix.copiaECola }) });
console.log(`O banco do paciente pagou o PIX (${paid.status}).`);
console.log(`→ ${JSON.stringify(await until(checkout.id, patient, 'IN_ESCROW'))}`);

await gql('mutation($id: ID!) { confirmProcedurePerformed(paymentId: $id) { status } }', { id: checkout.id }, clinic);
console.log('A clínica confirmou o procedimento.');
console.log(`→ ${JSON.stringify(await until(checkout.id, clinic, 'PAID_OUT'))}`);

const { payment } = await gql<{ payment: { amounts: Record<string, number>; clinic: { balance: Record<string, number> } } }>(
  'query($id: ID!) { payment(id: $id) { amounts { grossCentavos platformFeeCentavos processingCostCentavos clinicNetCentavos } clinic { balance { inEscrowCentavos paidOutCentavos } } } }',
  { id: checkout.id },
  clinic,
);
const a = payment.amounts;
console.log(`Divisão: bruto ${reais(a.grossCentavos!)} = taxa MedPay ${reais(a.platformFeeCentavos!)} + custo ${reais(a.processingCostCentavos!)} + clínica ${reais(a.clinicNetCentavos!)}`);
console.log(`Saldo da clínica: em custódia ${reais(payment.clinic.balance.inEscrowCentavos!)}, repassado ${reais(payment.clinic.balance.paidOutCentavos!)}`);

// What the patient heard of it: the bell in the app, and the e-mail in the messaging simulator's inbox.
const inbox = process.env.ZENVIA_URL ?? `http://127.0.0.1:${4011 + Number(process.env.MEDPAY_PORT_OFFSET ?? 0)}`;
for (let tries = 0; tries < 50; tries += 1) {
  const { myNotifications } = await gql<{ myNotifications: { edges: { node: { title: string; body: string } }[] } }>('{ myNotifications(first: 5) { edges { node { title body } } } }', {}, patient);
  if (myNotifications.edges.length > 0) {
    console.log(`\nNotificações do paciente no app:\n${myNotifications.edges.map(({ node }) => `  • ${node.title}: ${node.body}`).join('\n')}`);
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
console.log(`E-mails, SMS e WhatsApp enviados: ${inbox}`);
