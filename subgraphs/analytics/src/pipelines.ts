// The aggregation pipelines behind every figure: plain objects that MongoDB runs as they are and the
// embedded store runs with mingo. Only operators both agree on are used ($match, $group with $sum,
// $min, $first and $addToSet, $facet, $sort, $limit, $unwind, $cond, $and, $or, $eq, $ne, $gt, $lt,
// $ifNull); days are precomputed strings on the facts, so no time-zone arithmetic runs here.
import type { Filter, Pipeline } from '@medpay/documents';

const between = (from: string, to: string) => ({ $gte: from, $lte: to });
const count = { $sum: 1 };
const countIf = (condition: unknown) => ({ $sum: { $cond: [condition, 1, 0] } });
const isSet = (field: string) => ({ $ne: [{ $ifNull: [field, null] }, null] });
const money = {
  grossCentavos: { $sum: '$grossCentavos' },
  clinicNetCentavos: { $sum: '$clinicNetCentavos' },
  platformFeeCentavos: { $sum: '$platformFeeCentavos' },
  paymentsCount: count,
};

export interface RevenueRow {
  _id: string | null;
  grossCentavos: number;
  clinicNetCentavos: number;
  platformFeeCentavos: number;
  processingCostCentavos?: number;
  paymentsCount: number;
}

export interface RevenueFacets {
  totals: Array<RevenueRow & { processingCostCentavos: number; refundedCount: number; refundedCentavos: number; disputedCount: number }>;
  days: RevenueRow[];
  methods: Array<{ _id: string | null; paymentsCount: number; grossCentavos: number }>;
  /** one clinic's */
  procedures?: Array<{ _id: string; category: string | null; paymentsCount: number; grossCentavos: number }>;
  /** the platform's */
  clinics?: Array<{ _id: string; paymentsCount: number; grossCentavos: number; platformFeeCentavos: number }>;
  activeClinics?: Array<{ n: number }>;
  activePatients?: Array<{ n: number }>;
}

const top = (group: Record<string, unknown>): Pipeline => [{ $group: group }, { $sort: { grossCentavos: -1, _id: 1 } }, { $limit: 10 }];

/**
 * payments collection: the payments paid in the period, in one pass — for one clinic (with its top
 * procedures) or for the platform (with its top clinics and active counts); each asks only what it shows.
 */
export function revenuePipeline(from: string, to: string, clinicId?: string): Pipeline {
  const match: Filter = clinicId ? { clinicId, paidDay: between(from, to) } : { paidDay: between(from, to) };
  const common = {
    totals: [
      {
        $group: {
          _id: null,
          ...money,
          processingCostCentavos: { $sum: '$processingCostCentavos' },
          refundedCount: countIf({ $gt: ['$refundedCentavos', 0] }),
          refundedCentavos: { $sum: '$refundedCentavos' },
          disputedCount: countIf(isSet('$disputedAt')),
        },
      },
    ],
    days: [{ $group: { _id: '$paidDay', ...money } }, { $sort: { _id: 1 } }],
    methods: [{ $group: { _id: '$method', paymentsCount: count, grossCentavos: { $sum: '$grossCentavos' } } }, { $sort: { _id: 1 } }],
  };
  const scoped = clinicId
    ? { procedures: top({ _id: '$procedureId', category: { $first: '$category' }, paymentsCount: count, grossCentavos: { $sum: '$grossCentavos' } }) }
    : {
        clinics: top({ _id: '$clinicId', paymentsCount: count, grossCentavos: { $sum: '$grossCentavos' }, platformFeeCentavos: { $sum: '$platformFeeCentavos' } }),
        activeClinics: [{ $group: { _id: '$clinicId' } }, { $group: { _id: null, n: count } }],
        activePatients: [{ $group: { _id: '$payerId' } }, { $group: { _id: null, n: count } }],
      };
  return [{ $match: match }, { $facet: { ...common, ...scoped } }];
}

