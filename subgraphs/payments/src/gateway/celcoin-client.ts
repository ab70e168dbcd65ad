// The PaymentGateway on Celcoin's API: OAuth2 client credentials with a shared cached token, every money
// call keyed by our clientRequestId, retries (same key, so a retry never moves money twice) behind a
// circuit breaker, and webhooks verified on the raw request before they are read.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { CircuitBreaker, CircuitOpenError, retry, traceCall, type Logger } from '@medpay/runtime';
import {
  blockBody,
  boletoBody,
  boletoChargeView,
  cardChargeBody,
  cardChargeView,
  locationBody,
  payoutBody,
  tedBody,
  pixChargeView,
  pixCollectionBody,
  rejectionFor,
  reversalBody,
  toBoleto,
  toCardCharge,
  toAccessToken,
  toLocationId,
  toPixCharge,
  toTransfer,
  unblockBody,
  webhookEvents,
} from './celcoin-mapping.js';
import { GatewayRejectedError } from './gateway-errors.js';
import {
  GatewayUnavailableError,
  WebhookRejectedError,
  type Boleto,
  type BoletoRequest,
  type CardCharge,
  type CardChargeRequest,
  type ChargeView,
  type EscrowRequest,
  type GatewayEvent,
  type PaymentGateway,
  type PayoutRequest,
  type TedRequest,
  type PixCharge,
  type PixChargeRequest,
  type RefundRequest,
  type Transfer,
} from './payment-gateway.js';

export interface CelcoinGatewayOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** our PIX key at Celcoin, the receiver of every PIX charge */
  pixKey: string;
  /** as shown in the BR Code (folded to ASCII, 25 characters) */
  merchantName: string;
  merchantCity: string;
  /** the Basic credentials Celcoin presents when it delivers a webhook */
  webhookUser: string;
  webhookPassword: string;
  /** per HTTP attempt; 5000 by default */
  timeoutMs?: number;
  /** attempts after the first on network errors, timeouts, 408, 429 and 5xx; 3 by default */
  retries?: number;
  /** first backoff delay (doubled each retry, with jitter); 200 by default */
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  /** opens after `failureThreshold` consecutive failed attempts (5), half-opens after `coolDownMs` (30 s) */
  circuitBreaker?: { failureThreshold?: number; coolDownMs?: number };
  /** our BaaS account credited by boletos; the client id by default */
  receiverAccount?: string;
  logger?: Pick<Logger, 'debug' | 'warn' | 'error'>;
}

/** A failure worth another attempt that also counts against the circuit: network, timeout, 408, 429, 5xx. */
class TransientError extends Error {}

/** Our cached token was refused (revoked, or Celcoin restarted): fetch a new one and try again. */
class StaleTokenError extends Error {}

interface ApiRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  /** names the call in errors and logs */
  operation: string;
}

/** Renew this long before Celcoin says the token expires, so no call carries a token that dies in flight. */
const TOKEN_RENEWAL_MARGIN_MS = 60_000;

const isRetryable = (error: unknown) => error instanceof TransientError || error instanceof StaleTokenError;

export class CelcoinGateway implements PaymentGateway {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly breaker: CircuitBreaker;
  private token: { value: string; renewAt: number } | undefined;
  private tokenRequest: Promise<string> | undefined;
  private readonly expectedWebhookAuthorization: Buffer;

  constructor(private readonly options: CelcoinGatewayOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.breaker = new CircuitBreaker({
      failureThreshold: options.circuitBreaker?.failureThreshold ?? 5,
      coolDownMs: options.circuitBreaker?.coolDownMs ?? 30_000,
      onStateChange: (state) => (state === 'open' ? options.logger?.error({ gateway: 'celcoin' }, 'circuit opened: Celcoin keeps failing') : options.logger?.warn({ gateway: 'celcoin', state }, 'circuit state changed')),
    });
    this.expectedWebhookAuthorization = digest(`Basic ${Buffer.from(`${options.webhookUser}:${options.webhookPassword}`).toString('base64')}`);
  }

  // ---- PaymentGateway -----------------------------------------------------------------------------

  async createPixCharge(request: PixChargeRequest): Promise<PixCharge> {
    const merchant = { name: this.options.merchantName, city: this.options.merchantCity };
    const locationId = toLocationId(await this.call({ method: 'POST', path: '/pix/v1/location', body: locationBody(request, merchant), operation: 'PIX location' }));
    const path = request.dueDate ? '/pix/v1/collection/duedate' : '/pix/v1/collection/immediate';
    const response = await this.call({ method: 'POST', path, body: pixCollectionBody(request, this.options.pixKey, locationId), operation: 'PIX charge' });
    return toPixCharge(response, request.amountCentavos);
  }

