// The clinic dashboard at 1440×900 in Debian's Chromium against the real stack: money through escrow
// to payout, payments arriving live, the statement and its CSV, the catalog's net preview, and who
// may see what.
import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expectLoginStaysOnApp, accessToken, centavosOf, graph, logIn, payPix, ROUTER_URL, screenshot, SIMULATOR_URL } from '../../e2e';

const CLINIC_ADMIN = 'clinica@demo.medpay.com.br';

async function procedureAt(clinicSearch: string, procedureSearch: string) {
  const result = await graph<{ procedures: { edges: { node: { id: string; clinic: { id: string; tradeName: string } } }[] } }>(
    'query($s: String!) { procedures(filter: { search: $s }) { edges { node { id clinic { id tradeName } } } } }', { s: procedureSearch });
  const node = result.data!.procedures.edges.map((edge) => edge.node).find((p) => p.clinic.tradeName.includes(clinicSearch))!;
  return { procedureId: node.id, clinicId: node.clinic.id };
}

async function checkoutPix(procedureId: string, patient = 'paciente@demo.medpay.com.br') {
  const token = await accessToken(patient);
  const result = await graph<{ checkout: { id: string; pix: { copiaECola: string }; amounts: { grossCentavos: number; clinicNetCentavos: number } } }>(
    'mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } amounts { grossCentavos clinicNetCentavos } } }',
    { input: { procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } }, token);
  if (!result.data?.checkout) throw new Error(JSON.stringify(result.errors));
  return result.data.checkout;
}

async function waitForStatus(paymentId: string, status: string) {
  const token = await accessToken('admin@demo.medpay.com.br');
  await expect.poll(async () => (await graph<{ payment: { status: string } }>('query($id: ID!) { payment(id: $id) { status } }', { id: paymentId }, token)).data?.payment.status, { timeout: 20_000 }).toBe(status);
}

const tile = (page: Page, key: string) => page.locator(`[data-balance="${key}"] .big`);
const tileValue = async (page: Page, key: string) => centavosOf(await tile(page, key).innerText());
const simulatorFaults = (body?: unknown) => fetch(`${SIMULATOR_URL}/_sim/faults`, { method: body ? 'POST' : 'DELETE', headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });

