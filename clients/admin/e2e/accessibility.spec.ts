// The axe audit of the admin panel's main screens at a desktop's size.
import { expect, test } from '@playwright/test';
import { expectAccessible, logIn } from '../../e2e';

test('the panel\'s screens have no serious or critical accessibility violation', async ({ page }) => {
  await page.goto('/entrar');
  await expectAccessible(page, 'entrar');
  await logIn(page, 'admin@demo.medpay.com.br');
  await expect(page.getByRole('heading', { name: 'Visão geral' })).toBeVisible();
  await expectAccessible(page, 'visão geral');
  const screens = [['/clinicas', 'clínicas'], ['/pagamentos', 'pagamentos'], ['/usuarios', 'usuários'], ['/exclusoes', 'exclusões de conta'], ['/livro-razao', 'livro-razão'], ['/plataforma', 'plataforma'], ['/mensagens-com-falha', 'mensagens com falha'], ['/notificacoes', 'notificações']] as const;
  for (const [path, screen] of screens) {
    await page.goto(path);
    await expectAccessible(page, screen);
  }
  for (const [list, screen] of [['/pagamentos', 'pagamento'], ['/usuarios', 'usuário']] as const) {
    await page.goto(list);
    await page.locator(`a[href^="${list}/"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`${list}/[^/]+$`));
    await expectAccessible(page, screen);
  }
});
