// "Meus dados" in the patient app against the real stack: ask for a copy of one's data, wait for it,
// download it, and find one's own payments in the JSON.
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { logIn, screenshot } from '../../e2e';

test('the patient asks for a copy of their data and downloads it as JSON with their payments', async ({ page }) => {
  await logIn(page, 'paciente@demo.medpay.com.br');
  await page.getByRole('link', { name: 'Meus dados' }).click();
  await expect(page.getByRole('heading', { name: 'Meus dados' })).toBeVisible();
  await page.getByRole('button', { name: 'Pedir uma cópia dos meus dados' }).click();
  const link = page.getByRole('link', { name: 'Baixar meus dados (JSON)' }).first();
  await expect(link).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('[data-testid="data-export"]').first()).toHaveAttribute('data-status', 'READY');
  await screenshot(page, 'patient-my-data');

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^medpay-meus-dados-[0-9a-f-]{36}\.json$/);
  const content = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    format: string;
    account: { profile: { email: string } };
    payments: { id: string; procedureName: string; status: string }[];
  };
  expect(content.format).toBe('medpay-data-export/1');
  expect(content.account.profile.email).toBe('paciente@demo.medpay.com.br');
  expect(content.payments.length).toBeGreaterThan(0);
  expect(content.payments.every((payment) => typeof payment.procedureName === 'string' && payment.procedureName.length > 0)).toBe(true);
});
