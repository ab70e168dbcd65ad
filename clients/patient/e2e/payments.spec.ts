// The other ways to pay and what comes after paying, in the patient app against the real stack.
import { expect, test, type Page } from '@playwright/test';
import { logIn, payPix, screenshot, signContractInPage, SIMULATOR_URL } from '../../e2e';

async function openProcedure(page: Page, search: string, name: string) {
  await page.goto('/');
  await page.getByLabel('O que você procura?').fill(search);
  await page.getByRole('button', { name: 'Buscar' }).click();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

async function payByPixNow(page: Page, search: string, name: string) {
  await openProcedure(page, search, name);
  await page.locator('[data-kind="A_VISTA"]').getByRole('link', { name: 'Escolher À vista no PIX' }).click();
  await page.getByRole('button', { name: 'Gerar PIX' }).click();
  await payPix(await page.getByLabel('PIX copia e cola').inputValue());
  await expect(page.locator('[data-status]')).toHaveText(/^Pago/);
}

async function payByCard(page: Page, number: string) {
  await page.getByLabel('Número do cartão').fill(number);
  await page.getByLabel('Nome impresso no cartão').fill('MARIA SILVA');
  await page.getByLabel('Validade (MM/AA)').fill('12/30');
  await page.getByLabel('CVV').fill('123');
  await page.getByRole('button', { name: /^Pagar R\$/ }).click();
}

/** Contracts a crediário of `count` installments for the procedure, signs it in the page and pays the first by PIX. */
async function signCrediario(page: Page, search: string, name: string, count: number) {
  await openProcedure(page, search, name);
  const crediario = page.locator('[data-kind="CREDIARIO"]');
  await crediario.getByLabel('Número de parcelas').selectOption(`CREDIARIO:${count}`);
  await crediario.getByRole('link', { name: `Escolher Crediário MedPay em ${count}×` }).click();
  await page.getByLabel('Sua renda mensal').selectOption('DE_2_A_4_SM');
  await page.getByLabel(/Li e aceito o contrato/).check();
  await page.getByRole('button', { name: 'Gerar PIX' }).click();
  await signContractInPage(page);
  await payPix(await page.getByLabel('PIX copia e cola').inputValue());
  await expect(page.locator('[data-status]')).toHaveText(/^Pago/);
}

test.beforeEach(async ({ page }) => {
  await logIn(page, 'paciente@demo.medpay.com.br');
  await expect(page.getByRole('button', { name: 'Sair' })).toBeVisible();
});

test('boleto shows the linha digitável with copy, the barcode and the due date', async ({ page }) => {
  await openProcedure(page, 'limpeza', 'Limpeza e profilaxia');
  const aVista = page.locator('[data-kind="A_VISTA"]');
  await aVista.getByLabel('Pagar com').selectOption('BOLETO');
  await aVista.getByRole('link', { name: 'Escolher À vista no boleto' }).click();
  await page.getByRole('button', { name: 'Gerar boleto' }).click();
  await expect(page.getByRole('heading', { name: 'Boleto' })).toBeVisible();
  await expect(page.locator('.boleto .line')).toHaveText(/^\d{5}\.\d{5} \d{5}\.\d{6} \d{5}\.\d{6} \d \d{14}$/);
  await expect(page.getByRole('button', { name: 'Copiar linha digitável' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Código de barras do boleto: \d{44}$/ })).toBeVisible();
  await expect(page.getByText(/^Vencimento: \d{2}\/\d{2}\/\d{4}$/)).toBeVisible();
  await screenshot(page, 'patient-boleto');
});

test('a card is tokenized by the gateway in the browser: the number never reaches our API', async ({ page }) => {
  // Everything the browser sends anywhere but the gateway's tokenizer: the app and the router.
  const sentToUs: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(SIMULATOR_URL)) sentToUs.push(`${request.url()} ${request.postData() ?? ''}`);
  });
  await openProcedure(page, 'consulta dermatológica', 'Consulta dermatológica');
  const card = page.locator('[data-kind="CARD_INSTALLMENTS"]');
  await card.getByRole('link', { name: /^Escolher Cartão em/ }).click();
  await payByCard(page, '4000 0000 0000 0002');
  // A declined card says so on the payment page, with nothing charged.
  await expect(page.locator('[data-status]')).toHaveText('Recusado');
  await expect(page.getByText(/final 0002 · recusado/)).toBeVisible();

  await page.goBack();
  await payByCard(page, '4111 1111 1111 1111');
  await expect(page.locator('[data-status]')).toHaveText(/^Pago/);
  await expect(page.getByText(/final 1111 · aprovado/)).toBeVisible();
  expect(sentToUs.length).toBeGreaterThan(0);
  expect(sentToUs.filter((line) => /4111 ?1111 ?1111 ?1111|4000 ?0000 ?0000 ?0002/.test(line))).toEqual([]);
});

