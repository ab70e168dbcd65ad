// The clinic dashboard's "Análises" tab at 1440×900 in Debian's Chromium against the real stack (the
// analytics subgraph included): the key figures are the graph's, every chart is a named image with its
// table, and the period picker refuses more than 366 days in Portuguese.
import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { addDays, todayInSaoPaulo } from '@medpay/web/format';
import { formatCentavos, formatCount, formatShare } from '@medpay/web/analytics';
import { accessToken, graph, logIn, payPix, screenshot } from '../../e2e';

const CLINIC_ADMIN = 'clinica@demo.medpay.com.br';

interface ClinicFigures {
  totals: { grossCentavos: number; clinicNetCentavos: number; averageTicketCentavos: number; paymentsCount: number };
  funnel: { plansSimulated: number; checkouts: number; paid: number; released: number };
  afterSale: { refundRate: number; disputeRate: number };
  crediario: { overdue30: number; overdueRate: number; overdue90: number; defaultRate: number };
}

async function clinicFigures(clinicId: string, from: string, to: string): Promise<ClinicFigures> {
  const result = await graph<{ clinic: { analytics: ClinicFigures } }>(
    `query($clinicId: ID!, $from: String!, $to: String!) { clinic(id: $clinicId) { analytics(from: $from, to: $to) {
      totals { grossCentavos clinicNetCentavos averageTicketCentavos paymentsCount }
      funnel { plansSimulated checkouts paid released }
      afterSale { refundRate disputeRate }
      crediario { overdue30 overdueRate overdue90 defaultRate }
    } } }`,
    { clinicId, from, to },
    await accessToken(CLINIC_ADMIN),
  );
  if (!result.data?.clinic.analytics) throw new Error(JSON.stringify(result.errors));
  return result.data.clinic.analytics;
}

/** A patient pays a procedure of Sorriso Paulista by PIX (plans simulated, checked out, paid): its gross. */
async function aPaidPayment(): Promise<number> {
  const procedures = await graph<{ procedures: { edges: { node: { id: string; clinic: { tradeName: string } } }[] } }>('{ procedures(filter: { search: "Limpeza" }) { edges { node { id clinic { tradeName } } } } }');
  const procedureId = procedures.data!.procedures.edges.find((edge) => edge.node.clinic.tradeName.includes('Sorriso'))!.node.id;
  await graph('query($id: ID!) { paymentPlans(procedureId: $id) { id } }', { id: procedureId });
  const token = await accessToken('paciente@demo.medpay.com.br');
  const checkout = await graph<{ checkout: { pix: { copiaECola: string }; amounts: { grossCentavos: number } } }>(
    'mutation($input: CheckoutInput!) { checkout(input: $input) { pix { copiaECola } amounts { grossCentavos } } }',
    { input: { procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } }, token);
  await payPix(checkout.data!.checkout.pix.copiaECola);
  return checkout.data!.checkout.amounts.grossCentavos;
}

const kpi = (page: Page, name: string) => page.locator(`[data-kpi="${name}"] .big`);
/** Opens the "Ver tabela" under the chart whose title starts so. */
const openTable = (page: Page, title: string) => page.locator('summary', { hasText: `Ver tabela: ${title}` }).click();

