// Where the clinic's payouts go, in the clinic dashboard against the real stack: its admin moves them
// to TED on the clinic's bank account, sees it, and moves them back to PIX on the CNPJ key.
import { expect, test } from '@playwright/test';
import { accessToken, expectAccessible, graph, logIn } from '../../e2e';

const CLINIC_ADMIN = 'clinica@demo.medpay.com.br';

// The other suites expect the demo clinic paid out by PIX at once: put it back whatever happened here.
test.afterEach(async () => {
  const token = await accessToken(CLINIC_ADMIN);
  const mine = await graph<{ me: { clinics: { role: string; clinic: { id: string } }[] } }>('{ me { clinics { role clinic { id } } } }', {}, token);
  for (const { clinic } of mine.data!.me.clinics.filter((membership) => membership.role === 'ADMIN')) {
    await graph('mutation($id: ID!) { setClinicPayoutAccount(clinicId: $id, method: PIX) { id } }', { id: clinic.id }, token);
  }
});

test('the clinic\'s admin chooses TED to the clinic\'s bank account, then PIX again', async ({ page }) => {
  await logIn(page, CLINIC_ADMIN);
  await page.getByRole('navigation', { name: 'Seções da clínica' }).getByRole('link', { name: 'Repasse' }).click();
  await expect(page.getByTestId('payout-current')).toContainText('Por PIX, na chave CNPJ da clínica');
  await expectAccessible(page, 'provider-payout');

  await page.getByLabel('TED para a conta bancária da clínica').check();
  await page.getByLabel('Banco').selectOption({ label: 'Itaú Unibanco' });
  await page.getByLabel('Agência (sem dígito)').fill('123');
  await page.getByLabel('Conta com dígito').fill('45678-9');
  await page.getByRole('button', { name: 'Salvar dados de repasse' }).click();
  await expect(page.getByText('Dados de repasse atualizados. A equipe da clínica foi avisada.')).toBeVisible();
  await expect(page.getByTestId('payout-current')).toContainText('Por TED: Itaú Unibanco, agência 0123, conta 456789 (Conta corrente)');

  await page.getByLabel('PIX na chave CNPJ da clínica').check();
  await page.getByRole('button', { name: 'Salvar dados de repasse' }).click();
  await expect(page.getByTestId('payout-current')).toContainText('Por PIX, na chave CNPJ da clínica');
});