test('a patient cancels a payment still in escrow and another is disputed', async ({ page }) => {
  await payByPixNow(page, 'peeling', 'Peeling químico');
  await page.getByRole('button', { name: 'Cancelar e pedir reembolso' }).click();
  await page.getByRole('button', { name: 'Confirmar cancelamento' }).click();
  await expect(page.locator('[data-status]')).toHaveText('Reembolsado');
  await expect(page.getByRole('button', { name: 'Cancelar e pedir reembolso' })).toBeHidden();

  await payByPixNow(page, 'infiltração', 'Infiltração articular');
  await page.getByRole('button', { name: 'Abrir contestação' }).click();
  await page.getByLabel('O que aconteceu?').fill('A clínica remarcou duas vezes e não atendeu.');
  await page.getByRole('button', { name: 'Enviar contestação' }).click();
  await expect(page.locator('[data-status]')).toHaveText('Em contestação');
  await screenshot(page, 'patient-dispute');
});

test('crediário installments: the first paid by PIX, the next one shown with its due date and payable now', async ({ page }) => {
  await signCrediario(page, 'canal', 'Tratamento de canal (molar)', 6);

  await page.getByRole('link', { name: 'Parcelas', exact: true }).click();
  // (the demo patient may owe other contracts' installments from other tests: look at this one's)
  const next = page.locator('section', { has: page.getByRole('heading', { name: 'Próxima parcela' }) });
  await expect(next).toContainText(/Vence em \d{2}\/\d{2}\/\d{4}/);
  const rows = page.locator('tr', { hasText: 'Tratamento de canal (molar)' });
  await expect(rows).toHaveCount(5);
  await expect(rows.first()).toContainText(/2\/6\s*\d{2}\/\d{2}\/\d{4}/);
  await screenshot(page, 'patient-installments');
  const row = rows.filter({ hasText: '2/6' });
  await row.getByRole('button', { name: 'Pagar agora' }).click();
  await expect(page.getByLabel('PIX copia e cola')).toHaveValue(/^000201/);
});

test('a patient settles a crediário installment early, then undoes the contract within 7 days of signing', async ({ page }) => {
  await signCrediario(page, 'peeling', 'Peeling químico', 3);

  // Early settlement: the next installment for less than scheduled, by one PIX.
  const payoff = page.locator('section', { has: page.getByRole('heading', { name: 'Quitar antecipadamente' }) });
  await payoff.getByLabel('Parcelas a quitar').selectOption({ label: 'A próxima' });
  await expect(payoff.getByText(/^Parcela 2 \(vence em \d{2}\/\d{2}\/\d{4}\)/)).toBeVisible();
  await expect(payoff.getByText(/desconto de R\$/)).toBeVisible();
  await payoff.getByRole('button', { name: 'Gerar PIX de quitação' }).click();
  await payPix(await payoff.getByLabel('PIX copia e cola').inputValue());
  await expect(page.locator('tr', { hasText: /^2/ })).toContainText('Paga');

  // Regret: the contract undone, everything paid back.
  await page.getByRole('button', { name: 'Cancelar o crediário' }).click();
  await expect(page.getByText(/Você está no prazo de arrependimento \(até \d{2}\/\d{2}\/\d{4}\): o contrato é desfeito e você recebe de volta tudo o que pagou/)).toBeVisible();
  await page.getByRole('button', { name: 'Confirmar cancelamento' }).click();
  await expect(page.locator('[data-status]')).toHaveText('Reembolsado');
  await expect(page.getByRole('button', { name: 'Cancelar o crediário' })).toBeHidden();
});
