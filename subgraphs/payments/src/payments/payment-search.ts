// Turns the filters of the apps into payment criteria: a clinic's own payments (status, method,
// period, patient), and the platform-wide search of admins. A patient is found without copying
// anything personal into payments: a payment id matches directly; otherwise the users service says
// which of this clinic's payers have that whole CPF (blind index) or a name containing the fragment.
import { isUuid } from '@medpay/runtime';
import { PaymentsError } from '../errors.js';
import type { Directory } from '../internal/directory.js';
import type { PaymentStatus, Prisma } from '../generated/prisma/client.js';
import { createdBetween } from '@medpay/runtime';
import { paymentWhere, type PaymentStore } from './payment-store.js';
import type { ClinicPaymentFilter, PaymentSearch as PlatformPaymentFilter } from '../__generated__/resolvers-types.js';

export const MIN_NAME_SEARCH = 3;

export class PaymentSearch {
  constructor(
    private readonly store: PaymentStore,
    private readonly directory: Directory,
  ) {}

  /** Criteria for one clinic's payments; the caller has already been checked against the clinic. */
  async forClinic(clinicId: string, filter: ClinicPaymentFilter, status?: PaymentStatus | null): Promise<Prisma.PaymentWhereInput> {
    const statuses = [...(filter.statuses ?? []), ...(status ? [status] : [])];
    const base = { clinicId, statuses, method: filter.method, createdAt: createdBetween(filter.from, filter.to) };
    const patient = filter.patient?.trim();
    if (!patient) return paymentWhere(base);
    if (isUuid(patient)) return paymentWhere({ ...base, id: patient });
    if (!/\d{11}/.test(patient.replace(/\D/g, '')) && patient.length < MIN_NAME_SEARCH) {
      throw new PaymentsError('BAD_USER_INPUT', `Digite ao menos ${MIN_NAME_SEARCH} letras do nome, o CPF completo ou o código do pagamento.`, { field: 'patient' });
    }
    const payerIds = await this.directory.matchPayers(patient, await this.store.payersOf(clinicId));
    return paymentWhere({ ...base, payerIds });
  }

  forPlatform(filter: PlatformPaymentFilter): Prisma.PaymentWhereInput {
    return paymentWhere({ ...filter, id: filter.id?.trim() || null, createdAt: createdBetween(filter.from, filter.to) });
  }
}