export interface CheckoutFacets {
  /** one clinic's */
  statuses?: Array<{ _id: string; count: number }>;
  funnel: Array<{ checkouts: number; paid: number; released: number; declined: number }>;
}

/** payments collection: checkouts created in the period, how far they went, and (one clinic's) by status now. */
export function checkoutsPipeline(from: string, to: string, clinicId?: string): Pipeline {
  const match: Filter = clinicId ? { clinicId, createdDay: between(from, to) } : { createdDay: between(from, to) };
  return [
    { $match: match },
    {
      $facet: {
        ...(clinicId ? { statuses: [{ $group: { _id: '$status', count } }, { $sort: { _id: 1 } }] } : {}),
        funnel: [
          {
            $group: {
              _id: null,
              checkouts: count,
              paid: countIf(isSet('$paidAt')),
              released: countIf(isSet('$releasedAt')),
              declined: countIf({ $eq: ['$status', 'DECLINED'] }),
            },
          },
        ],
      },
    },
  ];
}

/** simulations collection: plan simulations counted in the period. */
export function simulationsPipeline(from: string, to: string, clinicId?: string): Pipeline {
  const match: Filter = clinicId ? { clinicId, day: between(from, to) } : { day: between(from, to) };
  return [{ $match: match }, { $group: { _id: null, n: { $sum: '$count' } } }];
}

/**
 * installments collection: installments due from `from` to the earlier of `to` and today, and how many
 * went unpaid for more than 30 and 90 days (still unpaid past that day, or paid after it).
 */
export function installmentsPipeline(from: string, to: string, today: string, clinicId?: string): Pipeline {
  const last = to < today ? to : today;
  const match: Filter = clinicId ? { clinicId, dueDate: between(from, last) } : { dueDate: between(from, last) };
  const lateBeyond = (day: string) => ({ $and: [{ $lt: [day, today] }, { $or: [{ $eq: [{ $ifNull: ['$paidDay', null] }, null] }, { $gt: ['$paidDay', day] }] }] });
  return [{ $match: match }, { $group: { _id: null, due: count, overdue30: countIf(lateBeyond('$late30Day')), overdue90: countIf(lateBeyond('$late90Day')) } }];
}

/** patients collection: registrations in the period. */
export function newPatientsPipeline(from: string, to: string): Pipeline {
  return [{ $match: { registeredDay: between(from, to) } }, { $group: { _id: null, n: count } }];
}

/**
 * payments collection: each patient's first month with a payment (over all time) and every month
 * they paid in, counted per (first month, month) for the cohorts whose first month is in the period.
 */
export function cohortsPipeline(fromMonth: string, toMonth: string): Pipeline {
  return [
    { $match: { paidMonth: { $ne: null, $lte: toMonth } } },
    { $group: { _id: '$payerId', first: { $min: '$paidMonth' }, months: { $addToSet: '$paidMonth' } } },
    { $match: { first: between(fromMonth, toMonth) } },
    { $unwind: '$months' },
    { $group: { _id: { first: '$first', month: '$months' }, patients: count } },
    { $sort: { '_id.first': 1, '_id.month': 1 } },
  ];
}

/** usage collection: operations per client over the period, with their durations for percentiles. */
export function usagePipeline(from: string, to: string): Pipeline {
  return [
    { $match: { day: between(from, to) } },
    {
      $facet: {
        operations: [
          {
            $group: {
              _id: { clientName: '$clientName', clientVersion: '$clientVersion', operationName: '$operationName', documentHash: '$documentHash', callerKind: '$callerKind' },
              count,
              errorCount: countIf({ $gt: [{ $size: '$errorCodes' }, 0] }),
              durations: { $push: '$durationMs' },
            },
          },
          { $sort: { count: -1, '_id.operationName': 1 } },
          { $limit: 500 },
        ],
        fields: [
          { $unwind: '$fields' },
          { $group: { _id: { clientName: '$clientName', field: '$fields' }, count } },
          { $sort: { count: -1, '_id.field': 1 } },
          { $limit: 5000 },
        ],
      },
    },
  ];
}