test('staff confirm a paid procedure and see the money move from escrow to released, then paid out', async ({ page }) => {
  const { procedureId, clinicId } = await procedureAt('Sorriso', 'Clareamento');
  const payment = await checkoutPix(procedureId);
  await payPix(payment.pix.copiaECola);
  await waitForStatus(payment.id, 'IN_ESCROW');

  await logIn(page, CLINIC_ADMIN);
  await expect(page).toHaveURL(new RegExp(`/clinicas/${clinicId}$`));
  await expect(page.getByRole('heading', { name: 'Visão geral' })).toBeVisible();
  await expect(tile(page, 'escrow')).not.toHaveText('R$ 0,00');
  const before = { escrow: await tileValue(page, 'escrow'), released: await tileValue(page, 'available'), paidOut: await tileValue(page, 'paid-out') };
  await expect(page.getByRole('img', { name: /Recebíveis/ })).toBeVisible();
  await screenshot(page, 'provider-overview');

  await page.getByRole('link', { name: 'Pagamentos', exact: true }).click();
  await page.locator(`[data-payment-id="${payment.id}"]`).getByRole('link', { name: /Detalhes/ }).click();
  await expect(page.getByTestId('escrow-state')).toHaveText('Em garantia');
  await expect(page.getByTestId('clinic-net')).toHaveText('R$ 1.151,01');
  await screenshot(page, 'provider-payment');

  // The bank answers slowly, so the payout stays on its way long enough to be seen.
  await simulatorFaults({ latencyMs: 4000 });
  try {
    await page.getByRole('button', { name: 'Confirmar atendimento realizado' }).click();
    await expect(page.getByText(/Confirma que Clareamento dental foi realizado/)).toBeVisible();
    await screenshot(page, 'provider-confirm');
    await page.getByRole('button', { name: 'Sim, confirmar e liberar' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Atendimento confirmado' })).toBeVisible();
    await expect(page.getByTestId('escrow-state')).toHaveText(/Liberado|Repassado/);

    await page.getByRole('link', { name: 'Visão geral' }).click();
    await expect.poll(() => tileValue(page, 'escrow')).toBe(before.escrow - payment.amounts.grossCentavos);
    await expect.poll(() => tileValue(page, 'available')).toBe(before.released + payment.amounts.clinicNetCentavos);
  } finally {
    await simulatorFaults();
  }
  await expect.poll(() => tileValue(page, 'paid-out'), { timeout: 30_000 }).toBe(before.paidOut + payment.amounts.clinicNetCentavos);
  await expect.poll(() => tileValue(page, 'available')).toBe(before.released);

  // The statement shows the three movements and its CSV reconciles with the payout.
  await page.getByRole('link', { name: 'Extrato' }).click();
  const rows = page.locator('table.statement tbody tr');
  await expect(rows.filter({ hasText: 'Repasse à clínica' }).last()).toContainText('Concluído');
  await screenshot(page, 'provider-statement');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportar CSV' }).click();
  const file = await download;
  const csv = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(csv.split('\r\n')[0]).toContain('Data;Movimento;Descrição;Pagamento');
  expect(csv).toMatch(/Repasse à clínica;Repasse à clínica solicitado;[0-9a-f-]{36};Paula Paciente;0,00;-1151,01/);
});

test('a new payment appears in the open dashboard without reload, and its status changes live', async ({ page }) => {
  const { procedureId } = await procedureAt('Sorriso', 'Limpeza');
  await logIn(page, CLINIC_ADMIN);
  await page.getByRole('link', { name: 'Pagamentos', exact: true }).click();
  await expect(page.getByText('Atualização automática ligada.')).toBeVisible();
  await expect(page.getByText(/^\d+ pagamentos?$/)).toBeVisible();
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

  const payment = await checkoutPix(procedureId, 'joao.pereira@demo.medpay.com.br');
  const row = page.locator(`[data-payment-id="${payment.id}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('João Pereira');
  await expect(row.locator('[data-status]')).toHaveText('Aguardando pagamento');
  await payPix(payment.pix.copiaECola);
  await expect(row.locator('[data-status]')).toHaveText('Pago — em garantia');
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  await screenshot(page, 'provider-payments-live');

  // A partial refund from escrow, within what is left, behind a confirmation step.
  await row.getByRole('link', { name: /Detalhes/ }).click();
  await page.getByRole('button', { name: 'Reembolsar o paciente' }).click();
  await page.getByLabel('Valor do reembolso').fill('300,00');
  await expect(page.getByText('No máximo R$ 250,00.')).toBeVisible();
  await page.getByLabel('Valor do reembolso').fill('50,00');
  await page.getByLabel('Motivo').fill('Sessão de polimento não realizada');
  await page.getByRole('button', { name: 'Continuar' }).click();
  await expect(page.getByText('Reembolsar R$ 50,00 para João Pereira?')).toBeVisible();
  await page.getByRole('button', { name: 'Sim, reembolsar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reembolso solicitado' })).toBeVisible();
  await expect(page.locator('[data-status]')).toHaveText('Reembolsado em parte');
  await expect(page.getByText('Disponível para reembolso: R$ 200,00.')).toBeVisible();
  await page.getByRole('link', { name: 'Pagamentos', exact: true }).first().click();

  // Filters: by patient name among the clinic's payers, and by method.
  await page.getByLabel('Paciente').fill('João');
  await page.getByRole('button', { name: 'Filtrar' }).click();
  await expect(page.locator('table.payments tbody tr')).not.toHaveCount(0);
  for (const name of await page.locator('table.payments tbody tr td:nth-child(2)').allInnerTexts()) expect(name).toBe('João Pereira');
  await page.getByLabel('Paciente').fill('Mariana');
  await page.getByRole('button', { name: 'Filtrar' }).click();
  await expect(page.getByText('Nenhum pagamento com esses filtros.')).toBeVisible();
});

test('the catalog shows the clinic its net before saving; team and API keys (shown once) are managed here', async ({ page }) => {
  await logIn(page, CLINIC_ADMIN);
  await page.getByRole('link', { name: 'Catálogo' }).click();
  await page.getByRole('button', { name: 'Novo procedimento' }).click();
  const name = `Restauração em resina ${Date.now()}`;
  await page.getByLabel('Nome').fill(name);
  await page.getByLabel('Categoria').fill('Odontologia');
  await page.getByLabel('Preço').fill('1.200,00');
  await page.getByLabel('Parcelas sem juros no cartão (a clínica absorve)').selectOption('6');
  await expect(page.locator('[data-plan="PIX"]')).toContainText('R$ 1.151,01');
  await expect(page.locator('[data-plan="CARD:6"]')).toContainText('sem juros');
  await screenshot(page, 'provider-catalog-net');
  await page.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Procedimento criado.' })).toBeVisible();
  await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Equipe' }).click();
  await expect(page.getByRole('cell', { name: 'Carla Clínica (você)', exact: true })).toBeVisible();
  await page.getByLabel('E-mail').fill('mariana.costa@demo.medpay.com.br');
  await page.getByRole('button', { name: 'Adicionar' }).click();
  await expect(page.getByRole('cell', { name: 'Mariana Costa', exact: true })).toBeVisible();
  await screenshot(page, 'provider-team');
  await page.getByRole('button', { name: 'Remover Mariana Costa' }).click();
  await page.getByRole('button', { name: 'Sim, remover' }).click();
  await expect(page.getByRole('cell', { name: 'Mariana Costa', exact: true })).toHaveCount(0);

  await page.getByRole('link', { name: 'Integração (API)' }).click();
  await page.getByLabel('Nome da nova chave').fill('ERP da recepção');
  // Read-only by default; this key may also receive events, but not refund.
  await expect(page.getByLabel('Consultar pagamentos, saldos e extratos')).toBeChecked();
  await expect(page.getByLabel('Estornar pagamentos')).not.toBeChecked();
  await page.getByLabel('Receber eventos de pagamento em tempo real').check();
  await page.getByRole('button', { name: 'Criar chave' }).click();
  const secret = await page.getByTestId('api-key-secret').innerText();
  expect(secret).toMatch(/^mpk_live_/);
  await expect(page.getByRole('cell', { name: /Receber eventos de pagamento em tempo real/ }).first()).toBeVisible();
  await screenshot(page, 'provider-api-key');
  const viaKey = await fetch(ROUTER_URL, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': secret }, body: JSON.stringify({ query: '{ __typename }' }) });
  expect(viaKey.status).toBe(200);
  const refund = await fetch(ROUTER_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': secret },
    body: JSON.stringify({ query: 'mutation { refundPayment(input: { paymentId: "00000000-0000-4000-8000-000000000000", amountCentavos: 100, reason: "x", idempotencyKey: "k" }) { id } }' }),
  });
  expect(refund.status).toBe(403);
  await page.getByRole('button', { name: 'Já guardei a chave' }).click();
  await expect(page.getByTestId('api-key-secret')).toHaveCount(0);
  await page.getByRole('button', { name: 'Revogar ERP da recepção' }).first().click();
  await page.getByRole('button', { name: 'Sim, revogar' }).click();
  await expect(page.getByText(/Revogada em/).first()).toBeVisible();
});

test("authorization: staff of one clinic see nothing of another by editing ids; patients cannot open the dashboard", async ({ page }) => {
  const olhos = await procedureAt('Olhos', 'Consulta oftalmológica');
  const sorriso = await procedureAt('Sorriso', 'Clareamento');
  const theirs = await checkoutPix(olhos.procedureId);

  await logIn(page, CLINIC_ADMIN);
  await expect(page).toHaveURL(new RegExp(`/clinicas/${sorriso.clinicId}$`));
  await page.goto(`/clinicas/${olhos.clinicId}`);
  await expect(page.getByRole('heading', { name: 'Sem acesso' })).toBeVisible();
  await page.goto(`/clinicas/${olhos.clinicId}/extrato`);
  await expect(page.getByRole('heading', { name: 'Sem acesso' })).toBeVisible();
  await page.goto(`/clinicas/${sorriso.clinicId}/pagamentos/${theirs.id}`);
  await expect(page.getByText('Pagamento não encontrado nesta clínica.')).toBeVisible();
  await expect(page.getByText('Consulta oftalmológica')).toHaveCount(0);
  await screenshot(page, 'provider-no-access');

  // A patient's login is refused, and their pages send them back to the login.
  await page.getByRole('button', { name: 'Sair' }).click();
  await logIn(page, 'paciente@demo.medpay.com.br');
  await expect(page.locator('p.notice-error')).toContainText('Este painel é para equipes de clínicas');
  await page.goto(`/clinicas/${sorriso.clinicId}/pagamentos`);
  await expect(page).toHaveURL(/\/entrar\?voltar=/);
});

/** Presses Tab until the focused element matches the selector (and has the text), as a keyboard user would. */
async function tabTo(page: Page, selector: string, text = '') {
  for (let presses = 0; presses < 60; presses++) {
    const reached = await page.evaluate(([css, label]) => {
      const element = document.activeElement;
      return !!element?.matches(css) && (element.textContent ?? '').includes(label);
    }, [selector, text] as const);
    if (reached) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector} ${text}`);
}

test('keyboard only: log in, open a payment waiting for confirmation and confirm it', async ({ page }) => {
  const { procedureId } = await procedureAt('Sorriso', 'Limpeza');
  const payment = await checkoutPix(procedureId, 'joao.pereira@demo.medpay.com.br');
  await payPix(payment.pix.copiaECola);
  await waitForStatus(payment.id, 'IN_ESCROW');

  await page.goto('/entrar');
  await tabTo(page, '#email');
  await page.keyboard.type(CLINIC_ADMIN);
  await page.keyboard.press('Tab');
  await page.keyboard.type('MedPay@2026');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Atendimentos a confirmar' })).toBeVisible();
  await tabTo(page, `a[href$="/pagamentos/${payment.id}"]`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('escrow-state')).toHaveText('Em garantia');
  await tabTo(page, 'button', 'Confirmar atendimento realizado');
  await page.keyboard.press('Enter');
  await tabTo(page, 'button', 'Sim, confirmar e liberar');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Atendimento confirmado' })).toBeVisible();
});

test('after login the app returns only to its own pages, never to another site (open redirect)', async ({ page }) => {
  await expectLoginStaysOnApp(page, 'clinica@demo.medpay.com.br');
});
