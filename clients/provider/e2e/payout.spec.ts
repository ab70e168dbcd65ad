// Where the clinic's payouts go, in the clinic dashboard against the real stack: its admin moves them
// to TED on the clinic's bank account, sees it, and moves them back to PIX on the CNPJ key.
import { expect, test } from '@playwright/test';
import { expectAccessible, logIn } from '../../e2e';

test('the clinic\'s admin chooses TED to the clinic\'s bank account, then PIX again', async ({ page }) => {
  await logIn(page, 'clinica@demo.medpay.com.br');
  await page.getByRole('navigation', { name: 'Seções da clínica' }).getByRole('link', { name: 'Repasse' }).click();
  await expect(page.getByTestId('payout-current')).toContainText('Por PIX, na chave CNPJ da clínica');
  await expectAccessible(page, 'provider-payout');

  await page.getByLabel('TED para a conta bancária da clínica').check();
  await page.getByLabel('Banco').selectOption({ label: 'Itaú Unibanco' });
  await page.getByLabel('Agência (sem dígito)').fill('123');
  await page.getByLabel('Conta com dígito').fill('45678-9');
  await page.getByRole('button', { name: 'Salvar dados de repasse' }).click();
  await expect(page.getByRole('status')).toHaveText('Dados de repasse atualizados. A equipe da clínica foi avisada.');
  await expect(page.getByTestId('payout-current')).toContainText('Por TED: Itaú Unibanco, agência 0123, conta 456789 (Conta corrente)');

  // Back to PIX, as the other suites expect the demo clinic's payouts.
  await page.getByLabel('PIX na chave CNPJ da clínica').check();
  await page.getByRole('button', { name: 'Salvar dados de repasse' }).click();
  await expect(page.getByTestId('payout-current')).toContainText('Por PIX, na chave CNPJ da clínica');
});
