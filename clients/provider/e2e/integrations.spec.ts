// "Integrações" in the clinic dashboard against the real stack and the NinSaúde simulator: Sorriso
// Paulista connects its demo NinSaúde account (simulators/ninsaude/README.md, NINSAUDE_DEMO; the demo
// seeds the connection, and connecting again renews it), maps a procedure of its ERP to the MedPay
// catalog, syncs, and sees the appointment come in with its payment link; the password never comes back.
// Olhos Carioca does the same with its Helena CRM and an API token (simulators/helena, HELENA_DEMO).
import { expect, test } from '@playwright/test';
import { expectAccessible, logIn, screenshot } from '../../e2e';

const CLINIC_ADMIN = 'clinica@demo.medpay.com.br';
/** the NinSaúde simulator's demo login for Sorriso Paulista (NINSAUDE_DEMO.login) */
const NINSAUDE_LOGIN = { account: 'sorrisopaulista', username: 'integracao.medpay', password: 'Sorriso@NinSaude2026', accountUnit: '1' };
/** the Helena simulator's demo API token for Olhos Carioca (HELENA_DEMO.apiToken) */
const HELENA_TOKEN = 'hl_demo_olhos_carioca_7f3a9c21';

test('a clinic connects its NinSaúde account, maps a procedure, syncs and sees the appointment with its payment link', async ({ page }) => {
  await logIn(page, CLINIC_ADMIN);
  await expect(page.getByRole('heading', { name: 'Visão geral' })).toBeVisible();
  await page.getByRole('link', { name: 'Integrações', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Integrações', level: 1 })).toBeVisible();

  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Conectar um sistema' }) });
  await form.getByRole('radio', { name: 'NinSaúde' }).check();
  await form.getByLabel('Conta').fill(NINSAUDE_LOGIN.account);
  await form.getByLabel('Usuário').fill(NINSAUDE_LOGIN.username);
  await form.getByLabel('Senha').fill(NINSAUDE_LOGIN.password);
  await form.getByLabel('Unidade').fill(NINSAUDE_LOGIN.accountUnit);
  await form.getByRole('button', { name: 'Conectar NinSaúde' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^NinSaúde conectado: / })).toBeVisible();
  // The credentials never come back: the form is empty and the page does not hold the password.
  await expect(form.getByLabel('Senha')).toHaveValue('');
  expect(await page.content()).not.toContain(NINSAUDE_LOGIN.password);

  const connection = page.locator('section[data-connection="NINSAUDE"]');
  await expect(connection.locator('[data-connection-status]')).toHaveText('Conectado');
  await expect(connection.getByRole('heading', { level: 2 })).toContainText('NinSaúde · ');

  // ODT-CLAR (Clareamento Dental a Laser) is charged as the catalog's "Clareamento dental" (unmapped
  // first, as the demo's seed maps it already).
  const clareamento = connection.locator('[data-practice-procedure="ODT-CLAR"]').getByRole('combobox');
  await clareamento.selectOption({ label: 'Não cobrar pela MedPay' });
  await expect(clareamento).toHaveValue('');
  await expect(clareamento).toBeEnabled();
  await clareamento.selectOption({ label: 'Clareamento dental' });
  await expect(clareamento).toHaveValue(/^[0-9a-f-]{36}$/);
  await expect(clareamento).toBeEnabled();
  await expect(connection.getByRole('checkbox', { name: /Importar agendamentos/ })).toBeChecked();

  await connection.getByRole('button', { name: 'Sincronizar agora' }).click();
  await expect(connection.getByRole('status')).toContainText(/Sincronização concluída: \d+ agendamentos? lidos?, \d+ links? criados?/, { timeout: 30_000 });
  await expect(connection.getByTestId('last-synced')).toHaveText(/\d{2}\/\d{2}\/\d{4} às \d{2}:\d{2}/);
  await expect(connection.getByRole('region', { name: 'Últimas sincronizações' }).locator('tbody tr')).not.toHaveCount(0);

  // Paula's clareamento, in 3 days, came in with a payment link to the patient app.
  const appointment = connection.getByRole('region', { name: 'Agendamentos importados' }).locator('tr', { hasText: 'Paula Paciente' }).filter({ hasText: 'Clareamento dental' });
  await expect(appointment).toHaveCount(1);
  await expect(appointment.getByRole('link', { name: /link de pagamento de Paula Paciente/ })).toHaveAttribute('href', /\/pagar\/[\w-]+$/);
  // An appointment whose procedure is not mapped (the avaliação) brings no link.
  await expect(connection.getByRole('region', { name: 'Agendamentos importados' }).locator('tr', { hasText: 'Sem procedimento mapeado' }).first()).toBeVisible();
  await expectAccessible(page, 'the integrations tab');
  await screenshot(page, 'provider-integrations');

  // The link is the clinic's like any other: listed under "Links de pagamento", from the NinSaúde.
  await page.getByRole('link', { name: 'Links de pagamento', exact: true }).click();
  await expect(page.locator('tr', { hasText: 'Paula Paciente' }).filter({ hasText: 'Agendamento no NinSaúde' }).first()).toBeVisible();
});

test('a clinic connects its Helena CRM with an API token, maps a service, syncs and sees the appointment with its payment link', async ({ page }) => {
  await logIn(page, 'olhos.carioca@demo.medpay.com.br');
  await page.getByRole('link', { name: 'Integrações', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Integrações', level: 1 })).toBeVisible();

  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Conectar um sistema' }) });
  await form.getByRole('radio', { name: 'Helena' }).check();
  // A token Helena does not know is refused, and nothing is connected.
  await form.getByLabel('Token de API').fill('hl_token_que_nao_existe');
  await form.getByRole('button', { name: 'Conectar Helena' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'O sistema recusou essas credenciais.' })).toBeVisible();
  await expect(page.locator('section[data-connection="HELENA"]')).toHaveCount(0);

  await form.getByLabel('Token de API').fill(HELENA_TOKEN);
  await form.getByRole('button', { name: 'Conectar Helena' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Helena conectado: / })).toBeVisible();
  await expect(form.getByLabel('Token de API')).toHaveValue('');
  expect(await page.content()).not.toContain(HELENA_TOKEN);

  const connection = page.locator('section[data-connection="HELENA"]');
  await expect(connection.locator('[data-connection-status]')).toHaveText('Conectado');
  const lasik = connection.locator('[data-practice-procedure="LASIK"]').getByRole('combobox');
  await lasik.selectOption({ label: 'Cirurgia refrativa a laser (LASIK)' });
  await expect(lasik).toHaveValue(/^[0-9a-f-]{36}$/);
  await expect(lasik).toBeEnabled();

  await connection.getByRole('button', { name: 'Sincronizar agora' }).click();
  await expect(connection.getByRole('status')).toContainText(/Sincronização concluída: \d+ agendamentos? lidos?, \d+ links? criados?/, { timeout: 30_000 });
  // Paula's LASIK came in with a payment link; her retina mapping (no MedPay procedure) did not.
  const imported = connection.getByRole('region', { name: 'Agendamentos importados' });
  const appointment = imported.locator('tr', { hasText: 'Paula Paciente' }).filter({ hasText: 'Cirurgia refrativa a laser (LASIK)' });
  await expect(appointment).toHaveCount(1);
  await expect(appointment.getByRole('link', { name: /link de pagamento de Paula Paciente/ })).toHaveAttribute('href', /\/pagar\/[\w-]+$/);
  await expect(imported.locator('tr', { hasText: 'Sem procedimento mapeado' }).first()).toBeVisible();
});
