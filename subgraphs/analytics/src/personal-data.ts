// The analytics part of a person's data export: what analytics derived about them from the domain
// events — their patient fact, the facts of their payments and installments, and the raw events that
// concern them (kept 400 days), and who read their personal data (the sensitive-data access log).
// Analytics holds ids, amounts, statuses and days, never names or CPFs; the router's usage log holds
// no one's identity and is not listed.
import type { AnalyticsStore } from './store/models.js';

export class PersonalFacts {
  constructor(private readonly store: AnalyticsStore) {}

  async of(userId: string) {
    const [patient, payments] = await Promise.all([
      this.store.findById('patients', userId),
      this.store.aggregate<{ _id: string }>('payments', [{ $match: { payerId: userId } }, { $sort: { _id: 1 } }]),
    ]);
    const paymentIds = payments.map((payment) => payment._id);
    const [installments, events, dataAccesses] = await Promise.all([
      this.store.aggregate('installments', [{ $match: { paymentId: { $in: paymentIds } } }, { $sort: { paymentId: 1, number: 1 } }]),
      this.store.aggregate('events', [
        { $match: { $or: [{ aggregateId: { $in: [userId, ...paymentIds] } }, { 'payload.payerId': userId }, { 'payload.userId': userId }] } },
        { $sort: { createdAt: 1, _id: 1 } },
      ]),
      this.store.aggregate('accesses', [{ $match: { subjectId: userId } }, { $sort: { at: 1, _id: 1 } }]),
    ]);
    return { patient, payments, installments, events, dataAccesses };
  }
}
