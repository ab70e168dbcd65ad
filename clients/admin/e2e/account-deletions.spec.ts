// "Exclusões de conta" in the admin panel against the real stack: a fresh patient deletes their account
// through the graph, and the back office follows it to "Concluída" with every service's part done.
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, freshCpf, graph, logIn, screenshot, signUpPatient } from '../../e2e';

test('an admin follows a patient\'s account deletion until every service has done its part', async ({ page }) => {
  test.setTimeout(180_000);
  const email = `exclusao.${Date.now()}@example.com`;
  const terms = await graph<{ legalTerms: { termsVersion: string; privacyPolicyVersion: string } }>('{ legalTerms { termsVersion privacyPolicyVersion } }');
  const token = await signUpPatient({ name: 'Rita de Teste', email, password: DEMO_PASSWORD, cpf: freshCpf(), acceptedTerms: terms.data!.legalTerms });
  const requested = await graph<{ requestAccountDeletion: { id: string; userId: string } }>('mutation($password: String!) { requestAccountDeletion(password: $password) { id userId } }', { password: DEMO_PASSWORD }, token);
  expect(requested.errors).toBeUndefined();
  const { userId } = requested.data!.requestAccountDeletion;

  await logIn(page, 'admin@demo.medpay.com.br');
  await expect(page.getByRole('heading', { name: 'Visão geral' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Seções' }).getByRole('link', { name: 'Exclusões de conta' }).click();
  await expect(page.getByRole('heading', { name: 'Exclusões de conta' })).toBeVisible();
  const row = page.locator(`[data-deletion="${userId}"]`);
  await expect(row.getByRole('link', { name: userId })).toHaveAttribute('href', `/usuarios/${userId}`);
  await expect(row.locator('[data-step="users"]')).toContainText('Cadastro e acesso');

  // The other services take their part from the users feed in the background: "Atualizar" until all are done.
  await expect(async () => {
    await page.getByRole('button', { name: 'Atualizar' }).click();
    await expect(row.locator('[data-deletion-status]')).toHaveText('Concluída', { timeout: 2_000 });
  }).toPass({ timeout: 120_000, intervals: [1_000, 2_000, 5_000] });
  const steps = row.locator('[data-step]');
  expect(await steps.count()).toBeGreaterThan(1);
  await expect(row.locator('[data-step-status="PENDING"]')).toHaveCount(0);
  for (const step of await steps.all()) await expect(step).toContainText(': Concluída');
  await expect(row.locator('td').nth(3)).not.toHaveText('—');
  // (accessibility.spec.ts audits the page on a fresh stack, before any deletion: here with its table)
  await expectAccessible(page, 'exclusões de conta');
  await screenshot(page, 'admin-account-deletions');
});
