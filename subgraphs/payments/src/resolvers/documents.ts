// The documents of a payment and of a clinic: a crediário's contract and its signature, receipts, the
// monthly statement. Links are made per request for whoever may read the document.
import { forbidden } from '@medpay/runtime';
import type { ClinicResolvers, CrediarioContractResolvers, PaymentResolvers } from '../__generated__/resolvers-types.js';
import { iso } from './shared.js';

export const paymentDocuments: Pick<PaymentResolvers, 'contract' | 'receipts'> = {
  // The contract names the patient and the procedure: the payer's and the back office's.
  contract: async (payment, _, { access, loaders }) => {
    if (payment.payerId !== access.userId && !access.isAdmin) throw forbidden();
    const signature = await loaders.contract.load(payment.id);
    return signature && { ...signature, payerId: payment.payerId, clinicId: payment.clinicId };
  },
  receipts: async (payment, _, { access, loaders, documents }) => {
    if (!(await access.canSee(payment))) throw forbidden();
    const receipts = (await loaders.documents.load(payment.id)).filter((document) => document.kind === 'RECEIPT');
    return Promise.all(receipts.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map((document) => documents.file(document)));
  },
};

export const crediarioContract: CrediarioContractResolvers = {
  expiresAt: (signature) => iso(signature.expiresAt)!,
  signedAt: (signature) => iso(signature.signedAt),
  // The link signs in the patient's name: theirs alone.
  signingUrl: (signature, _, { access, signing }) => (signature.payerId === access.userId ? signing.signingUrl(signature) : null),
  document: async (signature, _, { loaders, documents }) => {
    const found = (await loaders.documents.load(signature.paymentId)).find((document) => document.kind === 'CONTRACT');
    return found ? documents.file(found) : null;
  },
  signedDocument: async (signature, _, { loaders, documents }) => {
    const found = (await loaders.documents.load(signature.paymentId)).find((document) => document.kind === 'SIGNED_CONTRACT');
    return found ? documents.file(found) : null;
  },
};

export const clinicDocuments: Pick<ClinicResolvers, 'monthlyStatement'> = {
  monthlyStatement: async ({ id }, { month }, { access, statements, documents }) => {
    await access.assertCanSeeClinic(id);
    return documents.file(await statements.issue(id, month));
  },
};
