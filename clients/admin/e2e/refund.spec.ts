// The back office's refund on the admin payment page against the real stack: part of a PIX payment held
// in escrow goes back to the patient, with the reason in the payment's timeline; crediário has no form.
import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { accessToken, centavosOf, expectAccessible, graph, logIn, payPix, screenshot } from '../../e2e';

const ADMIN = 'admin@demo.medpay.com.br';

test('an admin refunds part of a PIX payment in escrow, and the timeline shows the reason', async ({ page }) => {
  const patient = await accessToken('paciente@demo.medpay.com.br');
  const procedures = await graph<{ procedures: { edges: { node: { id: string } }[] } }>('{ procedures(filter: { search: "Clareamento" }) { edges { node { id } } } }');
  const created = await graph<{ checkout: { id: string; pix: { copiaECola: string } } }>('mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }',
    { input: { procedureId: procedures.data!.procedures.edges[0]!.node.id, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } }, patient);
  expect(created.errors).toBeUndefined();
  const paymentId = created.data!.checkout.id;
  await payPix(created.data!.checkout.pix.copiaECola);
  const payment = async () => (await graph<{ payment: { status: string; amounts: { refundedCentavos: number } } }>('query($id: ID!) { payment(id: $id) { status amounts { refundedCentavos } } }', { id: paymentId }, patient)).data?.payment;
  await expect.poll(async () => (await payment())?.status, { timeout: 30_000 }).toBe('IN_ESCROW');

  await logIn(page, ADMIN);
  await expect(page.getByRole('heading', { name: 'Visão geral' })).toBeVisible();
  await page.goto(`/pagamentos/${paymentId}`);
  await expect(page.getByRole('heading', { name: 'Reembolso' })).toBeVisible();
  await page.getByRole('button', { name: 'Reembolsar o paciente' }).click();
  await page.getByLabel('Valor do reembolso').fill('10,00');
  await page.getByLabel('Motivo (fica no histórico do pagamento)').fill('Sessão de retoque não realizada');
  await page.getByRole('button', { name: 'Continuar' }).click();
  await expect(page.getByText('Não é possível desfazer')).toBeVisible();
  await expectAccessible(page, 'reembolso (confirmação)');
  await screenshot(page, 'admin-refund-check');
  await page.getByRole('button', { name: 'Sim, reembolsar' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Reembolso de R$' })).toContainText('solicitado');
  await expect.poll(async () => centavosOf((await page.getByTestId('refunded').textContent()) ?? '')).toBe(1_000);
  await expect(page.locator('[data-status="PARTIALLY_REFUNDED"]')).toBeVisible();
  await expect(page.locator('ol.timeline')).toContainText('Reembolsado em parte');
  await expect(page.locator('ol.timeline')).toContainText('Sessão de retoque não realizada');
  await expect(page.locator('ol.timeline')).toContainText('Estorno de R$ 10,00');
  // One refund, not two: the graph agrees with the screen.
  expect((await payment())?.amounts.refundedCentavos).toBe(1_000);
  await screenshot(page, 'admin-refund-done');
});

test('a crediário payment offers no refund form on the admin payment page', async ({ page }) => {
  const admin = await accessToken(ADMIN);
  const users = await graph<{ users: { edges: { node: { id: string } }[] } }>('{ users(filter: { search: "joao.pereira" }) { edges { node { id } } } }', {}, admin);
  const payerId = users.data!.users.edges[0]!.node.id;
  const payments = await graph<{ payments: { edges: { node: { id: string; planKind: string } }[] } }>(
    'query($filter: PaymentSearch) { payments(filter: $filter, first: 50) { edges { node { id planKind } } } }',
    { filter: { payerId, statuses: ['PAID', 'IN_ESCROW', 'RELEASED', 'PAID_OUT', 'PARTIALLY_REFUNDED'] } },
    admin,
  );
  const crediario = payments.data!.payments.edges.find((edge) => edge.node.planKind === 'CREDIARIO');
  expect(crediario, 'a seeded crediário of João').toBeDefined();

  await logIn(page, ADMIN);
  await expect(page.getByRole('heading', { name: 'Visão geral' })).toBeVisible();
  await page.goto(`/pagamentos/${crediario!.node.id}`);
  await expect(page.getByTestId('refund-not-allowed')).toContainText('Crediário não é reembolsado por aqui');
  await expect(page.getByRole('button', { name: 'Reembolsar o paciente' })).toHaveCount(0);
});
