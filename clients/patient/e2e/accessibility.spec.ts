// The axe audit of the patient app's main screens, anonymous and signed in, at a phone's size.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, logIn } from '../../e2e';

async function openProcedure(page: Page) {
  await page.goto('/');
  await page.getByLabel('O que você procura?').fill('clareamento');
  await page.getByRole('button', { name: 'Buscar' }).click();
  await page.getByRole('link', { name: 'Clareamento dental' }).first().click();
  await expect(page).toHaveURL(/\/procedimentos\/[^/]+$/);
}

test('the public screens have no serious or critical accessibility violation', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Encontre seu procedimento' })).toBeVisible();
  await expectAccessible(page, 'início');
  await openProcedure(page);
  await expectAccessible(page, 'procedimento');
  await page.getByRole('link', { name: 'Sorriso Paulista' }).first().click();
  await expect(page).toHaveURL(/\/clinicas\/[^/]+$/);
  await expectAccessible(page, 'clínica');
  for (const [path, screen] of [['/entrar', 'entrar'], ['/cadastro', 'cadastro'], ['/cadastro/confirmar?token=x', 'confirmar cadastro'], ['/privacidade', 'privacidade']] as const) {
    await page.goto(path);
    await expectAccessible(page, screen);
  }
});

test('the signed-in screens have no serious or critical accessibility violation', async ({ page }) => {
  await logIn(page, 'paciente@demo.medpay.com.br');
  await expect(page.getByRole('link', { name: 'Pagamentos', exact: true })).toBeVisible();
  for (const [path, screen] of [['/pagamentos', 'pagamentos'], ['/parcelas', 'parcelas'], ['/notificacoes', 'notificações'], ['/notificacoes/preferencias', 'preferências']] as const) {
    await page.goto(path);
    await expectAccessible(page, screen);
  }
  await page.goto('/pagamentos');
  await page.locator('a[href^="/pagamentos/"]').first().click();
  await expect(page).toHaveURL(/\/pagamentos\/[^/]+$/);
  await expectAccessible(page, 'pagamento');
  await openProcedure(page);
  await page.locator('a[href*="/pagar?plano="]').first().click();
  await expect(page).toHaveURL(/\/procedimentos\/[^/]+\/pagar\?/);
  await expectAccessible(page, 'pagar');
});
