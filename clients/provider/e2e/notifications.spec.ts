// The notification bell in the clinic dashboard at 1440×900 against the real stack (the notifications
// subgraph included): a patient's PIX paid through the Celcoin simulator reaches the open dashboard's
// bell as "Novo pagamento em custódia", with no reload, and leads to the payment.
import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { accessToken, graph, logIn, payPix, screenshot } from '../../e2e';

const CLINIC_ADMIN = 'clinica@demo.medpay.com.br';

async function checkoutPixAtSorriso(search: string, patient = 'joao.pereira@demo.medpay.com.br') {
  const procedures = await graph<{ procedures: { edges: { node: { id: string; clinic: { id: string; tradeName: string } } }[] } }>(
    'query($s: String!) { procedures(filter: { search: $s }) { edges { node { id clinic { id tradeName } } } } }', { s: search });
  const node = procedures.data!.procedures.edges.map((edge) => edge.node).find((procedure) => procedure.clinic.tradeName.includes('Sorriso'))!;
  const result = await graph<{ checkout: { id: string; pix: { copiaECola: string } } }>(
    'mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }',
    { input: { procedureId: node.id, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } }, await accessToken(patient));
  if (!result.data?.checkout) throw new Error(JSON.stringify(result.errors));
  return { ...result.data.checkout, clinicId: node.clinic.id };
}

test('a payment into escrow shows up in the open dashboard’s bell without reload and leads to the payment', async ({ page }) => {
  // Start from nothing unread, so the badge's appearance is this payment's doing.
  expect((await graph('mutation { markAllNotificationsRead }', {}, await accessToken(CLINIC_ADMIN))).errors).toBeUndefined();

  await logIn(page, CLINIC_ADMIN);
  await expect(page.getByRole('heading', { name: 'Visão geral' })).toBeVisible();
  const bell = page.getByRole('button', { name: /^Notificações/ });
  await expect(page.getByTestId('notification-announcement')).toHaveText('Nenhuma notificação não lida');
  await expect(page.getByTestId('notification-count')).toHaveCount(0);

  // Opened from the keyboard, so the list is on screen when the payment happens.
  await bell.focus();
  await page.keyboard.press('ArrowDown');
  const panel = page.getByRole('dialog', { name: 'Notificações' });
  await expect(panel).toBeVisible();
  await expect(panel.getByText('Carregando…')).toHaveCount(0);
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

  const payment = await checkoutPixAtSorriso('Limpeza');
  await payPix(payment.pix.copiaECola);

  const item = panel.locator('li[data-unread="true"]', { has: page.locator(`a[href*="${payment.id}"]`) });
  await expect(item).toContainText('Novo pagamento em custódia', { timeout: 30_000 });
  await expect(page.getByTestId('notification-count')).toHaveText(/^[1-9]\d*$/);
  await expect(page.getByTestId('notification-announcement')).toHaveText(/^Nova notificação: .+\. \d+ notificaç(ão|ões) não lidas?$/);
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  await screenshot(page, 'provider-notification-bell');

  // Arrow keys reach it; Enter opens the payment, and it is read.
  const link = item.getByRole('link');
  for (let presses = 0; presses < 12 && !(await link.evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press('ArrowDown');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(payment.id));
  await expect(page.getByTestId('escrow-state')).toHaveText('Em garantia');
  await expect(panel).toBeHidden();
  await bell.click();
  await expect(panel.locator('li', { has: page.locator(`a[href*="${payment.id}"]`) }).first()).toHaveAttribute('data-unread', 'false');

  // Every notification on its page.
  await panel.getByRole('link', { name: 'Ver todas as notificações' }).click();
  await expect(page.getByRole('heading', { name: 'Notificações', level: 1 })).toBeVisible();
  await expect(page.getByRole('main').locator('li', { has: page.locator(`a[href*="${payment.id}"]`) }).first()).toContainText('Novo pagamento em custódia');
  await screenshot(page, 'provider-notifications');
});
