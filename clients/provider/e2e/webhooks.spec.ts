// Webhook endpoints on the clinic dashboard's "Integração (API)" page at 1440×900 against the real
// stack (the notifications subgraph included): create one (its secret shown once), see it listed,
// disable it, rotate its secret (shown once again, the old one kept 24 h), and delete it.
import { expect, test } from '@playwright/test';
import { accessToken, graph, logIn, screenshot } from '../../e2e';

const CLINIC_ADMIN = 'clinica@demo.medpay.com.br';

interface Endpoint {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  previousSecretExpiresAt: string | null;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a webhook endpoint: created with its secret shown once, listed, disabled, its secret rotated, deleted', async ({ page }) => {
  const token = await accessToken(CLINIC_ADMIN);
  const types = (await graph<{ webhookEventTypes: string[] }>('{ webhookEventTypes }', {}, token)).data!.webhookEventTypes;
  expect(types.length).toBeGreaterThan(0);
  const type = types.includes('payment.status_changed') ? 'payment.status_changed' : types[0]!;
  // Loopback (allowed outside production), a port nobody answers: nothing here needs a delivery to succeed.
  const url = `http://127.0.0.1:9/webhooks/medpay/${Date.now()}`;

  await logIn(page, CLINIC_ADMIN);
  await page.getByRole('navigation', { name: 'Seções da clínica' }).getByRole('link', { name: 'Integração (API)' }).click();
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 2 })).toBeVisible();
  const clinicId = /\/clinicas\/([^/]+)\/integracao$/.exec(page.url())![1]!;
  const endpoints = async () => (await graph<{ webhookEndpoints: Endpoint[] }>(
    'query($clinicId: ID!) { webhookEndpoints(clinicId: $clinicId) { id url events enabled previousSecretExpiresAt } }', { clinicId }, token)).data!.webhookEndpoints;

  try {
    // Create: every event type offered as a checkbox; nothing can be created without one.
    const form = page.getByRole('form', { name: 'Novo endpoint de webhook' });
    await form.getByLabel('URL do endpoint').fill(url);
    const events = form.getByRole('group', { name: 'Eventos enviados' });
    await expect(events.getByRole('checkbox')).toHaveCount(types.length);
    await expect(form.getByRole('button', { name: 'Criar endpoint' })).toBeDisabled();
    await events.getByRole('checkbox', { name: new RegExp(escape(type)) }).check();
    await form.getByRole('button', { name: 'Criar endpoint' }).click();

    const card = page.getByRole('region', { name: url, exact: true });
    const secret = page.getByTestId('webhook-secret');
    await expect(secret).toHaveText(/^whsec_\S+$/);
    const first = await secret.innerText();
    const shown = page.getByRole('region', { name: 'Endpoint criado — copie o segredo agora' });
    await expect(shown).toBeFocused();
    await expect(shown).toContainText('Ele não será mostrado novamente');
    await expect(shown.getByRole('button', { name: 'Copiar segredo' })).toBeVisible();
    await expect(card.getByTestId('endpoint-state')).toHaveText('Ativo');
    await expect(card).toContainText(type);
    await screenshot(page, 'provider-webhook-created');
    expect((await endpoints()).find((endpoint) => endpoint.url === url)).toMatchObject({ events: [type], enabled: true, previousSecretExpiresAt: null });

    // Once: gone when dismissed, and not there after a reload either.
    await shown.getByRole('button', { name: 'Já guardei o segredo' }).click();
    await expect(secret).toHaveCount(0);
    await page.reload();
    await expect(card).toBeVisible();
    await expect(page.getByText(first)).toHaveCount(0);

    // Disable.
    await card.getByRole('button', { name: /^Desativar/ }).click();
    await expect(card.getByTestId('endpoint-state')).toHaveText('Desativado');
    await expect(card.getByRole('button', { name: /^Ativar/ })).toBeVisible();
    expect((await endpoints()).find((endpoint) => endpoint.url === url)?.enabled).toBe(false);

    // Rotate: a confirmation, then the new secret once, the old one accepted for 24 hours.
    await card.getByRole('button', { name: /^Gerar novo segredo/ }).click();
    await expect(card.getByRole('group', { name: 'Confirmar novo segredo' })).toContainText('continua válido por 24 horas');
    await card.getByRole('button', { name: 'Sim, gerar novo segredo' }).click();
    const rotated = page.getByRole('region', { name: 'Novo segredo gerado — copie agora' });
    await expect(rotated).toContainText('O segredo anterior continua válido por 24 horas');
    await expect(secret).toHaveText(/^whsec_\S+$/);
    expect(await secret.innerText()).not.toBe(first);
    await expect(card).toContainText(/O segredo anterior ainda é aceito até \d{2}\/\d{2}\/\d{4} às \d{2}:\d{2}/);
    const after = (await endpoints()).find((endpoint) => endpoint.url === url)!;
    expect(Date.parse(after.previousSecretExpiresAt!) - Date.now()).toBeGreaterThan(23 * 3600_000);
    await screenshot(page, 'provider-webhook-rotated');
    await rotated.getByRole('button', { name: 'Já guardei o segredo' }).click();

    // Its deliveries (none, or whatever arrived since it was created), and the guide to verifying them.
    await card.locator('summary', { hasText: 'Entregas recentes' }).click();
    await expect(card.getByText('Nenhuma entrega ainda.').or(card.getByRole('table'))).toBeVisible();
    const guide = page.getByRole('region', { name: 'Como verificar os webhooks' });
    for (const header of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) await expect(guide.locator('dt', { hasText: header })).toBeVisible();
    await expect(guide.getByLabel(/Exemplo de verificação/)).toContainText("from 'standardwebhooks'");

    // Delete, behind a confirmation.
    await card.getByRole('button', { name: /^Excluir/ }).click();
    await card.getByRole('button', { name: 'Sim, excluir' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Endpoint ${url} excluído.` })).toBeVisible();
    await expect(card).toHaveCount(0);
    expect((await endpoints()).some((endpoint) => endpoint.url === url)).toBe(false);
  } finally {
    for (const endpoint of (await endpoints()).filter((e) => e.url === url)) await graph('mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: endpoint.id }, token);
  }
});
