// The patient's journey in a phone-sized Chromium against the real stack: sign up, confirm through the
// e-mail, find, compare, pay by PIX and watch the status change live; crediário shows its CET before
// acceptance; a wrong password is explained.
import { expect, test } from '@playwright/test';
import { confirmationLinkFor, expectLoginStaysOnApp, freshCpf, logIn, payPix, screenshot } from '../../e2e';

test('a new patient signs up, confirms through the e-mail, finds a procedure, compares plans, pays by PIX and sees "Pago" without reload', async ({ page }) => {
  const email = `joana.${Date.now()}@exemplo.com.br`;
  await page.goto('/cadastro');
  await page.getByLabel('Nome completo').fill('Joana Pereira Lima');
  await page.getByLabel('E-mail').fill(email);
  // The CPF field masks while typing and checks the digits before anything is sent.
  const cpfInput = page.getByLabel('CPF');
  await cpfInput.fill('12345678900');
  await cpfInput.blur();
  await expect(page.getByText('CPF inválido: confira os números.')).toBeVisible();
  const cpf = freshCpf();
  await cpfInput.fill(cpf);
  await expect(cpfInput).toHaveValue(`${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`);
  await page.getByLabel('Senha', { exact: true }).fill('Consulta2026');
  await page.getByLabel('Li e aceito os Termos de Uso e a Política de Privacidade').check();
  await screenshot(page, 'patient-signup');
  await page.getByRole('button', { name: 'Criar conta' }).click();
  // No account, and no session, until the e-mail is confirmed: the page says where to look.
  await expect(page.getByRole('heading', { name: 'Verifique seu e-mail' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveText('Enviamos um e-mail para continuar o cadastro.');
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Pagamentos', exact: true })).toHaveCount(0);
  await screenshot(page, 'patient-signup-check-email');

  // The link in the e-mail (as the messaging simulator received it) asks for the password once more.
  const link = await confirmationLinkFor(email);
  expect(new URL(link).origin).toBe(new URL(page.url()).origin);
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Confirmar cadastro' })).toBeVisible();
  await page.getByLabel('Senha').fill('Consulta2027');
  await page.getByRole('button', { name: 'Confirmar cadastro' }).click();
  // (Next's route announcer is an empty alert region too)
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('Senha incorreta. Use a senha que você escolheu no cadastro.');
  await page.getByLabel('Senha').fill('Consulta2026');
  await screenshot(page, 'patient-signup-confirm');
  await page.getByRole('button', { name: 'Confirmar cadastro' }).click();
  await expect(page.getByRole('link', { name: 'Pagamentos', exact: true })).toBeVisible();
  // The spent token left the address bar; the link, opened again, says it was used.
  await expect(page).toHaveURL((url) => url.pathname === '/' && !url.search.includes('token'));
  await page.goto(link);
  await page.getByLabel('Senha').fill('Consulta2026');
  await page.getByRole('button', { name: 'Confirmar cadastro' }).click();
  await expect(page.getByRole('heading', { name: 'Não foi possível confirmar' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toContainText('já foi usado');
  await page.goto('/');

  await page.getByLabel('O que você procura?').fill('clareamento');
  await page.getByLabel('Cidade').selectOption('São Paulo');
  await page.getByRole('button', { name: 'Buscar' }).click();
  const result = page.getByRole('link', { name: 'Clareamento dental' });
  await expect(result).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sorriso Paulista' }).first()).toBeVisible();
  await screenshot(page, 'patient-search');
  await result.click();

  await expect(page.getByRole('heading', { name: 'Clareamento dental' })).toBeVisible();
  // À vista has the cheapest total; the longest crediário the lowest installment — both called out.
  await expect(page.locator('[data-highlight="cheapest-total"]')).toContainText('À vista no PIX: R$ 1.200,00');
  await expect(page.locator('[data-highlight="lowest-installment"]')).toContainText('Crediário MedPay em 24×');
  const card = page.locator('[data-kind="CARD_INSTALLMENTS"]');
  await expect(card.locator('[data-field="total"]')).toHaveText('R$ 1.200,00');
  await card.getByLabel('Número de parcelas').selectOption('CARD:12');
  await expect(card.locator('[data-field="cet"]')).not.toHaveText('0,00 %');
  await screenshot(page, 'patient-plans');
  await page.locator('[data-kind="A_VISTA"]').getByRole('link', { name: 'Escolher À vista no PIX' }).click();

  await expect(page.getByRole('heading', { name: 'Pagamento' })).toBeVisible();
  await page.getByRole('button', { name: 'Gerar PIX' }).click();
  await expect(page).toHaveURL(/\/pagamentos\/[0-9a-f-]{36}$/);
  const copiaECola = page.getByLabel('PIX copia e cola');
  await expect(copiaECola).toHaveValue(/^000201/);
  await expect(page.getByRole('img', { name: 'QR code do PIX' })).toBeVisible();
  await expect(page.getByRole('timer')).toContainText('Expira em');
  await expect(page.locator('[data-status]')).toHaveText('Aguardando pagamento');
  await screenshot(page, 'patient-pix');

  // A marker that a reload or navigation would wipe: the status must change in this same document.
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
  await payPix(await copiaECola.inputValue());
  await expect(page.locator('[data-status]')).toHaveText(/^Pago/);
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  await expect(page.getByRole('list').filter({ hasText: 'Aguardando pagamento' })).toContainText('Pago');
  await screenshot(page, 'patient-paid');

  await page.getByRole('link', { name: 'Pagamentos', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Meus pagamentos' })).toBeVisible();
  await expect(page.getByText('Clareamento dental')).toBeVisible();
  await screenshot(page, 'patient-payments');
});

test('a crediário 12× checkout shows the CET before acceptance and cannot go on without it', async ({ page }) => {
  await logIn(page, 'paciente@demo.medpay.com.br');
  await expect(page.getByRole('link', { name: 'Pagamentos', exact: true })).toBeVisible();
  await page.getByLabel('O que você procura?').fill('implante');
  await page.getByRole('button', { name: 'Buscar' }).click();
  await page.getByRole('link', { name: 'Implante dentário unitário' }).click();
  const crediario = page.locator('[data-kind="CREDIARIO"]');
  await crediario.getByLabel('Número de parcelas').selectOption('CREDIARIO:12');
  // The chosen due day sets the first installment's date, shown beside the figures it explains.
  await page.getByLabel('Dia de vencimento das parcelas do crediário').selectOption('5');
  const firstDue = crediario.locator('[data-field="first-due-date"]');
  await expect(firstDue).toHaveText(/^1ª parcela em 05\/\d{2}\/\d{4}$/);
  const firstDueText = (await firstDue.innerText()).trim();
  const cetInTable = (await crediario.locator('[data-field="cet"]').innerText()).trim();
  expect(cetInTable).toMatch(/^\d+,\d{2} %$/);
  await crediario.getByRole('link', { name: 'Escolher Crediário MedPay em 12×' }).click();

  await expect(page.getByRole('heading', { name: 'Contrato do crediário' })).toBeVisible();
  await expect(page.getByTestId('cet')).toHaveText(`${cetInTable} ao ano`);
  await expect(page.getByTestId('first-due-date')).toHaveText(`${firstDueText}, depois todo dia 5`);
  await expect(page.getByLabel('Texto do contrato')).toContainText('CET');
  const submit = page.getByRole('button', { name: 'Gerar PIX' });
  await expect(submit).toBeDisabled();
  // The credit application: the declared income band, then the offer before the contract is accepted.
  await page.getByLabel('Sua renda mensal').selectOption('DE_4_A_10_SM');
  await expect(page.getByTestId('credit-offer')).toContainText(/Crédito aprovado até R\$\s*[\d.]+,\d{2} em até \d+ parcelas/);
  await screenshot(page, 'patient-crediario-terms');
  await expect(submit).toBeDisabled();
  await page.getByLabel(/Li e aceito o contrato/).check();
  await submit.click();
  await expect(page).toHaveURL(/\/pagamentos\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'Parcelas' })).toBeVisible();
  await expect(page.locator('table tbody tr')).toHaveCount(12);
});

test('a wrong password is explained in place and nothing else happens', async ({ page }) => {
  await logIn(page, 'paciente@demo.medpay.com.br', 'senha-errada-1');
  // (Next's route announcer is an empty alert region too)
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('E-mail ou senha incorretos.');
  await expect(page).toHaveURL(/\/entrar/);
  await expect(page.getByRole('link', { name: 'Entrar' })).toBeVisible();
  await screenshot(page, 'patient-login-error');
});

test('works with the keyboard alone: skip to the content, fill the form, submit with Enter', async ({ page }) => {
  await page.goto('/entrar');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Ir para o conteúdo' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('E-mail')).toBeFocused();
  await page.keyboard.type('paciente@demo.medpay.com.br');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Senha')).toBeFocused();
  await page.keyboard.type('MedPay@2026');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Sair' })).toBeVisible();
});

test('after login the app returns only to its own pages, never to another site (open redirect)', async ({ page }) => {
  await expectLoginStaysOnApp(page, 'paciente@demo.medpay.com.br');
});

test('the public pages arrive rendered with their data: search results, a clinic, a procedure and its plans', async ({ request }) => {
  // the HTML as the server sent it, without React's text separators
  const page = async (path: string) => (await (await request.get(path)).text()).replace(/<!-- -->/g, '');
  const home = await page('/?q=Clareamento');
  expect(home).toContain('Clareamento dental');
  expect(home).not.toContain('Buscando…');
  const procedureId = /href="\/procedimentos\/([^"]+)"/.exec(home)![1]!;
  const clinicId = /href="\/clinicas\/([^"]+)"/.exec(home)![1]!;
  const procedure = await page(`/procedimentos/${procedureId}`);
  expect(procedure).toContain('Simule e compare');
  // the plans came with it: à vista and crediário columns, each with its choice
  expect(procedure).toContain('data-kind="CREDIARIO"');
  expect(procedure).toContain('aria-label="Escolher À vista no');
  const clinic = await page(`/clinicas/${clinicId}`);
  expect(clinic).toContain('<h2>Procedimentos</h2>');
  expect(clinic).toMatch(/CNPJ \d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}/);
});
