// Payment links: made and canceled by the clinic's staff or partner systems, listed on the clinic,
// opened by whoever has the token (the patient), paid through checkout.
import { notFound, pageSize } from '@medpay/runtime';
import type { ClinicResolvers, MutationResolvers, PaymentLinkResolvers, PaymentLinkViewResolvers, QueryResolvers } from '../__generated__/resolvers-types.js';
import { iso, referencedPayment } from './shared.js';

export const linksQuery: QueryResolvers = {
  // The token is the key: what it shows is what to pay and to whom, and the first name to greet.
  paymentLink: async (_, { token }, { links }) => {
    const link = await links.byToken(token);
    return link && { token: link.token, status: links.statusOf(link), procedureId: link.procedureId, clinicId: link.clinicId, expiresAt: iso(link.expiresAt)!, patientFirstName: links.patientOf(link).name.split(' ')[0]! };
  },
};

export const linksMutation: MutationResolvers = {
  createPaymentLink: async (_, { input }, { access, links }) => {
    await access.assertClinicMember(input.clinicId);
    return links.create(input, access.userId ?? `partner:${access.claims?.sub}`);
  },
  cancelPaymentLink: async (_, { id }, { access, links }) => {
    const link = await links.byId(id);
    if (!link || !(await access.isClinicMember(link.clinicId))) throw notFound('Link de pagamento');
    return links.cancel(link);
  },
};

export const clinicLinks: Pick<ClinicResolvers, 'paymentLinks'> = {
  paymentLinks: async ({ id }, { status, first }, { access, links }) => {
    await access.assertCanSeeClinic(id);
    return links.forClinic(id, status, pageSize(first, 50));
  },
};

export const paymentLink: PaymentLinkResolvers = {
  url: (link, _, { links }) => links.url(link),
  status: (link, _, { links }) => links.statusOf(link),
  clinic: (link) => ({ __typename: 'Clinic', id: link.clinicId }),
  procedure: (link) => ({ __typename: 'Procedure', id: link.procedureId }),
  patientName: (link, _, { links }) => links.patientOf(link).name,
  patientEmail: (link, _, { links }) => links.patientOf(link).email,
  patientPhone: (link, _, { links }) => links.patientOf(link).phone,
  expiresAt: (link) => iso(link.expiresAt)!,
  createdAt: (link) => iso(link.createdAt)!,
  payment: (link, _, { loaders }) => (link.paymentId ? referencedPayment(loaders.payment.load(link.paymentId)) : null),
};

export const paymentLinkView: PaymentLinkViewResolvers = {
  procedure: (view) => ({ __typename: 'Procedure', id: view.procedureId }),
  clinic: (view) => ({ __typename: 'Clinic', id: view.clinicId }),
};
