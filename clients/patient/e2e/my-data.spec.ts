// "Meus dados" in the patient app against the real stack: ask for a copy of one's data, wait for it,
// download it, and find one's own payments in the JSON.
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { DEMO_PASSWORD, freshCpf, graph, logIn, screenshot, signUpPatient } from '../../e2e';

test('the patient asks for a copy of their data and downloads it as JSON with their payments', async ({ page }) => {
  await logIn(page, 'paciente@demo.medpay.com.br');
  await page.getByRole('link', { name: 'Meus dados' }).click();
  await expect(page.getByRole('heading', { name: 'Meus dados' })).toBeVisible();
  await page.getByRole('button', { name: 'Pedir uma cópia dos meus dados' }).click();
  const link = page.getByRole('link', { name: 'Baixar meus dados (JSON)' }).first();
  await expect(link).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('[data-testid="data-export"]').first()).toHaveAttribute('data-status', 'READY');
  await screenshot(page, 'patient-my-data');

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^medpay-meus-dados-[0-9a-f-]{36}\.json$/);
  const content = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    format: string;
    account: { profile: { email: string } };
    payments: { id: string; procedureName: string; status: string }[];
  };
  expect(content.format).toBe('medpay-data-export/1');
  expect(content.account.profile.email).toBe('paciente@demo.medpay.com.br');
  expect(content.payments.length).toBeGreaterThan(0);
  expect(content.payments.every((payment) => typeof payment.procedureName === 'string' && payment.procedureName.length > 0)).toBe(true);
});

/** A new patient account through the router, the texts in force accepted (sign-up's own screens are tested elsewhere). */
async function newPatient(name: string): Promise<{ email: string; token: string }> {
  const email = `${name.toLowerCase()}.${Date.now()}@example.com`;
  const terms = await graph<{ legalTerms: { termsVersion: string; privacyPolicyVersion: string } }>('{ legalTerms { termsVersion privacyPolicyVersion } }');
  const token = await signUpPatient({ name: `${name} de Teste`, email, password: DEMO_PASSWORD, cpf: freshCpf(), acceptedTerms: terms.data!.legalTerms });
  return { email, token };
}

test('deleting the account is refused while a payment awaits confirmation, saying so', async ({ page }) => {
  const patient = await newPatient('Bruna');
  const procedures = await graph<{ procedures: { edges: { node: { id: string } }[] } }>('{ procedures(filter: { search: "Clareamento" }) { edges { node { id } } } }');
  const checkout = await graph(
    'mutation($input: CheckoutInput!) { checkout(input: $input) { id } }',
    { input: { procedureId: procedures.data!.procedures.edges[0]!.node.id, planId: 'PIX', method: 'PIX', idempotencyKey: crypto.randomUUID() } },
    patient.token,
  );
  expect(checkout.errors).toBeUndefined();
  await logIn(page, patient.email);
  // (through the header once signed in: a navigation before the session cookie is set lands on /entrar)
  await page.getByRole('link', { name: 'Meus dados' }).click();
  await page.getByLabel('Sua senha').fill(DEMO_PASSWORD);
  await page.getByLabel('Entendo que a exclusão não pode ser desfeita.').check();
  await page.getByRole('button', { name: 'Excluir minha conta' }).click();
  await expect(page.getByText(/Ainda não é possível excluir sua conta: há dinheiro em movimento \(pagamento aguardando confirmação\)/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ver meus pagamentos' })).toBeVisible();
});

test('a patient deletes their account with their password, is signed out and sees its progress', async ({ page }) => {
  const patient = await newPatient('Carla');
  await logIn(page, patient.email);
  // (through the header once signed in: a navigation before the session cookie is set lands on /entrar)
  await page.getByRole('link', { name: 'Meus dados' }).click();
  await page.getByLabel('Sua senha').fill(DEMO_PASSWORD);
  await page.getByLabel('Entendo que a exclusão não pode ser desfeita.').check();
  await page.getByRole('button', { name: 'Excluir minha conta' }).click();
  await expect(page.getByRole('heading', { name: 'Conta excluída' })).toBeVisible();
  await expect(page.locator('[data-testid="deletion-step"][data-status="DONE"]')).toHaveText(['Cadastro e acesso: concluído']);
  await screenshot(page, 'patient-account-deleted');
  // The account is gone: its e-mail no longer logs in.
  const login = await graph('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', { input: { email: patient.email, password: DEMO_PASSWORD } });
  expect(login.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
});
