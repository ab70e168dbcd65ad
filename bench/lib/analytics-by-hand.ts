// Analytics without the store, in the benchmark's own thread: the projection into a plain in-memory
// document store (to compute fact documents fast, with the same applyEvent), and one clinic's
// figures by a plain loop over the fact documents (the baseline the store's pipelines are set against).
import type { Doc } from '@medpay/documents';
import type { AnalyticsStore, CollectionName } from '../../subgraphs/analytics/src/store/models.js';
import type { InstallmentFact, PaymentFact } from '../../subgraphs/analytics/src/projection.js';

/**
 * The AnalyticsStore interface over Maps, no validation and no pipelines: what applyEvent needs to
 * compute the facts a stream of events leaves. `documents` are what it holds, per collection.
 */
export function memoryDocumentStore(): AnalyticsStore & { documents(collection: CollectionName): Doc[] } {
  const collections = new Map<CollectionName, Map<string, Doc>>();
  const of = (name: CollectionName) => collections.get(name) ?? collections.set(name, new Map()).get(name)!;
  const unsupported = () => Promise.reject(new Error('the in-memory projection store runs no queries'));
  return {
    kind: 'embedded',
    async insertOnce(name, doc) {
      if (of(name).has(doc._id)) return false;
      of(name).set(doc._id, doc);
      return true;
    },
    findById: async (name, id) => of(name).get(id) ?? null,
    async replaceVersioned(name, doc, expected) {
      if (((of(name).get(doc._id)?.version as number | undefined) ?? 0) !== expected) return false;
      of(name).set(doc._id, doc);
      return true;
    },
    async put(name, doc) {
      of(name).set(doc._id, doc);
    },
    aggregate: unsupported,
    deleteMany: unsupported,
    async clear(names) {
      for (const name of names) collections.delete(name);
    },
    async close() {},
    documents: (name) => [...of(name).values()],
  };
}

export type SimulationFact = { _id: string; clinicId: string; day: string; count: number };

export interface ClinicFactsByHand {
  grossCentavos: number;
  clinicNetCentavos: number;
  platformFeeCentavos: number;
  processingCostCentavos: number;
  paymentsCount: number;
  refundedCount: number;
  refundedCentavos: number;
  disputedCount: number;
  days: Map<string, number>;
  methods: Map<string | null, number>;
  topProcedures: string[];
  statuses: Record<string, number>;
  checkouts: number;
  paid: number;
  released: number;
  plansSimulated: number;
  installmentsDue: number;
  overdue30: number;
  overdue90: number;
}

/**
 * A clinic's figures over a period as the pipelines define them (revenue by paid day, checkouts by
 * created day, simulations, installments due up to today), by one plain loop per collection over
 * every fact — no index, so each call reads all of them.
 */
export function clinicFiguresByHand(
  facts: { payments: PaymentFact[]; installments: InstallmentFact[]; simulations: SimulationFact[] },
  clinicId: string,
  { from, to, today }: { from: string; to: string; today: string },
): ClinicFactsByHand {
  const figures: ClinicFactsByHand = {
    grossCentavos: 0, clinicNetCentavos: 0, platformFeeCentavos: 0, processingCostCentavos: 0, paymentsCount: 0,
    refundedCount: 0, refundedCentavos: 0, disputedCount: 0, days: new Map(), methods: new Map(), topProcedures: [],
    statuses: {}, checkouts: 0, paid: 0, released: 0, plansSimulated: 0, installmentsDue: 0, overdue30: 0, overdue90: 0,
  };
  const procedures = new Map<string, number>();
  for (const payment of facts.payments) {
    if (payment.clinicId !== clinicId) continue;
    const paidDay = payment.paidDay;
    if (paidDay && paidDay >= from && paidDay <= to) {
      figures.grossCentavos += payment.grossCentavos;
      figures.clinicNetCentavos += payment.clinicNetCentavos;
      figures.platformFeeCentavos += payment.platformFeeCentavos;
      figures.processingCostCentavos += payment.processingCostCentavos;
      figures.paymentsCount += 1;
      if (payment.refundedCentavos > 0) figures.refundedCount += 1;
      figures.refundedCentavos += payment.refundedCentavos;
      if (payment.disputedAt) figures.disputedCount += 1;
      figures.days.set(paidDay, (figures.days.get(paidDay) ?? 0) + payment.grossCentavos);
      figures.methods.set(payment.method, (figures.methods.get(payment.method) ?? 0) + payment.grossCentavos);
      if (payment.procedureId !== null) procedures.set(payment.procedureId, (procedures.get(payment.procedureId) ?? 0) + payment.grossCentavos);
    }
    const createdDay = payment.createdDay;
    if (createdDay && createdDay >= from && createdDay <= to) {
      figures.statuses[payment.status] = (figures.statuses[payment.status] ?? 0) + 1;
      figures.checkouts += 1;
      if (payment.paidAt) figures.paid += 1;
      if (payment.releasedAt) figures.released += 1;
    }
  }
  figures.topProcedures = [...procedures.entries()]
    .sort(([a, grossA], [b, grossB]) => grossB - grossA || (a < b ? -1 : 1))
    .slice(0, 10)
    .map(([id]) => id);
  for (const simulation of facts.simulations) {
    if (simulation.clinicId === clinicId && simulation.day >= from && simulation.day <= to) figures.plansSimulated += simulation.count;
  }
  const last = to < today ? to : today;
  const lateBeyond = (installment: InstallmentFact, day: string) => day < today && (installment.paidDay === null || installment.paidDay > day);
  for (const installment of facts.installments) {
    if (installment.clinicId !== clinicId || installment.dueDate < from || installment.dueDate > last) continue;
    figures.installmentsDue += 1;
    if (lateBeyond(installment, installment.late30Day)) figures.overdue30 += 1;
    if (lateBeyond(installment, installment.late90Day)) figures.overdue90 += 1;
  }
  return figures;
}
