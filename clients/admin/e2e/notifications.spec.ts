// The admin panel's notifications at 1440×900 against the real stack (the notifications subgraph
// included): "Mensagens com falha" shows the dead letters as the graph lists them, each with "Reenviar";
// the bell and /notificacoes are there as in the other apps.
import { expect, test } from '@playwright/test';
import { accessToken, graph, logIn, screenshot } from '../../e2e';

const ADMIN = 'admin@demo.medpay.com.br';

interface FailedMessage {
  id: string;
  kind: string;
  status: string;
  attempts: number;
}

test('Mensagens com falha lists the failed messages the graph has, each failed one with "Reenviar"', async ({ page }) => {
  await logIn(page, ADMIN);
  await expect(page.getByRole('heading', { name: 'Visão geral' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Seções' }).getByRole('link', { name: 'Mensagens com falha' }).click();
  await expect(page.getByRole('heading', { name: 'Mensagens com falha', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mensagens com falha' })).toHaveAttribute('aria-current', 'page');

  const rows = page.locator('table.failed-messages tbody tr');
  await expect(rows.first().or(page.getByText('Nenhuma mensagem com falha.'))).toBeVisible();
  const result = await graph<{ failedMessages: { edges: { node: FailedMessage }[] } }>(
    '{ failedMessages(first: 25) { edges { node { id kind status attempts } } } }', {}, await accessToken(ADMIN));
  if (!result.data?.failedMessages) throw new Error(JSON.stringify(result.errors));
  const messages = result.data.failedMessages.edges.map((edge) => edge.node);
  if (messages.length === 0) {
    await expect(page.getByText('Nenhuma mensagem com falha.')).toBeVisible();
  } else {
    await expect(rows).toHaveCount(messages.length);
    const [newest] = messages;
    const row = page.locator(`tr[data-message-id="${newest!.id}"]`);
    await expect(row).toContainText(newest!.kind);
    await expect(row.locator('td.num')).toHaveText(String(newest!.attempts));
    if (newest!.status === 'FAILED') await expect(row.getByRole('button', { name: /^Reenviar/ })).toBeVisible();
  }
  await screenshot(page, 'admin-failed-messages');
});

test('the admin’s bell opens the latest notifications and leads to all of them', async ({ page }) => {
  await logIn(page, ADMIN);
  await expect(page.getByRole('heading', { name: 'Visão geral' })).toBeVisible();
  const bell = page.getByRole('button', { name: /^Notificações/ });
  await bell.click();
  const panel = page.getByRole('dialog', { name: 'Notificações' });
  await expect(panel.getByText('Carregando…')).toHaveCount(0);
  await expect(panel.getByRole('list').or(panel.getByText('Nenhuma notificação por enquanto.'))).toBeVisible();
  await panel.getByRole('link', { name: 'Ver todas as notificações' }).click();
  await expect(page.getByRole('heading', { name: 'Notificações', level: 1 })).toBeVisible();
  await expect(page.getByTestId('unread-summary')).toHaveText(/não lidas?$/);
  await screenshot(page, 'admin-notifications');
});
