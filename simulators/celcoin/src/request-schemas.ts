// The request bodies the simulator accepts, as zod schemas. Amounts arrive in reais (a JSON number, or a
// string in PIX's amount.original) and leave the schema as integer centavos.
import { decimalToCentavos } from '@medpay/br-rails';
import { z } from 'zod';

export const amount = z.union([z.number(), z.string()]).transform((value, context) => {
  try {
    const centavos = decimalToCentavos(value);
    if (centavos > 0) return centavos;
    context.addIssue({ code: 'custom', message: 'must be greater than zero' });
  } catch (error) {
    context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'not an amount' });
  }
  return z.NEVER;
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const id = z.string().min(1).max(200);

const debtor = z
  .object({ name: z.string().min(1), cpf: z.string().regex(/^\d{11}$/).optional(), cnpj: z.string().regex(/^[0-9A-Z]{14}$/).optional() })
  .refine((value) => (value.cpf === undefined) !== (value.cnpj === undefined), 'needs exactly one of cpf or cnpj')
  .transform((value) => ({ name: value.name, document: value.cpf ?? value.cnpj ?? '' }));

const feeInfo = z.object({
  percent: z.number().min(0).max(100).optional(),
  totalAmount: amount.optional(),
  feeDetails: z.array(z.object({ amount, description: z.string(), clientRequestId: id, accountCredit: z.object({ account: z.string().min(1) }) })).min(1),
});

export const locationRequest = z.object({
  clientRequestId: id,
  type: z.enum(['COB', 'COBV']),
  merchant: z.object({ name: z.string().min(1), city: z.string().min(1), postalCode: z.string().optional(), merchantCategoryCode: z.string().optional() }),
});

const collectionBase = {
  clientRequestId: id,
  key: z.string().min(1),
  locationId: id,
  debtor,
  amount: z.object({ original: amount }),
  payerQuestion: z.string().max(140).optional(),
  feeInfo: feeInfo.optional(),
};

export const immediateRequest = z.object({ ...collectionBase, calendar: z.object({ expiration: z.number().int().min(1).max(2_147_483) }) });

export const dueDateRequest = z.object({
  ...collectionBase,
  calendar: z.object({ dueDate: isoDate, validityAfterExpiration: z.number().int().min(0).max(365).default(30) }),
});

const splitEntry = z.object({ account: z.string().min(1), document: z.string().optional(), percent: z.number().min(0).max(100).optional(), amount: amount.optional() });

export const boletoRequest = z.object({
  externalId: id,
  dueDate: isoDate,
  amount,
  debtor: z.object({ name: z.string().min(1), document: z.string().regex(/^[0-9A-Z]{11,14}$/) }),
  receiver: z.object({ account: z.string().min(1), document: z.string().optional() }),
  instructions: z.unknown().optional(),
  split: z.array(splitEntry).optional(),
});

export const tokenizeRequest = z.object({
  number: z.string().transform((value) => value.replace(/[\s-]/g, '')),
  holder: z.string().trim().min(1),
  expMonth: z.coerce.number().int().min(1).max(12),
  expYear: z.coerce.number().int().min(0).max(9999),
  cvv: z.string().regex(/^\d{3,4}$/, 'must be 3 or 4 digits'),
});

export const cardChargeRequest = z.object({
  clientRequestId: id,
  amount,
  installments: z.number().int().min(1).max(12),
  cardToken: z.string().min(1),
  payer: z.object({ name: z.string(), document: z.string() }).optional(),
  split: z.array(splitEntry).optional(),
});

export const blockRequest = z.object({ correlationBlockedId: id, amount });
export const unblockRequest = z.object({ correlationBlockedId: id, amount, clientRequestId: id.optional() });

export const paymentRequest = z.object({
  clientRequestId: id,
  amount,
  creditParty: z.object({ key: z.string().min(1), name: z.string().optional(), taxId: z.string().optional() }),
  description: z.string().max(140).optional(),
});

/** A TED to a bank account: SPB routes it by the bank's ISPB; the holder's document goes with it. */
export const tedRequest = z.object({
  clientCode: id,
  amount,
  creditParty: z.object({
    bank: z.string().regex(/^\d{8}$/, 'must be the bank\'s 8-digit ISPB'),
    branch: z.string().regex(/^\d{1,4}$/),
    account: z.string().regex(/^\d{1,12}[\dX]$/),
    accountType: z.enum(['CC', 'CI', 'PG', 'PP']),
    taxId: z.string().regex(/^(\d{11}|[0-9A-Z]{14})$/),
    name: z.string().min(1).max(200),
    personType: z.enum(['F', 'J']),
  }),
  description: z.string().max(140).optional(),
});

export const reversalRequest = z.object({ clientRequestId: id, amount, reason: z.string().max(140).optional() });

export const simPixPayRequest = z.object({ payload: z.string().min(1), payer: z.object({ name: z.string().min(1), document: z.string().min(11) }).optional() });
export const simBoletoPayRequest = z.object({ line: z.string().min(1) });
/** A chargeback the cardholder's bank raises; without an amount, all that was not refunded. */
export const simChargebackRequest = z.object({ amount: amount.optional(), reasonCode: z.string().max(10).optional(), reason: z.string().max(140).optional() });
export const webhookConfigRequest = z.object({ url: z.string().url().nullable(), username: z.string().optional(), password: z.string().optional() });
