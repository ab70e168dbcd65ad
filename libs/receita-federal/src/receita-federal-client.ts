// The Receita Federal through Serpro's API (Consulta CPF v2, Consulta CNPJ v2 /basica): OAuth2 client
// credentials with a shared cached token, our own rate limit under Serpro's, retries and a circuit
// breaker (ProviderClient), and the answers cached for 30 days under keys that never show a CPF.
import { CachedToken, ProviderClient, ProviderRejectedError, type KeyValueStore, type Logger } from '@medpay/runtime';
import { normalizeCnpj, normalizeCpf } from '@medpay/br-documents';
import { RecordCache } from './record-cache.js';
import { SlidingWindowRateLimiter } from './rate-limiter.js';
import {
  InvalidDocumentNumberError,
  ReceitaRecordNotFoundError,
  type CnpjRecord,
  type CnpjStatus,
  type CpfRecord,
  type CpfStatus,
  type DocumentKind,
  type LookupOptions,
  type ReceitaFederal,
} from './receita-federal.js';
import { toAccessToken, toCnpjRecord, toCpfRecord } from './serpro-mapping.js';

export interface ReceitaFederalClientOptions {
  /** Serpro's gateway, https://gateway.apiserpro.serpro.gov.br (or the simulator) */
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  /** where answers are kept (Redis in production: shared by every replica) */
  cache: KeyValueStore;
  /** HMAC key of the CPF cache keys (at least 16 characters) */
  cacheKeySecret: string;
  /** how long an answer is kept; 30 days by default */
  cacheTtlMs?: number;
  /**
   * how long a status the person or clinic is told to fix is kept (CPF PENDENTE_DE_REGULARIZACAO or
   * SUSPENSA, CNPJ SUSPENSA or INAPTA), so a "regularize and try again" is not answered from the cache;
   * an hour by default
   */
  fixableStatusTtlMs?: number;
  /** calls started per second by this process (Serpro's contract limit divided among replicas); 5 by default */
  requestsPerSecond?: number;
  /** per HTTP attempt; 5000 by default */
  timeoutMs?: number;
  retries?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  circuitBreaker?: { failureThreshold?: number; coolDownMs?: number };
  logger?: Pick<Logger, 'warn' | 'error'>;
  now?: () => Date;
}

const DAY_MS = 86_400_000;
/** A second and a tenth: calls leave at most `requestsPerSecond` a second even when the network delays some. */
const RATE_WINDOW_MS = 1100;
const FIXABLE_CPF: ReadonlySet<CpfStatus> = new Set(['PENDENTE_DE_REGULARIZACAO', 'SUSPENSA']);
const FIXABLE_CNPJ: ReadonlySet<CnpjStatus> = new Set(['SUSPENSA', 'INAPTA']);

export class ReceitaFederalClient implements ReceitaFederal {
  private readonly provider: ProviderClient;
  private readonly cache: RecordCache;
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly now: () => Date;
  private readonly cacheTtlMs: number;
  private readonly fixableStatusTtlMs: number;

  constructor(private readonly options: ReceitaFederalClientOptions) {
    this.now = options.now ?? (() => new Date());
    this.cacheTtlMs = options.cacheTtlMs ?? 30 * DAY_MS;
    this.fixableStatusTtlMs = Math.min(options.fixableStatusTtlMs ?? 3_600_000, this.cacheTtlMs);
    this.cache = new RecordCache(options.cache, options.cacheKeySecret, options.logger);
    this.provider = new ProviderClient({
      provider: 'receita',
      baseUrl: options.baseUrl,
      credentials: new CachedToken(() => this.fetchToken()),
      rateLimiter: new SlidingWindowRateLimiter(options.requestsPerSecond ?? 5, RATE_WINDOW_MS),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.retries !== undefined ? { retries: options.retries } : {}),
      ...(options.retryBaseDelayMs !== undefined ? { retryBaseDelayMs: options.retryBaseDelayMs } : {}),
      ...(options.retryMaxDelayMs !== undefined ? { retryMaxDelayMs: options.retryMaxDelayMs } : {}),
      ...(options.circuitBreaker ? { circuitBreaker: options.circuitBreaker } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
  }

  async cpfStatus(cpf: string, options: LookupOptions = {}): Promise<CpfRecord> {
    const digits = normalizeCpf(cpf);
    if (!digits) throw new InvalidDocumentNumberError('CPF');
    const cached = await this.cache.cpf(digits);
    if (cached && this.fresh(cached.checkedAt, options)) return cached;
    return this.once(this.cache.cpfKey(digits), async () => {
      const record = toCpfRecord(digits, await this.consult({ path: `/consulta-cpf-df/v2/cpf/${digits}`, pathInLogs: '/consulta-cpf-df/v2/cpf/{ni}', operation: 'Consulta CPF' }, 'CPF'), this.now());
      await this.cache.keepCpf(record, FIXABLE_CPF.has(record.status) ? this.fixableStatusTtlMs : this.cacheTtlMs);
      return record;
    });
  }

  async cnpjRecord(cnpj: string, options: LookupOptions = {}): Promise<CnpjRecord> {
    const characters = normalizeCnpj(cnpj);
    if (!characters) throw new InvalidDocumentNumberError('CNPJ');
    const cached = await this.cache.cnpj(characters);
    if (cached && this.fresh(cached.checkedAt, options)) return cached;
    return this.once(this.cache.cnpjKey(characters), async () => {
      const record = toCnpjRecord(characters, await this.consult({ path: `/consulta-cnpj-df/v2/basica/${characters}`, operation: 'Consulta CNPJ' }, 'CNPJ'), this.now());
      await this.cache.keepCnpj(record, FIXABLE_CNPJ.has(record.status) ? this.fixableStatusTtlMs : this.cacheTtlMs);
      return record;
    });
  }

  private fresh(checkedAt: Date, options: LookupOptions) {
    return options.maxAgeMs === undefined || this.now().getTime() - checkedAt.getTime() <= options.maxAgeMs;
  }

  /** One call per number at a time: callers asking for a number already being asked share the answer. */
  private once<T>(key: string, lookup: () => Promise<T>): Promise<T> {
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const started = lookup().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  /** The consultation's answer; unavailable, not found and refused numbers as our errors (no number in any message). */
  private async consult(request: { path: string; pathInLogs?: string; operation: string }, kind: DocumentKind): Promise<unknown> {
    try {
      return await this.provider.json({ method: 'GET', ...request });
    } catch (error) {
      if (error instanceof ProviderRejectedError && error.status === 404) throw new ReceitaRecordNotFoundError(kind);
      if (error instanceof ProviderRejectedError && error.status === 400) throw new InvalidDocumentNumberError(kind);
      throw error;
    }
  }

  private async fetchToken() {
    const basic = Buffer.from(`${this.options.consumerKey}:${this.options.consumerSecret}`).toString('base64');
    const body = await this.provider.json({
      method: 'POST',
      path: '/token',
      body: 'grant_type=client_credentials',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
      operation: 'token',
      anonymous: true,
    });
    return toAccessToken(body);
  }
}
