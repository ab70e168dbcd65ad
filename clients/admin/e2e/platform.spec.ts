// The admin panel's "Plataforma" page at 1440×900 in Debian's Chromium against the real stack (the
// analytics subgraph and the router's usage log included): GMV, take rate, clinics and patients, rates,
// charts with their tables, the cohort heat map, top clinics, the analytics lag and the graph's usage by
// client.
import { expect, test, type Page } from '@playwright/test';
import { addDays, todayInSaoPaulo } from '@medpay/web/format';
import { formatCentavos, formatCount, formatShare } from '@medpay/web/analytics';
import { accessToken, graph, logIn, screenshot } from '../../e2e';

const ADMIN = 'admin@demo.medpay.com.br';

interface PlatformFigures {
  platformAnalytics: {
    totals: { grossCentavos: number };
    takeRate: number;
    activeClinics: number;
    activePatients: number;
    newPatients: number;
    declineRate: number;
    afterSale: { refundRate: number; disputeRate: number };
    cohorts: { month: string }[];
    topClinics: { clinic: { tradeName: string } }[];
  };
  graphUsage: { operations: { clientName: string; operationName: string }[]; fields: { clientName: string; field: string }[] };
}

const kpi = (page: Page, name: string) => page.locator(`[data-kpi="${name}"] .big`);

test('the Plataforma page shows the platform’s figures from the graph, cohorts, top clinics, the lag and graph usage', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  await logIn(page, ADMIN);
  await expect(page.getByRole('heading', { name: 'Visão geral' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Seções' }).getByRole('link', { name: 'Plataforma' }).click();
  await expect(page.getByRole('heading', { name: 'Plataforma', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Plataforma' })).toHaveAttribute('aria-current', 'page');

  const today = todayInSaoPaulo();
  const from = addDays(today, -29);
  await expect(kpi(page, 'gmv')).toBeVisible();
  const result = await graph<Pick<PlatformFigures, 'platformAnalytics'>>(
    `query($from: String!, $to: String!) {
      platformAnalytics(from: $from, to: $to) { totals { grossCentavos } takeRate activeClinics activePatients newPatients declineRate afterSale { refundRate disputeRate } cohorts { month } topClinics { clinic { tradeName } } }
    }`,
    { from, to: today },
    await accessToken(ADMIN),
  );
  if (!result.data?.platformAnalytics) throw new Error(JSON.stringify(result.errors));
  const { platformAnalytics: figures } = result.data;
  await expect(kpi(page, 'gmv')).toHaveText(formatCentavos(figures.totals.grossCentavos));
  await expect(kpi(page, 'take-rate')).toHaveText(formatShare(figures.takeRate));
  await expect(kpi(page, 'active-clinics')).toHaveText(formatCount(figures.activeClinics));
  await expect(kpi(page, 'active-patients')).toHaveText(formatCount(figures.activePatients));
  await expect(kpi(page, 'new-patients')).toHaveText(formatCount(figures.newPatients));
  await expect(kpi(page, 'decline-rate')).toHaveText(formatShare(figures.declineRate));
  await expect(kpi(page, 'refund-rate')).toHaveText(formatShare(figures.afterSale.refundRate));
  await expect(kpi(page, 'dispute-rate')).toHaveText(formatShare(figures.afterSale.disputeRate));
  await expect(page.getByTestId('analytics-lag')).toHaveText(/^Análises (em dia com os eventos|.+ atrás · \d+ eventos? pendentes?)$/);

  // The charts are named images with their tables.
  await expect(page.getByRole('img', { name: /^GMV, líquido das clínicas e taxas de / })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Formas de pagamento na plataforma de / })).toBeVisible();
  await page.locator('summary', { hasText: 'Ver tabela: Formas de pagamento na plataforma' }).click();
  await expect(page.getByRole('table', { name: /^Formas de pagamento na plataforma/ }).getByRole('rowheader')).toHaveText(['PIX', 'Boleto', 'Cartão à vista', 'Cartão parcelado', 'Crediário']);

  // Cohorts as a heat map (or a word that there are none), and the clinics with the most GMV.
  const cohorts = page.getByRole('table', { name: /^Retenção por coorte/ });
  if (figures.cohorts.length) await expect(cohorts.locator('tbody tr')).toHaveCount(figures.cohorts.length);
  else await expect(page.getByText('Nenhuma coorte no período.')).toBeVisible();
  for (const { clinic } of figures.topClinics) await expect(page.getByRole('link', { name: clinic.tradeName })).toBeVisible();

  // Graph usage: the router logs each operation with the calling app's name (the apps send it), and
  // analytics counts them by client. The admin's own "Visão geral" is there once the batch has arrived.
  const usageOf = async () => (await graph<Pick<PlatformFigures, 'graphUsage'>>(
    'query($from: String!, $to: String!) { graphUsage(from: $from, to: $to) { operations { clientName operationName } fields { clientName field } } }',
    { from, to: today }, await accessToken(ADMIN))).data!.graphUsage;
  await expect.poll(async () => (await usageOf()).operations.some((row) => row.clientName === 'admin-app' && row.operationName === 'PlatformFigures'), { timeout: 30_000 }).toBe(true);
  // read before the page asks: the log only grows, so the page shows at least as much
  const usage = await usageOf();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Uso do grafo' })).toBeVisible();
  const operations = page.getByTestId('usage-operations');
  await expect(operations.getByRole('row', { name: /PlatformFigures/ }).filter({ hasText: 'admin-app' })).toBeVisible();
  expect(await operations.locator('tbody tr').count()).toBeGreaterThanOrEqual(usage.operations.length);
  expect(await page.getByTestId('usage-fields').locator('tbody tr').count()).toBeGreaterThanOrEqual(usage.fields.length);
  await page.getByLabel('Cliente', { exact: true }).selectOption('admin-app');
  await expect(page.getByTestId('usage-fields').locator('tbody tr').filter({ hasNotText: 'admin-app' })).toHaveCount(0);
  await expect(operations.locator('tbody tr').filter({ hasNotText: 'admin-app' })).toHaveCount(0);
  await expect(page.getByTestId('usage-fields').getByRole('rowheader', { name: 'Query.platformFigures' })).toBeVisible();
  await screenshot(page, 'admin-platform');

  // A year by month: the GMV table has one row per month so far.
  await page.getByLabel('Período', { exact: true }).selectOption('THIS_YEAR');
  await page.getByRole('button', { name: 'Aplicar' }).click();
  await page.locator('summary', { hasText: 'Ver tabela: GMV' }).click();
  await expect(page.getByRole('table', { name: /^GMV, líquido das clínicas e taxas de 01\/01\// }).locator('tbody tr')).toHaveCount(Number(today.slice(5, 7)));
  await screenshot(page, 'admin-platform-year');
  expect(violations).toEqual([]);
});
