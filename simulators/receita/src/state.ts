// The simulated Receita's state: records registered through /_sim (over the fixed and invented ones),
// issued access tokens, and how often each number was asked for. Records and tokens survive a restart.
import { z } from 'zod';
import { cnpjRecord, cpfRecord, genericCpfRecord, inventedClinic, TEST_CNPJS, TEST_CPFS, UNKNOWN_CNPJ, UNKNOWN_CPF, type SerproCnpj, type SerproCpf } from './records.js';

const FIXED_CPFS = new Map<string, SerproCpf | null>([...TEST_CPFS.map((seed) => [seed.cpf, cpfRecord(seed)] as const), [UNKNOWN_CPF, null]]);
const FIXED_CNPJS = new Map<string, SerproCnpj | null>([...TEST_CNPJS.map((seed) => [seed.cnpj, cnpjRecord(seed)] as const), [UNKNOWN_CNPJ, null]]);

const persisted = z.object({
  cpfs: z.record(z.string(), z.unknown().nullable()).default({}),
  cnpjs: z.record(z.string(), z.unknown().nullable()).default({}),
  tokens: z.record(z.string(), z.object({ clientId: z.string(), expiresAt: z.number() })).default({}),
  tokenRequests: z.number().int().default(0),
});

export class ReceitaState {
  /** registered through /_sim; null: the Receita has no such number (404) */
  readonly cpfs = new Map<string, SerproCpf | null>();
  readonly cnpjs = new Map<string, SerproCnpj | null>();
  readonly tokens = new Map<string, { clientId: string; expiresAt: number }>();
  tokenRequests = 0;
  /** consultations per number (as asked, after authentication and the rate limit), since start */
  readonly calls = new Map<string, number>();
  /** the consultation backends are down: they answer 503 (the token endpoint still works) */
  outage = false;

  /** The CPF's record: registered, fixed, or REGULAR with nothing else on record; null when unknown. */
  cpf(ni: string): SerproCpf | null {
    if (this.cpfs.has(ni)) return this.cpfs.get(ni)!;
    if (FIXED_CPFS.has(ni)) return FIXED_CPFS.get(ni)!;
    return genericCpfRecord(ni);
  }

  /** The CNPJ's record: registered, fixed, or an ATIVA clinic invented from its number; null when unknown. */
  cnpj(ni: string): SerproCnpj | null {
    if (this.cnpjs.has(ni)) return this.cnpjs.get(ni)!;
    if (FIXED_CNPJS.has(ni)) return FIXED_CNPJS.get(ni)!;
    return cnpjRecord(inventedClinic(ni));
  }

  countCall(ni: string) {
    this.calls.set(ni, (this.calls.get(ni) ?? 0) + 1);
  }

  dump(): unknown {
    return { cpfs: Object.fromEntries(this.cpfs), cnpjs: Object.fromEntries(this.cnpjs), tokens: Object.fromEntries(this.tokens), tokenRequests: this.tokenRequests };
  }

  restore(saved: unknown) {
    const data = persisted.parse(saved);
    for (const [ni, record] of Object.entries(data.cpfs)) this.cpfs.set(ni, record as SerproCpf | null);
    for (const [ni, record] of Object.entries(data.cnpjs)) this.cnpjs.set(ni, record as SerproCnpj | null);
    const now = Date.now();
    for (const [token, grant] of Object.entries(data.tokens)) if (grant.expiresAt > now) this.tokens.set(token, grant);
    this.tokenRequests = data.tokenRequests;
  }

  reset() {
    this.cpfs.clear();
    this.cnpjs.clear();
    this.tokens.clear();
    this.calls.clear();
    this.tokenRequests = 0;
    this.outage = false;
  }
}
