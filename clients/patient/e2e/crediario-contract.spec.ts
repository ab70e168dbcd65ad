// A crediário's contract signed inside the payment page before anything is charged: the contract's PDF
// and deadline, ClickSign's signing page embedded (the simulator shows the code it "sent"), then the
// first installment's PIX, the signed contract, and the receipt once paid (then undone, as the law
// allows within 7 days); and a refusal.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, logIn, payPix, screenshot, signContractInPage } from '../../e2e';

async function contractCrediario(page: Page, search: string, name: string, count: number) {
  await page.goto('/');
  await page.getByLabel('O que você procura?').fill(search);
  await page.getByRole('button', { name: 'Buscar' }).click();
  await page.getByRole('link', { name }).click();
  const crediario = page.locator('[data-kind="CREDIARIO"]');
  await crediario.getByLabel('Número de parcelas').selectOption(`CREDIARIO:${count}`);
  await crediario.getByRole('link', { name: `Escolher Crediário MedPay em ${count}×` }).click();
  await page.getByLabel('Sua renda mensal').selectOption('DE_2_A_4_SM');
  await page.getByLabel(/Li e aceito o contrato/).check();
  await page.getByRole('button', { name: 'Gerar PIX' }).click();
  await expect(page).toHaveURL(/\/pagamentos\/[0-9a-f-]{36}$/);
}

test.beforeEach(async ({ page }) => {
  await logIn(page, 'paciente@demo.medpay.com.br');
  await expect(page.getByRole('button', { name: 'Sair' })).toBeVisible();
});

test('a patient signs the crediário contract in the payment page and gets the PIX of the first installment', async ({ page }) => {
  await contractCrediario(page, 'lente', 'Lente de contato dental (unidade)', 4);
  await expect(page.locator('[data-status]')).toHaveText('Aguardando assinatura');
  const step = page.locator('section', { has: page.getByRole('heading', { name: 'Contrato do crediário' }) });
  await expect(step.getByRole('link', { name: 'Ver contrato (PDF)' })).toHaveAttribute('href', /\/documents\/payments\?key=/);
  await expect(step).toContainText(/Assine até \d{2}\/\d{2}\/\d{4} às \d{2}:\d{2}/);
  await expect(step.getByRole('heading', { name: 'Assinar contrato' })).toBeVisible();
  // Nothing is charged before the signature.
  await expect(page.getByLabel('PIX copia e cola')).toHaveCount(0);
  const signing = page.frameLocator('iframe[title="Assinatura do contrato"]');
  await expect(signing.getByText('Ambiente de simulação')).toBeVisible();
  await expectAccessible(page, 'the payment page with the contract to sign');
  await screenshot(page, 'patient-contract-signing');

  // The contract's PDF is the one issued (a real PDF behind the short-lived link).
  const pdf = await page.request.get((await step.getByRole('link', { name: 'Ver contrato (PDF)' }).getAttribute('href'))!);
  expect(pdf.ok()).toBe(true);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  await signContractInPage(page);
  // ClickSign tells MedPay (its webhook); the payment page follows without a reload.
  await expect(page.getByLabel('PIX copia e cola')).toHaveValue(/^000201/, { timeout: 30_000 });
  await expect(page.locator('[data-status]')).toHaveText('Aguardando pagamento');
  await expect(page.getByTestId('contract-signed')).toHaveText(/^Contrato assinado em \d{2}\/\d{2}\/\d{4} às \d{2}:\d{2}\.$/);
  await expect(page.getByTitle('Assinatura do contrato')).toHaveCount(0);
  await screenshot(page, 'patient-contract-signed');

  await payPix(await page.getByLabel('PIX copia e cola').inputValue());
  await expect(page.locator('[data-status]')).toHaveText(/^Pago/);
  const receipts = page.locator('section', { has: page.getByRole('heading', { name: 'Comprovantes' }) });
  await expect(receipts.getByRole('link', { name: /^Comprovante de \d{2}\/\d{2}\/\d{4}/ })).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'patient-contract-paid');

  // Undone within 7 days of signing (CDC art. 49): the demo patient keeps room for the other suites'
  // crediários (at most two active at once).
  await page.getByRole('button', { name: 'Cancelar o crediário' }).click();
  await page.getByRole('button', { name: 'Confirmar cancelamento' }).click();
  await expect(page.locator('[data-status]')).toHaveText('Reembolsado');
});

test('a patient who refuses the contract sees the crediário canceled, with nothing charged', async ({ page }) => {
  await contractCrediario(page, 'canal', 'Tratamento de canal (molar)', 3);
  const signing = page.frameLocator('iframe[title="Assinatura do contrato"]');
  await signing.getByText('Não quero assinar').click();
  await signing.getByRole('button', { name: 'Recusar' }).click();
  await expect(page.locator('[data-status]')).toHaveText('Cancelado', { timeout: 30_000 });
  await expect(page.getByText('Você recusou o contrato. O crediário foi cancelado e nada foi cobrado.')).toBeVisible();
  await expect(page.getByLabel('PIX copia e cola')).toHaveCount(0);
});