test('the Análises tab shows the clinic’s figures from the graph, each chart named and with its table', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  // A payment made now reaches the figures through the domain events (outbox → analytics).
  const sorriso = await graph<{ me: { clinics: { clinic: { id: string; tradeName: string } }[] } }>('{ me { clinics { clinic { id tradeName } } } }', {}, await accessToken(CLINIC_ADMIN));
  const sorrisoId = sorriso.data!.me.clinics.find(({ clinic }) => clinic.tradeName === 'Sorriso Paulista')!.clinic.id;
  const today = todayInSaoPaulo();
  const from = addDays(today, -29);
  const { totals: before, funnel: funnelBefore } = await clinicFigures(sorrisoId, from, today);
  const gross = await aPaidPayment();
  await expect.poll(async () => (await clinicFigures(sorrisoId, from, today)).totals.paymentsCount, { timeout: 30_000 }).toBe(before.paymentsCount + 1);
  expect((await clinicFigures(sorrisoId, from, today)).totals.grossCentavos).toBe(before.grossCentavos + gross);
  // Its plan simulation is counted too, once payments writes its counts (every few seconds): the page
  // must not load before, or it would show one simulation fewer than the graph says below.
  await expect.poll(async () => (await clinicFigures(sorrisoId, from, today)).funnel.plansSimulated, { timeout: 30_000 }).toBeGreaterThan(funnelBefore.plansSimulated);

  await logIn(page, CLINIC_ADMIN);
  await page.getByRole('navigation', { name: 'Seções da clínica' }).getByRole('link', { name: 'Análises' }).click();
  await expect(page.getByRole('heading', { name: 'Análises', level: 1 })).toBeVisible();
  const clinicId = /\/clinicas\/([^/]+)\/analises$/.exec(page.url())![1]!;

  expect(clinicId).toBe(sorrisoId);

  // The default period is the last 30 days, and the tiles say what the graph says for it.
  await expect(page.getByLabel('Período', { exact: true })).toHaveValue('LAST_30_DAYS');
  await expect(page.getByLabel('De', { exact: true })).toHaveValue(from);
  await expect(kpi(page, 'gross')).toBeVisible();
  const figures = await clinicFigures(clinicId, from, today);
  expect(figures.totals.grossCentavos).toBeGreaterThan(0);
  await expect(kpi(page, 'gross')).toHaveText(formatCentavos(figures.totals.grossCentavos));
  await expect(kpi(page, 'net')).toHaveText(formatCentavos(figures.totals.clinicNetCentavos));
  await expect(kpi(page, 'ticket')).toHaveText(formatCentavos(figures.totals.averageTicketCentavos));
  await expect(kpi(page, 'refund-rate')).toHaveText(formatShare(figures.afterSale.refundRate));
  await expect(kpi(page, 'dispute-rate')).toHaveText(formatShare(figures.afterSale.disputeRate));
  await expect(page.getByTestId('crediario-overdue')).toHaveText(`${formatCount(figures.crediario.overdue30)} (${formatShare(figures.crediario.overdueRate)})`);
  await expect(page.getByTestId('crediario-default')).toHaveText(`${formatCount(figures.crediario.overdue90)} (${formatShare(figures.crediario.defaultRate)})`);

  // Top procedures carry their names from the catalog (providers resolves the Procedure entity).
  await expect(page.getByRole('region', { name: 'Procedimentos mais vendidos' }).getByRole('rowheader', { name: /Limpeza/ })).toBeVisible();

  // Charts are images with names; each has its figures in a table under "Ver tabela".
  await expect(page.getByRole('img', { name: /^Receita bruta e líquido da clínica de / })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Funil de conversão de / })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Formas de pagamento de / })).toBeVisible();
  await screenshot(page, 'provider-analytics');

  await openTable(page, 'Funil de conversão');
  const funnel = page.getByRole('table', { name: /^Funil de conversão de / });
  await expect(funnel).toBeVisible();
  await expect(funnel.getByRole('row')).toHaveCount(5);
  await expect(funnel.getByRole('row', { name: /^Simulações/ })).toContainText(formatCount(figures.funnel.plansSimulated));
  await expect(funnel.getByRole('row', { name: /^Pagos/ })).toContainText(formatCount(figures.funnel.paid));
  await openTable(page, 'Formas de pagamento');
  const methods = page.getByRole('table', { name: /^Formas de pagamento de / });
  await expect(methods.getByRole('rowheader')).toHaveText(['PIX', 'Boleto', 'Cartão à vista', 'Cartão parcelado', 'Crediário']);
  await openTable(page, 'Receita bruta e líquido');
  await expect(page.getByRole('table', { name: /^Receita bruta e líquido da clínica de / }).getByRole('row')).toHaveCount(31); // header + 30 days
  await screenshot(page, 'provider-analytics-tables');

  // More than 366 days is refused before anything is asked of the graph.
  await page.getByLabel('Período', { exact: true }).selectOption('CUSTOM');
  await page.getByLabel('De', { exact: true }).fill('2025-01-01');
  await page.getByLabel('Até', { exact: true }).fill('2026-01-02');
  await page.getByRole('button', { name: 'Aplicar' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('O período pode ter no máximo 366 dias; o escolhido tem 367.');
  await screenshot(page, 'provider-analytics-invalid-period');

  // This year by month: one row per month so far.
  await page.getByLabel('Período', { exact: true }).selectOption('THIS_YEAR');
  await expect(page.getByLabel('Agrupar por')).toHaveValue('MONTH');
  await page.getByRole('button', { name: 'Aplicar' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  const year = await clinicFigures(clinicId, `${today.slice(0, 4)}-01-01`, today);
  await expect(kpi(page, 'gross')).toHaveText(formatCentavos(year.totals.grossCentavos));
  await expect(page.getByRole('table', { name: /^Receita bruta e líquido da clínica de 01\/01\// }).getByRole('row')).toHaveCount(1 + Number(today.slice(5, 7)));
  expect(violations).toEqual([]);
});
