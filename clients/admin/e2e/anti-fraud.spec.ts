// The back office's anti-fraud review against the real stack: the queue with the model's evaluation
// headline, the demo's held checkout with its reasons and signals, and its approval, which issues the
// charge. Runs after the patient project, whose payments spec sees the same checkout "Em análise".
import { expect, test } from '@playwright/test';
import { accessToken, expectAccessible, graph, logIn, screenshot } from '../../e2e';

const ADMIN = 'admin@demo.medpay.com.br';

test('an admin reviews the held checkout in the queue and approves it, and its PIX is issued', async ({ page }) => {
  await logIn(page, ADMIN);
  await expect(page.getByRole('heading', { name: 'Visão geral' })).toBeVisible();
  await page.getByRole('link', { name: 'Antifraude' }).click();
  await expect(page.getByRole('heading', { name: 'Antifraude' })).toBeVisible();
  await expect(page.getByTestId('fraud-model')).toContainText('Versão 1.0.0');
  await expect(page.getByTestId('fraud-model')).toContainText('ROC AUC');
  const row = page.locator('tr[data-review]').filter({ hasText: 'Mariana Costa' });
  await expect(row).toContainText('Valor muito acima do ticket habitual da clínica');
  await expectAccessible(page, 'antifraude');
  await screenshot(page, 'admin-fraud-queue');
  const paymentId = await row.getAttribute('data-review');

  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Análise antifraude' })).toBeVisible();
  await expect(page.locator('[data-status]').first()).toHaveText('Em análise');
  await expect(page.getByTestId('fraud-decision')).toHaveText('Em análise');
  await expect(page.getByTestId('fraud-reasons')).toContainText('Várias contas diferentes pagaram pelo mesmo dispositivo.');
  await page.getByText('Sinais usados na pontuação').click();
  await expect(page.getByRole('row', { name: /Contas no dispositivo em 24 h/ })).toContainText('4');
  await page.getByLabel('Observação (opcional)').fill('Paciente confirmou a compra por telefone.');
  await page.getByRole('button', { name: 'Aprovar pagamento' }).click();
  await expect(page.getByText('Aprovar e emitir a cobrança ao paciente?')).toBeVisible();
  await expectAccessible(page, 'revisão antifraude (confirmação)');
  await screenshot(page, 'admin-fraud-review');
  await page.getByRole('button', { name: 'Confirmar' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Pagamento aprovado' })).toBeVisible();
  await expect(page.getByTestId('fraud-review')).toContainText('aprovado — Paciente confirmou a compra por telefone.');
  await expect(page.getByRole('button', { name: 'Aprovar pagamento' })).toHaveCount(0);
  // The charge exists now: the graph shows Mariana her PIX code, and the queue is empty of her payment.
  const mariana = await accessToken('mariana.costa@demo.medpay.com.br');
  const pix = async () => (await graph<{ payment: { hold: string | null; pix: { copiaECola: string } | null } }>('query($id: ID!) { payment(id: $id) { hold pix { copiaECola } } }', { id: paymentId }, mariana)).data?.payment;
  await expect.poll(async () => Boolean((await pix())?.pix?.copiaECola), { timeout: 30_000 }).toBe(true);
  expect((await pix())?.hold).toBeNull();
  await page.getByRole('link', { name: 'Antifraude' }).click();
  await expect(page.getByText('Nenhum pagamento aguardando revisão.')).toBeVisible();
});
