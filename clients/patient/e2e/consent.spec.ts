// LGPD consent in the patient app: sign-up requires accepting the terms and the privacy policy (the
// versions in force, shown on the privacy page, are recorded with the account its e-mail confirms), and an account that
// has not accepted the versions in force meets a blocking screen until it does; marketing is a separate
// choice on the privacy page.
import { expect, test } from '@playwright/test';
import { confirmationLinkFor, freshCpf, graph, logIn, screenshot, signUpPatient } from '../../e2e';

const CONSENT = 'Li e aceito os Termos de Uso e a Política de Privacidade';
const CONSENT_QUERY = '{ me { consent { termsVersion privacyPolicyVersion acceptedAt needsReacceptance } } legalTerms { termsVersion privacyPolicyVersion } }';

interface ConsentAnswer {
  me: { consent: { termsVersion: string | null; privacyPolicyVersion: string | null; acceptedAt: string | null; needsReacceptance: boolean } };
  legalTerms: { termsVersion: string; privacyPolicyVersion: string };
}

test('sign-up cannot go on without accepting the terms, and records the versions accepted', async ({ page }) => {
  const email = `aceite.${Date.now()}@exemplo.com.br`;
  await page.goto('/cadastro');
  await page.getByLabel('Nome completo').fill('Renata Alves Moura');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('CPF').fill(freshCpf());
  await page.getByLabel('Senha', { exact: true }).fill('Consulta2026');
  await page.getByRole('button', { name: 'Criar conta' }).click();
  await expect(page.getByText('Para criar a conta, aceite os Termos de Uso e a Política de Privacidade.')).toBeVisible();
  await expect(page).toHaveURL(/\/cadastro/);

  await page.getByLabel(CONSENT).check();
  await page.getByRole('button', { name: 'Criar conta' }).click();
  await expect(page.getByRole('heading', { name: 'Verifique seu e-mail' })).toBeVisible();
  // The acceptance is the account's once its e-mail confirms it.
  await page.goto(await confirmationLinkFor(email));
  await page.getByLabel('Senha').fill('Consulta2026');
  await page.getByRole('button', { name: 'Confirmar cadastro' }).click();
  await expect(page.getByRole('link', { name: 'Pagamentos', exact: true })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const login = await graph<{ login: { accessToken: string } }>('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', { input: { email, password: 'Consulta2026' } });
  const { data } = await graph<ConsentAnswer>(CONSENT_QUERY, {}, login.data!.login.accessToken);
  expect(data!.me.consent).toMatchObject({ termsVersion: data!.legalTerms.termsVersion, privacyPolicyVersion: data!.legalTerms.privacyPolicyVersion, needsReacceptance: false });

  // Marketing is a choice of its own, made and undone on the privacy page, each change recorded.
  await page.goto('/privacidade');
  const marketing = page.getByLabel('Aceito receber novidades e ofertas da MedPay');
  await expect(marketing).not.toBeChecked();
  await marketing.check();
  await expect(marketing).toBeChecked();
  await expect(marketing).toBeEnabled();
  await marketing.uncheck();
  await expect(marketing).not.toBeChecked();
  await expect(marketing).toBeEnabled();
  const history = await graph<{ me: { consent: { marketing: boolean; history: { kind: string }[] } } }>('{ me { consent { marketing history { kind } } } }', {}, login.data!.login.accessToken);
  expect(history.data!.me.consent).toEqual({ marketing: false, history: [{ kind: 'MARKETING_REVOKED' }, { kind: 'MARKETING_GRANTED' }, { kind: 'TERMS_ACCEPTED' }] });
});

test('an account without the versions in force is blocked by the acceptance screen until it accepts', async ({ page }) => {
  const email = `reaceite.${Date.now()}@exemplo.com.br`;
  // Signed up without accepting (as an older app version did): the graph says it must accept.
  await signUpPatient({ name: 'Caio Nunes Prado', email, password: 'Consulta2026', cpf: freshCpf() });

  await logIn(page, email, 'Consulta2026');
  const dialog = page.getByRole('dialog', { name: 'Antes de continuar' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('legal-versions')).toContainText('Termos de Uso: versão');
  // Other pages stay behind the screen; the privacy page stays readable.
  await page.goto('/pagamentos');
  await expect(dialog).toBeVisible();
  await page.goto('/privacidade');
  await expect(page.getByRole('heading', { name: 'Versões em vigor' })).toBeVisible();
  await page.goto('/');
  await screenshot(page, 'patient-terms-reacceptance');

  await dialog.getByRole('button', { name: 'Aceitar e continuar' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Para continuar, marque que leu e aceita os textos.');
  await dialog.getByLabel(CONSENT).check();
  await dialog.getByRole('button', { name: 'Aceitar e continuar' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Encontre seu procedimento' })).toBeVisible();
  await page.goto('/pagamentos');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the privacy page shows the versions of the texts in force', async ({ page }) => {
  const { data } = await graph<Pick<ConsentAnswer, 'legalTerms'>>('{ legalTerms { termsVersion privacyPolicyVersion } }');
  await page.goto('/privacidade');
  const versions = page.getByTestId('legal-versions');
  await expect(versions).toContainText(`Termos de Uso: versão ${data!.legalTerms.termsVersion}`);
  await expect(versions).toContainText(`Política de Privacidade: versão ${data!.legalTerms.privacyPolicyVersion}`);
});
