// The sensitive-data access log in the admin panel: a clinic's staff reading a patient's procedure
// and an admin revealing the whole CPF both appear on the person's "Acessos a dados sensíveis" page,
// with who, which clinic, which data and why.
import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { accessToken, graph, logIn, screenshot } from '../../e2e';

const ADMIN = 'admin@demo.medpay.com.br';

test("an admin sees who read a patient's sensitive data, their own CPF reveal included", async ({ page }) => {
  const patient = await accessToken('paciente@demo.medpay.com.br');
  const clinic = await accessToken('clinica@demo.medpay.com.br');
  const procedures = await graph<{ procedures: { edges: { node: { id: string } }[] } }>('{ procedures(filter: { search: "Clareamento" }) { edges { node { id } } } }');
  const checkout = await graph<{ checkout: { id: string } }>(
    'mutation($input: CheckoutInput!) { checkout(input: $input) { id } }',
    { input: { procedureId: procedures.data!.procedures.edges[0]!.node.id, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } },
    patient,
  );
  // The clinic's staff opens the payment with its procedure (health data).
  const read = await graph('query ClinicPaymentDetail($id: ID!) { payment(id: $id) { procedure { name } } }', { id: checkout.data!.checkout.id }, clinic);
  expect(read.errors).toBeUndefined();

  await logIn(page, ADMIN);
  await page.getByRole('link', { name: 'Usuários', exact: true }).click();
  await page.getByLabel('Nome, e-mail ou CPF completo').fill('529.982.247-25');
  await page.getByRole('button', { name: 'Buscar' }).click();
  await page.getByRole('link', { name: 'Paula Paciente' }).click();
  await expect(page.getByTestId('cpf')).toHaveText('***.982.247-**');
  await expect(page.getByTestId('consent')).toContainText('aceitos em');
  await page.getByRole('button', { name: 'Ver CPF completo' }).click();
  await expect(page.getByTestId('cpf')).toHaveText('529.982.247-25');

  await page.getByRole('link', { name: 'Acessos a dados sensíveis' }).click();
  await expect(page.getByRole('heading', { name: /Acessos a dados sensíveis de/ })).toBeVisible();
  // Entries land in the log within seconds: reload until both are there.
  await expect(async () => {
    await page.reload();
    await expect(page.locator('tr[data-field="User.cpf"]').first()).toBeVisible({ timeout: 1_000 });
    await expect(page.locator('tr[data-field="Payment.procedure"]').filter({ hasText: 'ClinicPaymentDetail' }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const cpfRead = page.locator('tr[data-field="User.cpf"]').first();
  await expect(cpfRead).toContainText('CPF completo');
  await expect(cpfRead).toContainText('Suporte MedPay');
  await expect(cpfRead).toContainText('UserFullCpf');
  const staffRead = page.locator('tr[data-field="Payment.procedure"]').filter({ hasText: 'ClinicPaymentDetail' }).first();
  await expect(staffRead).toContainText('Sorriso Paulista');
  await expect(staffRead).toContainText('Atendimento da clínica');
  await expect(staffRead).toContainText('Procedimento pago (dado de saúde)');
  await expect(page.getByTestId('access-log')).not.toContainText('Clareamento');
  await screenshot(page, 'admin-access-log');
});
