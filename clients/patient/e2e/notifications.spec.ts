// The notification bell, the notifications page and the notification preferences in the patient app
// against the real stack (the notifications subgraph included): a PIX paid through the Celcoin simulator
// while the app is open reaches the bell through notificationAdded, with no reload.
import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { accessToken, graph, logIn, payPix, screenshot } from '../../e2e';

const PATIENT = 'paciente@demo.medpay.com.br';

/** A PIX checkout of a Sorriso Paulista procedure, as the patient's phone would ask it. */
async function checkoutPix(token: string, search = 'Limpeza') {
  const procedures = await graph<{ procedures: { edges: { node: { id: string; clinic: { tradeName: string } } }[] } }>(
    'query($s: String!) { procedures(filter: { search: $s }) { edges { node { id clinic { tradeName } } } } }', { s: search });
  const procedureId = procedures.data!.procedures.edges.find((edge) => edge.node.clinic.tradeName.includes('Sorriso'))!.node.id;
  const result = await graph<{ checkout: { id: string; pix: { copiaECola: string } } }>(
    'mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }',
    { input: { procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } }, token);
  if (!result.data?.checkout) throw new Error(JSON.stringify(result.errors));
  return result.data.checkout;
}

test('a PIX paid while the app is open shows up in the open bell without reload; opening it reads it', async ({ page }) => {
  const token = await accessToken(PATIENT);
  // Start from nothing unread, so the badge's appearance is this payment's doing.
  expect((await graph('mutation { markAllNotificationsRead }', {}, token)).errors).toBeUndefined();

  await logIn(page, PATIENT);
  await expect(page.getByRole('button', { name: 'Sair' })).toBeVisible();
  const bell = page.getByRole('button', { name: /^Notificações/ });
  await expect(bell).toHaveAccessibleName('Notificações');
  await expect(page.getByTestId('notification-count')).toHaveCount(0);
  await expect(page.getByTestId('notification-announcement')).toHaveText('Nenhuma notificação não lida');

  // The panel is open (its list asked) when the payment happens: the new notification must arrive in it.
  await bell.click();
  const panel = page.getByRole('dialog', { name: 'Notificações' });
  await expect(panel).toBeVisible();
  await expect(panel.getByText('Carregando…')).toHaveCount(0);
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

  const payment = await checkoutPix(token);
  await payPix(payment.pix.copiaECola);

  // The payment is announced twice (confirmed, then in escrow): this is the first.
  const item = panel.locator('li[data-unread="true"]', { has: page.locator(`a[href*="${payment.id}"]`), hasText: 'Pagamento confirmado' });
  await expect(item).toContainText('Pagamento confirmado');
  await expect(page.getByTestId('notification-count')).toHaveText(/^[1-9]\d*$/);
  await expect(bell).toHaveAccessibleName(/^Notificações \(\d+ não lidas?\)$/);
  await expect(page.getByTestId('notification-announcement')).toHaveText(/^Nova notificação: .+\. \d+ notificaç(ão|ões) não lidas?$/);
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  await screenshot(page, 'patient-notification-bell');

  // Opening it goes to the payment and marks it read.
  await item.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/pagamentos/${payment.id}$`));
  await expect(page.locator('[data-status]')).toHaveText(/^Pago/);
  await bell.click();
  await expect(panel.locator('li', { has: page.locator(`a[href*="${payment.id}"]`), hasText: 'Pagamento confirmado' })).toHaveAttribute('data-unread', 'false');

  // "Marcar todas como lidas" empties the badge — once the payment's second announcement is in too
  // (one arriving after the click would rightly stay unread).
  await expect(panel.locator('li', { has: page.locator(`a[href*="${payment.id}"]`), hasText: 'Valor em custódia' })).toBeVisible();
  const markAll = panel.getByRole('button', { name: 'Marcar todas como lidas' });
  if (await markAll.isVisible()) await markAll.click();
  await expect(page.getByTestId('notification-count')).toHaveCount(0);
  await expect(panel.locator('li[data-unread="true"]')).toHaveCount(0);

  // The keyboard: Esc closes back on the bell, arrow down opens on the first notification.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(bell).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(panel.locator('a.notification-target, button.notification-target').first()).toBeFocused();

  // Every notification on its page.
  await panel.getByRole('link', { name: 'Ver todas as notificações' }).click();
  await expect(page.getByRole('heading', { name: 'Notificações', level: 1 })).toBeVisible();
  await expect(page.getByRole('main').locator('li', { has: page.locator(`a[href*="${payment.id}"]`), hasText: 'Pagamento confirmado' })).toHaveCount(1);
  await screenshot(page, 'patient-notifications');
});

test('notification preferences: payments always in the app, marketing off until consented, choices kept', async ({ page }) => {
  await logIn(page, PATIENT);
  await expect(page.getByRole('button', { name: 'Sair' })).toBeVisible();
  await page.goto('/notificacoes');
  await page.getByRole('link', { name: /Escolher como receber avisos/ }).click();
  await expect(page.getByRole('heading', { name: 'Preferências de notificação', level: 1 })).toBeVisible();

  const payments = page.getByRole('group', { name: 'Pagamentos e lembretes' });
  const marketing = page.getByRole('group', { name: 'Novidades e ofertas' });
  const app = payments.getByRole('switch', { name: /^Aplicativo/ });
  await expect(app).toBeChecked();
  await expect(app).toBeDisabled();
  for (const channel of ['Aplicativo', 'E-mail', 'SMS', 'WhatsApp', 'Notificações no navegador']) {
    await expect(marketing.getByRole('switch', { name: new RegExp(`^${channel}`) })).not.toBeChecked();
  }
  await expect(marketing).toContainText('LGPD');
  await expect(page.getByRole('button', { name: 'Ativar notificações neste aparelho' })).toBeVisible();
  await screenshot(page, 'patient-notification-preferences');

  const sms = payments.getByRole('switch', { name: /^SMS/ });
  const wasOn = await sms.isChecked();
  await sms.setChecked(!wasOn);
  await marketing.getByRole('switch', { name: /^E-mail/ }).check();
  await page.getByRole('button', { name: 'Salvar preferências' }).click();
  await expect(page.getByText('Preferências salvas.')).toBeVisible();

  await page.reload();
  await expect(payments.getByRole('switch', { name: /^SMS/ })).toBeChecked({ checked: !wasOn });
  await expect(marketing.getByRole('switch', { name: /^E-mail/ })).toBeChecked();
  const saved = await graph<{ myNotificationPreferences: { channel: string; purpose: string; enabled: boolean }[] }>(
    '{ myNotificationPreferences { channel purpose enabled } }', {}, await accessToken(PATIENT));
  expect(saved.data!.myNotificationPreferences).toEqual(expect.arrayContaining([
    { channel: 'SMS', purpose: 'TRANSACTIONAL', enabled: !wasOn },
    { channel: 'EMAIL', purpose: 'MARKETING', enabled: true },
    { channel: 'IN_APP', purpose: 'TRANSACTIONAL', enabled: true },
  ]));

  // Back as it was: consent withdrawn the same way it was given.
  await payments.getByRole('switch', { name: /^SMS/ }).setChecked(wasOn);
  await marketing.getByRole('switch', { name: /^E-mail/ }).uncheck();
  await page.getByRole('button', { name: 'Salvar preferências' }).click();
  await expect(page.getByText('Preferências salvas.')).toBeVisible();
});