  async createBoleto(request: BoletoRequest): Promise<Boleto> {
    return toBoleto(await this.call({ method: 'POST', path: '/baas/v2/charge', body: boletoBody(request, this.options.receiverAccount ?? this.options.clientId), operation: 'boleto' }));
  }

  async chargeCard(request: CardChargeRequest): Promise<CardCharge> {
    return toCardCharge(await this.call({ method: 'POST', path: '/card/v1/charge', body: cardChargeBody(request), operation: 'card charge' }));
  }

  /** Celcoin's ids do not say which product made them: ask PIX, then boleto, then card. */
  async getCharge(transactionId: string): Promise<ChargeView> {
    const id = encodeURIComponent(transactionId);
    const view = await this.firstFound([
      async () => pixChargeView(await this.call({ method: 'GET', path: `/pix/v1/collection/${id}`, operation: 'PIX charge lookup' })),
      async () => boletoChargeView(await this.call({ method: 'GET', path: `/baas/v2/charge/${id}`, operation: 'boleto lookup' })),
      async () => cardChargeView(await this.call({ method: 'GET', path: `/card/v1/charge/${id}`, operation: 'card charge lookup' })),
    ]);
    if (!view) throw new GatewayRejectedError(`Celcoin has no charge ${transactionId}`, 'NOT_FOUND');
    return view;
  }

  async findChargeByClientRequestId(clientRequestId: string): Promise<ChargeView | null> {
    const key = encodeURIComponent(clientRequestId);
    return this.firstFound([
      async () => pixChargeView(await this.call({ method: 'GET', path: `/pix/v1/collection?clientRequestId=${key}`, operation: 'PIX charge lookup' })),
      async () => boletoChargeView(await this.call({ method: 'GET', path: `/baas/v2/charge?externalId=${key}`, operation: 'boleto lookup' })),
      async () => cardChargeView(await this.call({ method: 'GET', path: `/card/v1/charge?clientRequestId=${key}`, operation: 'card charge lookup' })),
    ]);
  }

  async cancelCharge(transactionId: string): Promise<void> {
    const id = encodeURIComponent(transactionId);
    const done = await this.firstFound([
      async () => this.call({ method: 'DELETE', path: `/pix/v1/collection/${id}`, operation: 'PIX charge cancellation' }),
      async () => this.call({ method: 'DELETE', path: `/baas/v2/charge/${id}`, operation: 'boleto cancellation' }),
    ]);
    if (!done) throw new GatewayRejectedError(`Celcoin has no PIX or boleto charge ${transactionId} to cancel`, 'NOT_FOUND');
  }

  async blockBalance(request: EscrowRequest): Promise<void> {
    await this.call({ method: 'POST', path: '/baas/v1/balance/block', body: blockBody(request), operation: 'balance block' });
  }

  async unblockBalance(request: EscrowRequest): Promise<void> {
    // Without the caller's key, one key per call still makes this call's own retries safe.
    await this.call({ method: 'POST', path: '/baas/v1/balance/unblock', body: unblockBody(request, request.clientRequestId ?? randomUUID()), operation: 'balance unblock' });
  }

  async payout(request: PayoutRequest): Promise<Transfer> {
    return toTransfer(await this.call({ method: 'POST', path: '/pix/v1/payment', body: payoutBody(request), operation: 'PIX payout' }));
  }

  async tedTransfer(request: TedRequest): Promise<Transfer> {
    return toTransfer(await this.call({ method: 'POST', path: '/baas-wallet-transactions-webservice/v1/spb/transfer', body: tedBody(request), operation: 'TED' }));
  }

  /** PIX charges are refunded by a reversal, card charges by the acquirer; boletos cannot be (pay the patient out instead). */
  async refund(request: RefundRequest): Promise<Transfer> {
    const id = encodeURIComponent(request.transactionId);
    const sent = await this.firstFound([
      async () => toTransfer(await this.call({ method: 'POST', path: `/pix/v1/reversal/${id}`, body: reversalBody(request), operation: 'PIX reversal' })),
      async () => toTransfer(await this.call({ method: 'POST', path: `/card/v1/charge/${id}/refund`, body: reversalBody(request), operation: 'card refund' })),
    ]);
    if (!sent) throw new GatewayRejectedError(`Celcoin has no PIX or card charge ${request.transactionId} to refund (boleto payments are refunded with a payout)`, 'NOT_FOUND');
    return sent;
  }

  parseWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): GatewayEvent[] {
    const header = headers.authorization ?? headers.Authorization;
    const presented = Array.isArray(header) ? header[0] : header;
    // Compare digests: equal length, so timingSafeEqual never throws and leaks nothing about the length.
    if (!presented || !timingSafeEqual(digest(presented), this.expectedWebhookAuthorization)) throw new WebhookRejectedError('Webhook credentials do not match');
    let payload: unknown;
    try {
      payload = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw new WebhookRejectedError('Webhook body is not JSON');
    }
    return webhookEvents(payload);
  }

  // ---- HTTP -----------------------------------------------------------------------------------------

  /** Tries each lookup in turn while Celcoin answers 404; null when every one did. */
  private async firstFound<T>(lookups: Array<() => Promise<T>>): Promise<T | null> {
    for (const lookup of lookups) {
      try {
        return await lookup();
      } catch (error) {
        if (!(error instanceof GatewayRejectedError && error.code === 'NOT_FOUND')) throw error;
      }
    }
    return null;
  }

  /** One API call with retries and the circuit breaker; the body (and so the clientRequestId) is the same on every attempt. */
  private async call(request: ApiRequest): Promise<unknown> {
    return this.resilient(request.operation, async () => {
      const token = await this.accessToken();
      return this.breaker.execute(async () => {
        const { status, body } = await this.exchange(request.method, request.path, { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, request.body === undefined ? undefined : JSON.stringify(request.body));
        if (status === 401) {
          this.forgetToken(token);
          throw new StaleTokenError(`Celcoin refused the access token for ${request.operation}`);
        }
        return this.interpret(status, body, request.operation);
      }, (error) => error instanceof TransientError);
    });
  }

  /** One token for everyone: concurrent callers share the request in flight. */
  private accessToken(): Promise<string> {
    if (this.token && Date.now() < this.token.renewAt) return Promise.resolve(this.token.value);
    this.tokenRequest ??= this.requestToken().finally(() => (this.tokenRequest = undefined));
    return this.tokenRequest;
  }

  private forgetToken(token: string) {
    if (this.token?.value === token) this.token = undefined;
  }

  private async requestToken(): Promise<string> {
    const credentials = Buffer.from(`${this.options.clientId}:${this.options.clientSecret}`).toString('base64');
    const response = await this.resilient('access token', () =>
      this.breaker.execute(async () => {
        const { status, body } = await this.exchange('POST', '/v5/token', { authorization: `Basic ${credentials}`, 'content-type': 'application/x-www-form-urlencoded' }, 'grant_type=client_credentials');
        return this.interpret(status, body, 'access token');
      }, (error) => error instanceof TransientError),
    );
    const { token, expiresInSeconds } = toAccessToken(response);
    const lifetimeMs = expiresInSeconds * 1000;
    this.token = { value: token, renewAt: Date.now() + lifetimeMs - Math.min(TOKEN_RENEWAL_MARGIN_MS, lifetimeMs / 10) };
    return token;
  }

  /** Retries what may succeed next time; turns giving up (or an open circuit) into GatewayUnavailableError. */
  private async resilient<T>(operation: string, attempt: () => Promise<T>): Promise<T> {
    try {
      return await retry(attempt, {
        retries: this.options.retries ?? 3,
        baseDelayMs: this.options.retryBaseDelayMs ?? 200,
        maxDelayMs: this.options.retryMaxDelayMs ?? 5000,
        isRetryable,
        onRetry: (error, number, delayMs) => this.options.logger?.warn({ gateway: 'celcoin', operation, attempt: number, delayMs, reason: error instanceof Error ? error.message : String(error) }, 'retrying Celcoin call'),
      });
    } catch (error) {
      if (error instanceof CircuitOpenError) throw new GatewayUnavailableError(`Celcoin ${operation}: ${error.message}`);
      if (error instanceof TransientError) throw new GatewayUnavailableError(`Celcoin ${operation} failed after retries: ${error.message}`);
      if (error instanceof StaleTokenError) throw new GatewayRejectedError(`${error.message} even after renewing it`, 'AUTHENTICATION_FAILED');
      throw error;
    }
  }

  private async exchange(method: string, path: string, headers: Record<string, string>, body: string | undefined): Promise<{ status: number; body: unknown }> {
    let response: Response;
    let text: string;
    try {
      const sent = { accept: 'application/json', ...headers };
      [response, text] = await traceCall(`celcoin ${method} ${path}`, { 'medpay.provider': 'celcoin', 'http.request.method': method }, sent, async () => {
        const answer = await fetch(this.baseUrl + path, { method, headers: sent, body, signal: AbortSignal.timeout(this.timeoutMs) });
        return [answer, await answer.text()] as const;
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new TransientError(`${method} ${path}: ${reason}`);
    }
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: response.status, body: parsed };
  }

  private interpret(status: number, body: unknown, operation: string): unknown {
    if (status >= 200 && status < 300) {
      if (typeof body === 'string') throw new TransientError(`${operation}: Celcoin answered ${status} with a body that is not JSON`);
      return body;
    }
    if (status >= 500 || status === 408 || status === 429) throw new TransientError(`${operation}: Celcoin answered HTTP ${status}`);
    throw rejectionFor(status, body, operation);
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
