// The axe audit of the clinic dashboard's main screens at a desktop's size.
import { expect, test } from '@playwright/test';
import { expectAccessible, logIn } from '../../e2e';

test('the dashboard\'s screens have no serious or critical accessibility violation', async ({ page }) => {
  await page.goto('/entrar');
  await expectAccessible(page, 'entrar');
  await logIn(page, 'clinica@demo.medpay.com.br');
  await expect(page).toHaveURL(/\/clinicas\/[^/]+$/);
  const clinic = new URL(page.url()).pathname;
  await expectAccessible(page, 'painel');
  for (const [path, screen] of [['/pagamentos', 'pagamentos'], ['/extrato', 'extrato'], ['/catalogo', 'catálogo'], ['/equipe', 'equipe'], ['/analises', 'análises'], ['/integracao', 'integração'], ['/links-de-pagamento', 'links de pagamento'], ['/integracoes', 'integrações']] as const) {
    await page.goto(`${clinic}${path}`);
    await expectAccessible(page, screen);
  }
  await page.goto('/notificacoes');
  await expectAccessible(page, 'notificações');
  await page.goto(`${clinic}/pagamentos`);
  await page.locator(`a[href^="${clinic}/pagamentos/"]`).first().click();
  await expect(page).toHaveURL(/\/pagamentos\/[^/]+$/);
  await expectAccessible(page, 'pagamento');
});
