// The figures the graph answers, shaped from the pipelines' rows: series filled with every bucket of
// the period (days rolled up into weeks or months here), rates as decimals, money in centavos.
import { bucketOf, bucketsOf, period as validPeriod, todayInSaoPaulo, type Interval, type Period } from '@medpay/runtime';
import {
  checkoutsPipeline, cohortsPipeline, installmentsPipeline, newPatientsPipeline, revenuePipeline, simulationsPipeline, usagePipeline,
  type CheckoutFacets, type RevenueFacets, type RevenueRow,
} from './pipelines.js';
import type { PaymentStatus } from './__generated__/resolvers-types.js';
import type { AnalyticsStore } from './store/models.js';

const METHODS = ['PIX', 'BOLETO', 'CARD', 'CARD_INSTALLMENTS', 'CREDIARIO'] as const;
const rate = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const first = <T>(rows: T[]): T | undefined => rows[0];

export interface Totals {
  grossCentavos: number;
  clinicNetCentavos: number;
  platformFeeCentavos: number;
  processingCostCentavos: number;
  paymentsCount: number;
  averageTicketCentavos: number;
}

function totalsOf(facets: RevenueFacets): Totals {
  const row = first(facets.totals);
  const paymentsCount = row?.paymentsCount ?? 0;
  const grossCentavos = row?.grossCentavos ?? 0;
  return {
    grossCentavos,
    clinicNetCentavos: row?.clinicNetCentavos ?? 0,
    platformFeeCentavos: row?.platformFeeCentavos ?? 0,
    processingCostCentavos: row?.processingCostCentavos ?? 0,
    paymentsCount,
    averageTicketCentavos: paymentsCount ? Math.round(grossCentavos / paymentsCount) : 0,
  };
}

/** Every bucket of the period, days summed into it (empty buckets are zero). */
function seriesOf(days: RevenueRow[], range: Period, interval: Interval) {
  const points = new Map(bucketsOf(range, interval).map((start) => [start, { periodStart: start, grossCentavos: 0, clinicNetCentavos: 0, platformFeeCentavos: 0, paymentsCount: 0 }]));
  for (const day of days) {
    const point = points.get(bucketOf(day._id!, interval));
    if (!point) continue;
    point.grossCentavos += day.grossCentavos;
    point.clinicNetCentavos += day.clinicNetCentavos;
    point.platformFeeCentavos += day.platformFeeCentavos;
    point.paymentsCount += day.paymentsCount;
  }
  return [...points.values()];
}

function methodsOf(facets: RevenueFacets, grossCentavos: number) {
  return METHODS.map((method) => {
    const row = facets.methods.find((candidate) => candidate._id === method);
    return { method, paymentsCount: row?.paymentsCount ?? 0, grossCentavos: row?.grossCentavos ?? 0, share: rate(row?.grossCentavos ?? 0, grossCentavos) };
  });
}

function afterSaleOf(facets: RevenueFacets) {
  const row = first(facets.totals);
  const paid = row?.paymentsCount ?? 0;
  return {
    refundedCount: row?.refundedCount ?? 0,
    refundedCentavos: row?.refundedCentavos ?? 0,
    refundRate: rate(row?.refundedCount ?? 0, paid),
    disputedCount: row?.disputedCount ?? 0,
    disputeRate: rate(row?.disputedCount ?? 0, paid),
  };
}

export interface AnalyticsQuery {
  from: string;
  to: string;
  interval: Interval;
  /** today in America/Sao_Paulo (a parameter so tests can fix it) */
  today?: string;
}

export class Figures {
  constructor(private readonly store: AnalyticsStore) {}

  private async one<T>(collection: Parameters<AnalyticsStore['aggregate']>[0], pipeline: Parameters<AnalyticsStore['aggregate']>[1]): Promise<T> {
    return (await this.store.aggregate<T>(collection, pipeline))[0]!;
  }

