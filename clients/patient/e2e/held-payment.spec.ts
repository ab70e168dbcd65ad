// A checkout held for the back office's anti-fraud review, as its patient sees it: "Em análise" in
// the list and on the payment, no code to pay, and no score. The demo seeds Mariana's held checkout
// (the admin project, which runs after this one, approves it).
import { expect, test } from '@playwright/test';
import { expectAccessible, logIn, screenshot } from '../../e2e';

test('a held payment reads "Em análise", with nothing to pay until the review ends', async ({ page }) => {
  await logIn(page, 'mariana.costa@demo.medpay.com.br');
  await page.getByRole('link', { name: 'Pagamentos' }).click();
  const held = page.locator('[data-status="AWAITING_PAYMENT"]', { hasText: 'Em análise' });
  await expect(held).toHaveCount(1);
  await page.getByRole('link').filter({ has: held }).click();
  await expect(page.locator('[data-status]').first()).toHaveText('Em análise');
  await expect(page.getByText('Pagamento em análise.')).toContainText('nada é cobrado antes disso');
  await expect(page.getByLabel('PIX copia e cola')).toHaveCount(0);
  await expect(page.getByText(/pontua|score/i)).toHaveCount(0);
  await expectAccessible(page, 'pagamento em análise');
  await screenshot(page, 'patient-payment-held');
});
