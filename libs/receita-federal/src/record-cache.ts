// The Receita's answers kept in a KeyValueStore (Redis, or memory). A CPF appears in no key (its HMAC
// does) and in no value (the caller has it); a record keeps the `checkedAt` of the answer it came from.
import { createHmac } from 'node:crypto';
import type { KeyValueStore, Logger } from '@medpay/runtime';
import { z } from 'zod';
import { CNPJ_STATUSES, CPF_STATUSES, type CnpjRecord, type CpfRecord } from './receita-federal.js';

const cachedCpf = z.object({
  status: z.enum(CPF_STATUSES),
  cancellation: z.enum(['ESTATE_CLOSED', 'MULTIPLE_REGISTRATIONS', 'EX_OFFICIO']).optional(),
  name: z.string().optional(),
  socialName: z.string().optional(),
  checkedAt: z.iso.datetime(),
});

const cachedCnpj = z.object({
  cnpj: z.string(),
  status: z.enum(CNPJ_STATUSES),
  statusSince: z.string().optional(),
  statusReason: z.string().optional(),
  legalName: z.string(),
  tradeName: z.string().optional(),
  mainCnae: z.object({ code: z.string(), description: z.string() }),
  address: z.object({ street: z.string(), number: z.string(), complement: z.string().optional(), district: z.string(), city: z.string(), state: z.string(), zipCode: z.string() }),
  checkedAt: z.iso.datetime(),
});

export class RecordCache {
  constructor(
    private readonly store: KeyValueStore,
    private readonly keySecret: string,
    private readonly logger?: Pick<Logger, 'warn'>,
  ) {
    if (keySecret.length < 16) throw new Error('The cache key secret must have at least 16 characters');
  }

  cpfKey(cpf: string) {
    return `receita:cpf:${createHmac('sha256', this.keySecret).update(cpf).digest('base64url')}`;
  }

  cnpjKey(cnpj: string) {
    return `receita:cnpj:${cnpj}`;
  }

  async cpf(cpf: string): Promise<CpfRecord | null> {
    const cached = await this.read(this.cpfKey(cpf), cachedCpf);
    return cached && { cpf, ...cached, checkedAt: new Date(cached.checkedAt) };
  }

  async cnpj(cnpj: string): Promise<CnpjRecord | null> {
    const cached = await this.read(this.cnpjKey(cnpj), cachedCnpj);
    return cached && cached.cnpj === cnpj ? { ...cached, checkedAt: new Date(cached.checkedAt) } : null;
  }

  async keepCpf(record: CpfRecord, ttlMs: number) {
    const { cpf, ...rest } = record;
    await this.write(this.cpfKey(cpf), { ...rest, checkedAt: rest.checkedAt.toISOString() }, ttlMs);
  }

  async keepCnpj(record: CnpjRecord, ttlMs: number) {
    await this.write(this.cnpjKey(record.cnpj), { ...record, checkedAt: record.checkedAt.toISOString() }, ttlMs);
  }

  /** A cache that cannot be read is a miss: the Receita is asked instead. */
  private async read<Schema extends z.ZodType>(key: string, schema: Schema): Promise<z.infer<Schema> | null> {
    try {
      const value = await this.store.get(key);
      if (value === null) return null;
      const parsed = schema.safeParse(JSON.parse(value));
      return parsed.success ? parsed.data : null;
    } catch (error) {
      this.logger?.warn({ reason: error instanceof Error ? error.message : String(error) }, 'Receita cache unreadable: asking the Receita');
      return null;
    }
  }

  /** A cache that cannot be written costs a later call, never this answer. */
  private async write(key: string, value: unknown, ttlMs: number) {
    try {
      await this.store.set(key, JSON.stringify(value), ttlMs);
    } catch (error) {
      this.logger?.warn({ reason: error instanceof Error ? error.message : String(error) }, 'Receita cache unwritable: the answer is not kept');
    }
  }
}