  async clinic(clinicId: string, { from, to, interval, today = todayInSaoPaulo() }: AnalyticsQuery) {
    const range = validPeriod(from, to);
    const [revenue, checkouts, simulations, installments] = await Promise.all([
      this.one<RevenueFacets>('payments', revenuePipeline(from, to, clinicId)),
      this.one<CheckoutFacets>('payments', checkoutsPipeline(from, to, clinicId)),
      this.store.aggregate<{ n: number }>('simulations', simulationsPipeline(from, to, clinicId)),
      this.store.aggregate<{ due: number; overdue30: number; overdue90: number }>('installments', installmentsPipeline(from, to, today, clinicId)),
    ]);
    const totals = totalsOf(revenue);
    const funnel = first(checkouts.funnel) ?? { checkouts: 0, paid: 0, released: 0, declined: 0 };
    const plansSimulated = first(simulations)?.n ?? 0;
    const dues = first(installments) ?? { due: 0, overdue30: 0, overdue90: 0 };
    return {
      from, to, interval, totals,
      series: seriesOf(revenue.days, range, interval),
      byMethod: methodsOf(revenue, totals.grossCentavos),
      byStatus: (checkouts.statuses ?? []).map((row) => ({ status: row._id as PaymentStatus, count: row.count })),
      funnel: {
        plansSimulated,
        checkouts: funnel.checkouts,
        paid: funnel.paid,
        released: funnel.released,
        checkoutRate: rate(funnel.checkouts, plansSimulated),
        paymentRate: rate(funnel.paid, funnel.checkouts),
        releaseRate: rate(funnel.released, funnel.paid),
      },
      topProcedures: (revenue.procedures ?? []).map((row) => ({ procedure: { id: row._id }, category: row.category ?? '', paymentsCount: row.paymentsCount, grossCentavos: row.grossCentavos })),
      afterSale: afterSaleOf(revenue),
      crediario: {
        installmentsDue: dues.due,
        overdue30: dues.overdue30,
        overdue90: dues.overdue90,
        overdueRate: rate(dues.overdue30, dues.due),
        defaultRate: rate(dues.overdue90, dues.due),
      },
    };
  }

  async platform({ from, to, interval }: AnalyticsQuery) {
    const range = validPeriod(from, to);
    const [revenue, checkouts, patients, cohortRows] = await Promise.all([
      this.one<RevenueFacets>('payments', revenuePipeline(from, to)),
      this.one<CheckoutFacets>('payments', checkoutsPipeline(from, to)),
      this.store.aggregate<{ n: number }>('patients', newPatientsPipeline(from, to)),
      this.store.aggregate<{ _id: { first: string; month: string }; patients: number }>('payments', cohortsPipeline(from.slice(0, 7), to.slice(0, 7))),
    ]);
    const totals = totalsOf(revenue);
    const funnel = first(checkouts.funnel) ?? { checkouts: 0, declined: 0 };
    return {
      from, to, interval, totals,
      takeRate: rate(totals.platformFeeCentavos, totals.grossCentavos),
      series: seriesOf(revenue.days, range, interval),
      activeClinics: first(revenue.activeClinics ?? [])?.n ?? 0,
      activePatients: first(revenue.activePatients ?? [])?.n ?? 0,
      newPatients: first(patients)?.n ?? 0,
      byMethod: methodsOf(revenue, totals.grossCentavos),
      cohorts: cohortsOf(cohortRows, to.slice(0, 7)),
      declineRate: rate(funnel.declined, funnel.checkouts),
      afterSale: afterSaleOf(revenue),
      topClinics: (revenue.clinics ?? []).map((row) => ({ clinic: { id: row._id }, paymentsCount: row.paymentsCount, grossCentavos: row.grossCentavos, platformFeeCentavos: row.platformFeeCentavos })),
    };
  }

  async usage(from: string, to: string) {
    validPeriod(from, to);
    const facets = await this.one<{
      operations: Array<{ _id: { clientName: string; clientVersion: string; operationName: string; documentHash: string; callerKind: string }; count: number; errorCount: number; durations: number[] }>;
      fields: Array<{ _id: { clientName: string; field: string }; count: number }>;
    }>('usage', usagePipeline(from, to));
    return {
      from, to,
      operations: facets.operations.map(({ _id, count, errorCount, durations }) => ({ ..._id, count, errorCount, p50Ms: percentile(durations, 0.5), p95Ms: percentile(durations, 0.95) })),
      fields: facets.fields.map(({ _id, count }) => ({ ..._id, count })),
    };
  }
}

/** The nearest-rank percentile (the smallest value with at least p of the values at or below it). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

const monthsBetween = (fromMonth: string, toMonth: string) => {
  const [fy, fm] = fromMonth.split('-').map(Number) as [number, number];
  const [ty, tm] = toMonth.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
};

/** Retention rows: for each first month, the share of its patients who paid k months later (k = 0 … the period's last month). */
function cohortsOf(rows: Array<{ _id: { first: string; month: string }; patients: number }>, lastMonth: string) {
  const cohorts = new Map<string, number[]>();
  for (const { _id, patients } of rows) {
    const counts = cohorts.get(_id.first) ?? new Array<number>(monthsBetween(_id.first, lastMonth) + 1).fill(0);
    const offset = monthsBetween(_id.first, _id.month);
    if (offset >= 0 && offset < counts.length) counts[offset] = patients;
    cohorts.set(_id.first, counts);
  }
  return [...cohorts.entries()].map(([month, counts]) => ({ month, patients: counts[0]!, retention: counts.map((n) => rate(n, counts[0]!)) }));
}

