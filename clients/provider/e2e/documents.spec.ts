// The clinic's documents on its overview against the real stack: the statement of a closed month as a
// PDF (issued the first time it is asked for, behind a short-lived link).
import { expect, test } from '@playwright/test';
import { logIn, screenshot } from '../../e2e';

test('a clinic downloads the PDF statement of last month', async ({ page }) => {
  await logIn(page, 'clinica@demo.medpay.com.br');
  await expect(page.getByRole('heading', { name: 'Visão geral' })).toBeVisible();
  const documents = page.locator('section', { has: page.getByRole('heading', { name: 'Documentos' }) });
  const month = documents.getByLabel('Mês');
  // The last closed month comes first.
  const [year, number] = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(new Date()).split('-').map(Number) as [number, number];
  await expect(month).toHaveValue(new Date(Date.UTC(year, number - 2, 1)).toISOString().slice(0, 7));
  await documents.getByRole('button', { name: 'Gerar extrato' }).click();
  const link = documents.getByRole('link', { name: /^Baixar extrato de .+ de \d{4} \(PDF\)$/ });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'provider-documents');
  const pdf = await page.request.get((await link.getAttribute('href'))!);
  expect(pdf.ok()).toBe(true);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
});
