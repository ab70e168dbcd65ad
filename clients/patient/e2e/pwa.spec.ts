// The app as a PWA and the session as the browser holds it.
import { expect, test } from '@playwright/test';
import { logIn, ROUTER_URL } from '../../e2e';

test('the session survives a reload through the httpOnly cookie alone, and logout ends it', async ({ page, context }) => {
  await logIn(page, 'paciente@demo.medpay.com.br');
  await expect(page.getByRole('button', { name: 'Sair' })).toBeVisible();
  // No token where a script could read it: local storage holds only the app's random device id (anti-fraud's), no credential.
  const [cookies, local, session] = await page.evaluate(() => [document.cookie, { ...localStorage }, { ...sessionStorage }] as const);
  expect([cookies, Object.keys(local), session]).toEqual(['', ['medpay.device'], {}]);
  expect(local['medpay.device']).toMatch(/^[0-9a-f-]{36}$/);
  const [cookie] = (await context.cookies()).filter((c) => c.name === 'medpay_patient_refresh');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/session' });

  await page.goto('/pagamentos');
  await expect(page.getByRole('heading', { name: 'Meus pagamentos' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Meus pagamentos' })).toBeVisible();

  await page.getByRole('button', { name: 'Sair' }).click();
  await expect(page.getByRole('link', { name: 'Entrar' })).toBeVisible();
  expect((await context.cookies()).filter((c) => c.name === 'medpay_patient_refresh')).toEqual([]);
  await page.goto('/pagamentos');
  await expect(page).toHaveURL(/\/entrar\?voltar=%2Fpagamentos/);
});

test('installable: a manifest with icons, and a service worker that keeps the shell offline without caching personal data', async ({ page, context, request }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({ name: 'MedPay Saúde', lang: 'pt-BR', display: 'standalone', start_url: '/' });
  for (const icon of manifest.icons) expect((await request.get(icon.src)).headers()['content-type']).toBe('image/png');
  expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));

  await logIn(page, 'paciente@demo.medpay.com.br');
  await expect(page.getByRole('button', { name: 'Sair' })).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.goto('/pagamentos');
  await expect(page.getByRole('heading', { name: 'Meus pagamentos' })).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Encontre seu procedimento' })).toBeVisible();

  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) urls.push(...(await (await caches.open(name)).keys()).map((entry) => entry.url));
    return urls;
  });
  expect(cached.length).toBeGreaterThan(0);
  const router = new URL(ROUTER_URL).origin;
  // Code chunks of any page are fine; API answers and pages of personal data are not.
  const personal = (url: string) => url.startsWith(router) || /^\/(api|pagamentos|parcelas)(\/|$)/.test(new URL(url).pathname);
  expect(cached.filter(personal)).toEqual([]);

  await context.setOffline(true);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Encontre seu procedimento' })).toBeVisible();
  await page.goto('/pagamentos');
  await expect(page.getByRole('heading', { name: 'Você está sem conexão' })).toBeVisible();
  await context.setOffline(false);
});

test('the privacy notice says who controls the data, how to reach the DPO and how to exercise each right', async ({ page }) => {
  await page.goto('/');
  // Every page links to the notice; it is opened at that address (a click racing the home page's
  // load and its service worker's install once never arrived on a loaded CI machine).
  await expect(page.getByRole('link', { name: 'Privacidade e seus dados' })).toHaveAttribute('href', '/privacidade');
  await page.goto('/privacidade');
  await expect(page.getByRole('heading', { name: 'Privacidade e seus dados', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Encarregado (DPO)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'dpo@medpay.com.br' }).first()).toHaveAttribute('href', 'mailto:dpo@medpay.com.br');
  await expect(page.getByRole('heading', { name: 'Seus direitos' })).toBeVisible();
  await expect(page.getByText('portabilidade')).toBeVisible();
});

test('answers the load balancer\'s health check', async ({ request }) => {
  const response = await request.get('/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});
