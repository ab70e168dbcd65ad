// The pieces every document's input is made of, validated before anything is drawn: a document with a
// wrong CPF, a fractional centavo or figures that don't add up is refused, not printed.
import { normalizeCnpj, normalizeCpf } from '@medpay/br-documents';
import { z } from 'zod';

/** Input a generator refuses; `issues` lists each problem as 'path: message'. */
export class DocumentInputError extends Error {
  constructor(
    document: string,
    readonly issues: string[],
  ) {
    super(`${document}: ${issues.join('; ')}`);
  }
}

export function parseInput<Schema extends z.ZodType>(document: string, schema: Schema, input: unknown): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw new DocumentInputError(document, result.error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`));
  return result.data;
}

export const text = z.string().trim().min(1).max(500);
export const longText = z.string().trim().min(1).max(100_000);
export const centavos = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const signedCentavos = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
/** a calendar day, YYYY-MM-DD */
export const day = z.iso.date();
/** an instant: a Date or an ISO 8601 date-time with its offset */
export const instant = z
  .union([z.date(), z.iso.datetime({ offset: true })])
  .transform((value) => new Date(value))
  .refine((value) => !Number.isNaN(value.getTime()), 'invalid date');
/** a rate as a fraction (0.0249 for 2,49 %) */
export const rate = z.number().min(0).max(100);

export const cpf = z.string().transform((value, context) => {
  const digits = normalizeCpf(value);
  if (!digits) context.addIssue({ code: 'custom', message: 'invalid CPF' });
  return digits ?? '';
});

export const cnpj = z.string().transform((value, context) => {
  const characters = normalizeCnpj(value);
  if (!characters) context.addIssue({ code: 'custom', message: 'invalid CNPJ' });
  return characters ?? '';
});

export const address = z.object({
  street: text,
  number: z.string().trim().min(1).max(20),
  complement: z.string().trim().max(100).optional(),
  district: text,
  city: text,
  state: z.string().regex(/^[A-Z]{2}$/, 'two-letter state code'),
  postalCode: z.string().transform((value) => value.replace(/\D/g, '')).pipe(z.string().regex(/^\d{8}$/, 'CEP has 8 digits')),
});

/** A company as a contract names it. */
export const company = z.object({
  legalName: text,
  cnpj,
  address,
});
