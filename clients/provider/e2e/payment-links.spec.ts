// Payment links against the real stack: the clinic makes one for a patient, the patient opens it in the
// patient app (/pagar/<token>), logs in, pays by PIX, and the link shows as paid on both sides. Needs the
// patient app too: MEDPAY_APPS=patient,provider.
import { expect, test } from '@playwright/test';
import { expectAccessible, logIn, payPix, screenshot } from '../../e2e';

const CLINIC_ADMIN = 'clinica@demo.medpay.com.br';
const PATIENT = 'paciente@demo.medpay.com.br';

test('a clinic sends a payment link and the patient pays it by PIX in the patient app', async ({ page, browser }) => {
  await logIn(page, CLINIC_ADMIN);
  await expect(page.getByRole('heading', { name: 'Visão geral' })).toBeVisible();
  await page.getByRole('link', { name: 'Links de pagamento', exact: true }).click();
  await page.getByLabel('Procedimento').selectOption({ label: 'Limpeza e profilaxia — R$ 250,00' });
  await page.getByLabel('Nome do paciente').fill('Paula Paciente');
  await page.getByLabel('E-mail do paciente').fill(PATIENT);
  await page.getByLabel('Celular (opcional)').fill('(11) 98765-4321');
  await page.getByLabel('CPF do paciente (opcional)').fill('52998224725');
  await expect(page.getByLabel('CPF do paciente (opcional)')).toHaveValue('529.982.247-25');
  await page.getByLabel('Validade do link').selectOption({ label: '3 dias' });
  await page.getByRole('button', { name: 'Criar link' }).click();
  const created = page.getByTestId('created-link');
  await expect(created).toBeFocused();
  const url = (await page.getByTestId('payment-link-url').innerText()).trim();
  expect(url).toMatch(/\/pagar\/[\w-]+$/);
  const token = url.split('/').at(-1)!;
  const row = page.locator(`[data-payment-link="${token}"]`);
  await expect(row.locator('[data-link-status]')).toHaveText('Ativo');
  await expect(row).toContainText('Criado no painel');
  await expectAccessible(page, 'the payment links');
  await screenshot(page, 'provider-payment-links');

  // The patient opens the link on their phone, with no session yet.
  const phone = await browser.newContext({ locale: 'pt-BR', timezoneId: 'America/Sao_Paulo', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const patient = await phone.newPage();
  await patient.goto(url);
  await expect(patient.getByRole('heading', { name: 'Olá, Paula!' })).toBeVisible();
  await expect(patient.getByText('Sorriso Paulista enviou este link para você pagar:')).toBeVisible();
  await expect(patient.getByText('Limpeza e profilaxia')).toBeVisible();
  await expect(patient.getByText(/link válido até \d{2}\/\d{2}\/\d{4} às \d{2}:\d{2}/)).toBeVisible();
  await expectAccessible(patient, 'the payment link in the patient app');
  await screenshot(patient, 'patient-payment-link');
  await patient.getByRole('button', { name: 'Pagar' }).click();
  await expect(patient).toHaveURL(/\/entrar\?voltar=/);
  await patient.getByLabel('E-mail').fill(PATIENT);
  await patient.getByLabel('Senha').fill('MedPay@2026');
  await patient.getByRole('button', { name: 'Entrar' }).click();
  await expect(patient.getByRole('heading', { name: 'Escolha como pagar' })).toBeVisible();
  await patient.locator('[data-kind="A_VISTA"]').getByRole('link', { name: 'Escolher À vista no PIX' }).click();
  await expect(patient.getByText('Pagamento pelo link enviado por Sorriso Paulista.')).toBeVisible();
  await patient.getByRole('button', { name: 'Gerar PIX' }).click();
  await payPix(await patient.getByLabel('PIX copia e cola').inputValue());
  await expect(patient.locator('[data-status]')).toHaveText(/^Pago/);

  // Used once: the link now says so, and the clinic sees it paid.
  await patient.goto(url);
  await expect(patient.getByRole('heading', { name: 'Link já utilizado' })).toBeVisible();
  await phone.close();
  await page.reload();
  await expect(page.locator(`[data-payment-link="${token}"] [data-link-status]`)).toHaveText('Pago');
  await expect(page.locator(`[data-payment-link="${token}"]`).getByRole('link', { name: /pagamento de Paula Paciente/ })).toBeVisible();
});

test('a link not used yet can be canceled, and then says so to the patient', async ({ page, browser }) => {
  await logIn(page, CLINIC_ADMIN);
  await page.getByRole('link', { name: 'Links de pagamento', exact: true }).click();
  await page.getByLabel('Procedimento').selectOption({ label: 'Clareamento dental — R$ 1.200,00' });
  await page.getByLabel('Nome do paciente').fill('Roberto Almeida');
  await page.getByLabel('E-mail do paciente').fill('roberto.almeida@example.com');
  await page.getByRole('button', { name: 'Criar link' }).click();
  const url = (await page.getByTestId('payment-link-url').innerText()).trim();
  const token = url.split('/').at(-1)!;
  const row = page.locator(`[data-payment-link="${token}"]`);
  await row.getByRole('button', { name: 'Cancelar o link de Roberto Almeida' }).click();
  await row.getByRole('button', { name: 'Sim, cancelar' }).click();
  await expect(row.locator('[data-link-status]')).toHaveText('Cancelado');

  const phone = await browser.newContext({ locale: 'pt-BR' });
  const patient = await phone.newPage();
  await patient.goto(url);
  await expect(patient.getByRole('heading', { name: 'Link cancelado' })).toBeVisible();
  await expect(patient.getByRole('button', { name: 'Pagar' })).toHaveCount(0);
  await phone.close();
});
