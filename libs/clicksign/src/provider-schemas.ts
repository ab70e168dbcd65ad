// What ClickSign's API v3 answers, checked before anything is mapped: the JSON:API documents of
// envelopes, documents and signers (only the fields the adapter reads; others pass unread).
import { z } from 'zod';

export const JSON_API = 'application/vnd.api+json';

export const providerEnvelopeStatus = z.enum(['draft', 'running', 'closed', 'canceled']);
export type ProviderEnvelopeStatus = z.infer<typeof providerEnvelopeStatus>;

const timestamp = z.iso.datetime({ offset: true });

export const envelopeResource = z.object({
  id: z.string().min(1),
  type: z.literal('envelopes'),
  attributes: z.object({
    name: z.string(),
    status: providerEnvelopeStatus,
    deadline_at: timestamp.nullish(),
  }),
});
export type EnvelopeResource = z.infer<typeof envelopeResource>;

export const documentResource = z.object({
  id: z.string().min(1),
  type: z.literal('documents'),
  attributes: z.object({ filename: z.string(), metadata: z.record(z.string(), z.unknown()).nullish() }),
  links: z.object({ files: z.object({ original: z.url().nullish(), signed: z.url().nullish() }).optional() }).optional(),
});
export type DocumentResource = z.infer<typeof documentResource>;

export const signerResource = z.object({
  id: z.string().min(1),
  type: z.literal('signers'),
  attributes: z.object({ name: z.string(), email: z.string().nullish(), phone_number: z.string().nullish() }),
});
export type SignerResource = z.infer<typeof signerResource>;

export const requirementResource = z.object({
  id: z.string().min(1),
  type: z.literal('requirements'),
  attributes: z.object({ action: z.string(), role: z.string().nullish(), auth: z.string().nullish() }),
  relationships: z.object({
    document: z.object({ data: z.object({ id: z.string() }) }),
    signer: z.object({ data: z.object({ id: z.string() }) }),
  }),
});
export type RequirementResource = z.infer<typeof requirementResource>;

export const one = <Schema extends z.ZodType>(schema: Schema) => z.object({ data: schema });
export const many = <Schema extends z.ZodType>(schema: Schema) => z.object({ data: z.array(schema) });
