// The admin panel at 1440×900 in Debian's Chromium against the real stack: the review queue (the
// Receita Federal's record beside the clinic's; an approved clinic shows up in the patient app's search
// once its admin signed the service agreement), suspension (checkout refused), users, the
// platform-wide payment search with ledger entries, ledger health, figures, GraphiQL, and who gets in.
import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expectLoginStaysOnApp, accessToken, clickSignSigner, expectAccessible, freshCpf, graph, logIn, PATIENT_APP_URL, payPix, ROUTER_URL, screenshot, signUpPatient } from '../../e2e';

const ADMIN = 'admin@demo.medpay.com.br';

test('an admin reviews a pending clinic against the Receita Federal and approves it; once its admin signs the agreement it appears in the patient app search', async ({ page, context }) => {
  await logIn(page, ADMIN);
  await expect(page.getByRole('heading', { name: 'Visão geral' })).toBeVisible();
  await page.getByRole('link', { name: 'Clínicas', exact: true }).click();
  const row = page.locator('[data-clinic="Bem Nascer"]');
  await expect(row).toBeVisible();

  // Beside what the clinic typed, the Receita Federal's record of its CNPJ.
  await row.getByRole('button', { name: 'Consultar de novo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Bem Nascer: CNPJ consultado na Receita Federal.' })).toBeVisible();
  const facts = row.locator('.receita-record dl');
  await expect(facts.locator('[data-cnpj-status]')).toHaveText('Ativa');
  for (const term of ['Situação cadastral', 'Razão social', 'Nome fantasia', 'CNAE principal', 'Endereço', 'Consultado em']) await expect(facts.getByText(term, { exact: true })).toBeVisible();
  await expect(facts).toContainText(/\d{4}-\d\/\d{2} — /);
  await expect(facts).toContainText(/\d{2}\/\d{2}\/\d{4} às \d{2}:\d{2}/);
  await expectAccessible(page, 'the clinic review with the Receita Federal record');
  await screenshot(page, 'admin-review-queue');

  const patientApp = await context.newPage();
  await patientApp.goto(`${PATIENT_APP_URL}/?q=ultrassom`);
  await expect(patientApp.getByRole('heading', { name: 'Encontre seu procedimento' })).toBeVisible();
  await expect(patientApp.getByRole('link', { name: 'Ultrassom morfológico' })).toHaveCount(0);

  // Approval waits for the service agreement, sent to the clinic's admin for signature.
  await row.getByRole('button', { name: 'Aprovar Bem Nascer' }).click();
  await page.getByRole('button', { name: 'Sim, aprovar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Bem Nascer: aprovada, aguardando a assinatura do contrato de serviços' })).toBeVisible();
  await page.getByRole('tab', { name: 'Aguardando contrato' }).click();
  const waiting = page.locator('[data-clinic="Bem Nascer"]');
  await expect(waiting.locator('[data-agreement-status]')).toHaveText('Enviado para assinatura');
  await expect(waiting.getByRole('button', { name: 'Reenviar contrato a Bem Nascer' })).toBeVisible();
  await screenshot(page, 'admin-awaiting-agreement');
  await patientApp.reload();
  await expect(patientApp.getByRole('link', { name: 'Ultrassom morfológico' })).toHaveCount(0);

  // The clinic's admin signs the agreement at ClickSign (the page its e-mail links to).
  const signer = await clickSignSigner('Contrato de serviços MedPay', 'bem.nascer@demo.medpay.com.br');
  const signing = await context.newPage();
  await signing.goto(signer.signingUrl);
  await signing.getByLabel('Código de verificação').fill((await signing.getByTestId('sim-token').innerText()).trim());
  await signing.getByRole('button', { name: 'Assinar' }).click();
  await signing.close();

  await page.getByRole('tab', { name: 'Ativas' }).click();
  await expect(async () => {
    await page.getByRole('tab', { name: 'Aguardando contrato' }).click();
    await page.getByRole('tab', { name: 'Ativas' }).click();
    await expect(page.locator('[data-clinic="Bem Nascer"]')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  await patientApp.reload();
  await expect(patientApp.getByRole('link', { name: 'Ultrassom morfológico' })).toBeVisible();
  await screenshot(patientApp, 'patient-search-after-approval');
});

test('approving a clinic whose CNPJ is not active at the Receita Federal is refused with its situation', async ({ page }) => {
  // Someone registers a clinic with a CNPJ the Receita has as baixada (the simulator's fixed record).
  const email = `crescer.${randomUUID().slice(0, 8)}@example.com`;
  const owner = await signUpPatient({ name: 'Marina Crescer', email, password: 'Crescer@2026', cpf: freshCpf() });
  const tradeName = `Crescer ${randomUUID().slice(0, 6)}`;
  const registered = await graph<{ registerClinic: { id: string } }>(
    'mutation($input: RegisterClinicInput!) { registerClinic(input: $input) { id } }',
    { input: { legalName: 'Consultório Pediátrico Crescer Ltda', tradeName, cnpj: '31.151.791/0001-84', address: { street: 'Rua das Flores, 10', city: 'Curitiba', state: 'PR', postalCode: '80010-000' }, specialties: ['Pediatria'] } },
    owner,
  );
  expect(registered.errors).toBeUndefined();

  await logIn(page, ADMIN);
  await page.getByRole('link', { name: 'Clínicas', exact: true }).click();
  const row = page.locator(`[data-clinic="${tradeName}"]`);
  await row.getByRole('button', { name: 'Consultar de novo' }).click();
  await expect(row.locator('[data-cnpj-status]')).toHaveText('Baixada');
  await row.getByRole('button', { name: `Aprovar ${tradeName}` }).click();
  await page.getByRole('button', { name: 'Sim, aprovar' }).click();
  await expect(row.getByRole('alert')).toContainText('só um CNPJ ativo pode ser aprovado');
  await expect(row.getByRole('alert')).toContainText('Confira a situação cadastral ao lado');
  await screenshot(page, 'admin-approval-cnpj-not-active');
  await row.getByRole('button', { name: 'Cancelar' }).click();
});

test('an admin suspends a clinic: its checkout is refused until it is reactivated', async ({ page }) => {
  const patient = await accessToken('paciente@demo.medpay.com.br');
  const procedures = await graph<{ procedures: { edges: { node: { id: string; clinic: { tradeName: string } } }[] } }>('{ procedures(filter: { search: "catarata" }) { edges { node { id clinic { tradeName } } } } }');
  const procedureId = procedures.data!.procedures.edges.find((edge) => edge.node.clinic.tradeName === 'Olhos Carioca')!.node.id;
  const checkout = () => graph<{ checkout: { id: string } }>('mutation($input: CheckoutInput!) { checkout(input: $input) { id } }', { input: { procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } }, patient);

  await logIn(page, ADMIN);
  await page.getByRole('link', { name: 'Clínicas', exact: true }).click();
  await page.getByRole('tab', { name: 'Ativas' }).click();
  const row = page.locator('[data-clinic="Olhos Carioca"]');
  await row.getByRole('button', { name: 'Suspender Olhos Carioca' }).click();
  await page.getByLabel('Motivo (a clínica verá este texto)').fill('Documentação do responsável técnico vencida.');
  await screenshot(page, 'admin-suspend');
  await page.getByRole('button', { name: 'Sim, suspender' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Olhos Carioca: suspensa.' })).toBeVisible();
  try {
    const refused = await checkout();
    expect(refused.errors?.[0]?.extensions?.code).toBe('PROCEDURE_NOT_AVAILABLE');
    const search = await graph<{ clinics: { edges: unknown[] } }>('{ clinics(filter: { search: "Olhos" }) { edges { node { id } } } }');
    expect(search.data!.clinics.edges).toHaveLength(0);
  } finally {
    await page.getByRole('tab', { name: 'Suspensas' }).click();
    await expect(page.locator('[data-clinic="Olhos Carioca"]')).toContainText('Documentação do responsável técnico vencida.');
    await page.locator('[data-clinic="Olhos Carioca"]').getByRole('button', { name: 'Reativar Olhos Carioca' }).click();
    await page.getByRole('button', { name: 'Sim, reativar' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Olhos Carioca: ativa.' })).toBeVisible();
  }
  expect((await checkout()).data?.checkout.id).toMatch(/^[0-9a-f-]{36}$/);
});

test('payments by CPF with full detail and ledger entries, users lock and unlock, ledger health, figures and GraphiQL', async ({ page }) => {
  // A paid payment of the demo patient, for the search to find.
  const patient = await accessToken('paciente@demo.medpay.com.br');
  const procedures = await graph<{ procedures: { edges: { node: { id: string; clinic: { id: string } } }[] } }>('{ procedures(filter: { search: "Clareamento" }) { edges { node { id clinic { id } } } } }');
  const created = await graph<{ checkout: { id: string; pix: { copiaECola: string } } }>('mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }',
    { input: { procedureId: procedures.data!.procedures.edges[0]!.node.id, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } }, patient);
  const paymentId = created.data!.checkout.id;
  await payPix(created.data!.checkout.pix.copiaECola);

  await logIn(page, ADMIN);
  await expect(page.getByTestId('volume')).toBeVisible();
  await screenshot(page, 'admin-overview');

  await page.getByRole('link', { name: 'Pagamentos', exact: true }).click();
  await page.getByLabel('CPF do paciente').fill('529.982.247-25');
  await page.getByRole('button', { name: 'Buscar' }).click();
  await expect(page.getByText('Pagamentos de')).toContainText('Paula Paciente');
  await page.getByRole('link', { name: new RegExp(`^${paymentId.slice(0, 8)}`) }).click();
  await expect(page.getByRole('heading', { name: 'Lançamentos no livro-razão' })).toBeVisible();
  await expect(page.locator('table.ledger')).toContainText('Pagamento recebido e retido em custódia');
  await expect(page.locator('table.ledger')).toContainText('gateway_cash');
  await screenshot(page, 'admin-payment');

  await page.getByRole('link', { name: 'Usuários' }).click();
  await page.getByLabel('Nome, e-mail ou CPF completo').fill('joao.pereira');
  await page.getByRole('button', { name: 'Buscar' }).click();
  await page.getByRole('link', { name: 'João Pereira' }).click();
  await page.getByRole('button', { name: 'Bloquear conta' }).click();
  await page.getByRole('button', { name: 'Sim, bloquear' }).click();
  await expect(page.getByTestId('locked')).toBeVisible();
  expect((await graph('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', { input: { email: 'joao.pereira@demo.medpay.com.br', password: 'MedPay@2026' } })).errors?.[0]?.extensions?.code).toBe('ACCOUNT_LOCKED');
  await screenshot(page, 'admin-user');
  await page.getByRole('button', { name: 'Desbloquear conta' }).click();
  await page.getByRole('button', { name: 'Sim, desbloquear' }).click();
  await expect(page.getByTestId('locked')).toHaveCount(0);

  await page.getByRole('link', { name: 'Livro-razão' }).click();
  await expect(page.getByTestId('ledger-status')).toHaveText(/Livros em ordem/);
  await screenshot(page, 'admin-ledger');

  // The sandbox runs subscriptions too (over graphql-sse): a clinic's payment going into escrow shows up live.
  const graphiql = page.getByRole('link', { name: /GraphiQL/ });
  const [sandbox] = await Promise.all([page.context().waitForEvent('page'), graphiql.click()]);
  expect(sandbox.url()).toMatch(/\/graphql#token=ey/);
  const { id: procedureId, clinic } = procedures.data!.procedures.edges[0]!.node;
  const editor = sandbox.locator('.graphiql-query-editor');
  // GraphiQL puts its starting document in after the page loads: type until the subscription is all there is.
  await expect(async () => {
    await editor.click();
    await sandbox.keyboard.press('ControlOrMeta+A');
    await sandbox.keyboard.insertText(`subscription AoVivo { clinicPaymentEvents(clinicId: "${clinic.id}") { status payment { id } } }`);
    await expect(editor).toContainText('subscription AoVivo', { timeout: 1_000 });
    await expect(editor).not.toContainText(/\bquery\b/, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await sandbox.getByRole('button', { name: /Execute query/ }).click();
  await expect.poll(() => sandboxStreams(), { message: 'the sandbox subscription open on the router' }).toBe(1);
  const checkout = await graph<{ checkout: { id: string; pix: { copiaECola: string } } }>(
    'mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }',
    { input: { procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } },
    patient,
  );
  await payPix(checkout.data!.checkout.pix.copiaECola);
  await expect(sandbox.locator('.graphiql-response')).toContainText('IN_ESCROW');
  await expect(sandbox.locator('.graphiql-response')).toContainText(checkout.data!.checkout.id);
  await screenshot(sandbox, 'admin-graphiql-subscription');
  await sandbox.close();
});

/** Event streams open on the router now (its metrics; no token needed from this machine). */
async function sandboxStreams(): Promise<number> {
  const text = await (await fetch(ROUTER_URL.replace(/\/graphql$/, '/metrics'))).text();
  return Number(/^medpay_sse_streams_active\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? 0);
}

test('only platform admins get in: clinic staff and patients are refused', async ({ page }) => {
  for (const email of ['clinica@demo.medpay.com.br', 'paciente@demo.medpay.com.br']) {
    await logIn(page, email);
    await expect(page.locator('p.notice-error')).toContainText('Este painel é só para a administração da MedPay.');
  }
  await page.goto('/pagamentos');
  await expect(page).toHaveURL(/\/entrar\?voltar=/);
});

test('after login the app returns only to its own pages, never to another site (open redirect)', async ({ page }) => {
  await expectLoginStaysOnApp(page, 'admin@demo.medpay.com.br');
});
