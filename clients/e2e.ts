// What the apps' browser suites share: screenshots, the accessibility audit, the simulator's bank
// controls, demo logins, signing at the ClickSign simulator.
import AxeBuilder from '@axe-core/playwright';
import { cpfFromBase } from '@medpay/br-documents';
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const offset = Number(process.env.MEDPAY_PORT_OFFSET ?? 0);
export const ROUTER_URL = `http://127.0.0.1:${4000 + offset}/graphql`;
export const SIMULATOR_URL = `http://127.0.0.1:${4010 + offset}`;
/** the messaging simulator: every e-mail, SMS and WhatsApp the platform sent */
export const MESSAGING_URL = `http://127.0.0.1:${4011 + offset}`;
/** the ClickSign simulator (contracts and agreements signed there; its test controls under /_sim) */
export const CLICKSIGN_URL = `http://127.0.0.1:${4021 + offset}`;
/** the patient app, for suites of the other apps that check what patients see */
export const PATIENT_APP_URL = `http://127.0.0.1:${3000 + offset}`;
export const DEMO_PASSWORD = 'MedPay@2026';

/** Saves a screenshot of a main screen under test-results/screenshots (kept as CI artifacts). */
export const screenshot = (page: Page, name: string) => page.screenshot({ path: join(root, 'test-results/screenshots', `${name}.png`), fullPage: true });

/**
 * The axe audit of the screen on display (WCAG 2.1 A and AA rules), once its data has arrived: no
 * serious or critical violation. The failure lists each rule with the elements that break it.
 */
export async function expectAccessible(page: Page, screen: string) {
  await page.waitForLoadState('networkidle');
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(', ')}`);
  expect(blocking, `accessibility of ${screen}`).toEqual([]);
}

/** The simulated bank pays a PIX copia-e-cola, as a patient's bank app would. */
export async function payPix(copiaECola: string) {
  const response = await fetch(`${SIMULATOR_URL}/_sim/pix/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: copiaECola }) });
  expect(response.ok).toBe(true);
}

/**
 * Signs the crediário contract embedded in the patient's payment page, as the patient does: the
 * verification code the ClickSign simulator "sent" is shown in its "ambiente de simulação" hint.
 */
export async function signContractInPage(page: Page) {
  const signing = page.frameLocator('iframe[title="Assinatura do contrato"]');
  const code = (await signing.getByTestId('sim-token').innerText()).trim();
  await signing.getByLabel('Código de verificação').fill(code);
  await signing.getByRole('button', { name: 'Assinar' }).click();
}

/**
 * A running ClickSign envelope's signer, found by the envelope's name (ours end with the reference in
 * parentheses: "Contrato de serviços MedPay (clinic-agreement:…)") and the signer's e-mail (waits for it).
 */
export async function clickSignSigner(envelopeName: string, email: string): Promise<{ id: string; signingUrl: string }> {
  let signerId: string | undefined;
  await expect
    .poll(async () => {
      const state = (await (await fetch(`${CLICKSIGN_URL}/_sim/state`)).json()) as { envelopes: { name: string; status: string; signers: { id: string; email?: string; status: string }[] }[] };
      signerId = state.envelopes
        .filter((envelope) => envelope.name.startsWith(envelopeName) && envelope.status === 'running')
        .flatMap((envelope) => envelope.signers)
        .find((signer) => signer.email?.toLowerCase() === email.toLowerCase() && signer.status === 'pending')?.id;
      return signerId ?? null;
    }, { message: `the envelope "${envelopeName}" for ${email}`, timeout: 30_000 })
    .not.toBeNull();
  const signer = (await (await fetch(`${CLICKSIGN_URL}/_sim/signers/${signerId}`)).json()) as { id: string; signingUrl: string };
  return signer;
}

/** Logs in through the app's own login form. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/entrar');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Senha').fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
}

/**
 * The outside probe's open redirect: a login page asked to return to another site (a backslash or a
 * tab that browsers turn into `//host`) must land on this app.
 */
export async function expectLoginStaysOnApp(page: Page, email: string) {
  const origin = new URL(test.info().project.use.baseURL!).origin;
  // The pages run under a nonce-based Content-Security-Policy, and nothing of the app trips it.
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  const login = await page.goto('/entrar');
  expect(login?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(login?.headers()['permissions-policy']).toContain('camera=()');
  for (const back of ['/%5Cevil.example', '/%09/evil.example', '/%5C/evil.example/x', '//evil.example']) {
    await page.context().clearCookies();
    await page.goto(`/entrar?voltar=${back}`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Senha').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/entrar'));
    expect([back, new URL(page.url()).origin]).toEqual([back, origin]);
  }
  expect(violations).toEqual([]);
}

/**
 * The link of the sign-up confirmation e-mailed to `email`, read from the messaging simulator's inbox
 * as the person would read it in theirs (waits for it to arrive).
 */
export async function confirmationLinkFor(email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const query = new URLSearchParams({ channel: 'email', to: email.toLowerCase() });
      const emails = (await (await fetch(`${MESSAGING_URL}/_sim/messages?${query}`)).json()) as Array<{ subject?: string; text: string }>;
      link = emails.map((message) => /https?:\/\/\S+\/cadastro\/confirmar\?token=[\w-]+/.exec(message.text)?.[0]).find(Boolean);
      return link ?? null;
    }, { message: `the confirmation e-mail to ${email}`, timeout: 30_000 })
    .not.toBeNull();
  return link!;
}

/**
 * A patient account made through the router as a person makes one (sign-up's own screens are tested in
 * patient.spec.ts): signed up, then the e-mailed link confirmed with the password. Its access token.
 */
export async function signUpPatient(input: { name: string; email: string; password: string; cpf: string; acceptedTerms?: { termsVersion: string; privacyPolicyVersion: string } }): Promise<string> {
  const started = await graph('mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { message } }', { input });
  if (started.errors) throw new Error(`sign-up: ${JSON.stringify(started.errors)}`);
  const token = new URL(await confirmationLinkFor(input.email)).searchParams.get('token');
  const confirmed = await graph<{ confirmSignUp: { accessToken: string } }>(
    'mutation($token: String!, $password: String!) { confirmSignUp(token: $token, password: $password) { accessToken } }',
    { token, password: input.password },
  );
  if (!confirmed.data?.confirmSignUp) throw new Error(`confirmation: ${JSON.stringify(confirmed.errors)}`);
  return confirmed.data.confirmSignUp.accessToken;
}

/** A valid CPF nobody has used yet. */
export const freshCpf = () => cpfFromBase(String(100_000_000 + Math.floor(Math.random() * 899_999_999)));

/** A GraphQL operation straight to the router, as a partner system or a phone would send it. */
export async function graph<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ status: number; data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const response = await fetch(ROUTER_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] }) };
}

/** An access token for a demo login, through the router. */
export async function accessToken(email: string, password = DEMO_PASSWORD): Promise<string> {
  const result = await graph<{ login: { accessToken: string } }>('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', { input: { email, password } });
  if (!result.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(result.errors)}`);
  return result.data.login.accessToken;
}

/** 'R$ 1.234,56' → 123456 */
export const centavosOf = (text: string) => Number(text.replace(/[^\d,-]/g, '').replace(',', '')) * (text.trim().startsWith('-') ? -1 : 1);
