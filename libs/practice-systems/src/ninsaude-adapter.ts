// The PracticeSystem on NinSaúde's API (api.ninsaude.com/v1): OAuth2 with short-lived access tokens
// (15 min) renewed from a refresh token that rotates on every use, so each new refresh token is handed
// to the caller to persist before it is relied on; listings paged by limit/offset over "changed since";
// the payment written back to the appointment's conta a receber, keyed by our reference.
import { CachedToken, ProviderClient, type ProviderRequest } from '@medpay/runtime';
import type { z } from 'zod';
import {
  advanceCursor,
  alreadyDelivered,
  appointmentList,
  decodeCursor,
  encodeCursor,
  patientList,
  receivableAnswer,
  receivableBody,
  serviceList,
  toAppointment,
  toProcedure,
  tokenAnswer,
  unitList,
  type NinSaudeAppointment,
  type NinSaudePatient,
  type NinSaudeService,
} from './ninsaude-mapping.js';
import { callJson, type ClientTuning } from './provider-call.js';
import { PracticeSystemError, type AppointmentPage, type ExternalProcedure, type PaymentChange, type PracticeSystem } from './practice-system.js';

export interface NinSaudeLogin {
  /** the clinic's NinSaúde account (conta), its user and password, and the unit (accountUnit) */
  account: string;
  username: string;
  password: string;
  accountUnit: number;
}

export interface NinSaudeAdapterOptions extends ClientTuning {
  baseUrl: string;
  /** the refresh token last stored for this clinic */
  refreshToken: string;
  /**
   * Called with each new refresh token, before any call relies on it: persist it. The previous one is
   * refused once the new one has been used, and using it again makes NinSaúde revoke the connection.
   */
  onRefreshTokenRotated(refreshToken: string): Promise<void> | void;
}

const PAGE_LIMIT = 100;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

export class NinSaudeAdapter implements PracticeSystem {
  readonly kind = 'NINSAUDE' as const;
  private readonly client: ProviderClient;
  private refreshToken: string;

  constructor(private readonly options: NinSaudeAdapterOptions) {
    this.refreshToken = options.refreshToken;
    const { baseUrl, refreshToken: _refreshToken, onRefreshTokenRotated: _onRotated, ...tuning } = options;
    // One CachedToken per adapter: concurrent calls wait for the same refresh instead of each spending the refresh token.
    this.client = new ProviderClient({ provider: 'ninsaude', baseUrl, credentials: new CachedToken(() => this.refreshAccessToken()), ...tuning });
  }

  async account() {
    const units = await this.call(unitList, { method: 'GET', path: '/v1/account_geral/listar?ativo=1', operation: 'account' });
    const unit = units.result.find((candidate) => candidate.ativo === 1);
    if (!unit) throw new PracticeSystemError('INVALID_RESPONSE', this.kind, 'NinSaúde listed no active unit for this account');
    return { accountId: `${unit.account}/${unit.id}`, name: unit.descricao };
  }

  async procedures(): Promise<ExternalProcedure[]> {
    return (await this.services({ activeOnly: true })).map(toProcedure);
  }

  async appointmentsSince(cursor: string | null, limit: number): Promise<AppointmentPage> {
    const from = decodeCursor(cursor);
    if (from === undefined) throw new PracticeSystemError('INVALID_CURSOR', this.kind, 'Not a NinSaúde sync cursor');
    const wanted = Math.min(Math.max(1, Math.floor(limit)), PAGE_LIMIT);
    // The changes already delivered at the cursor's exact time come back first: ask for that many more.
    const pageSize = Math.min(wanted + (from?.seen.length ?? 0), PAGE_LIMIT);
    let fresh: NinSaudeAppointment[] = [];
    let more = false;
    for (let offset = 0; ; offset += pageSize) {
      const query = new URLSearchParams({ limit: String(pageSize), offset: String(offset), ...(from ? { alteradoDesde: from.since } : {}) });
      const page = await this.call(appointmentList, { method: 'GET', path: `/v1/atendimento_agenda/listar?${query}`, operation: 'appointments changed since' });
      const unseen = page.result.filter((appointment) => !alreadyDelivered(from, appointment));
      more = offset + page.result.length < page.total || unseen.length > wanted;
      fresh = unseen.slice(0, wanted);
      if (fresh.length || !more || !page.result.length) break;
    }
    if (!fresh.length) return { appointments: [], cursor, more: false };
    const [patients, services] = await Promise.all([this.patients(fresh.map((appointment) => appointment.paciente)), this.services({ activeOnly: false })]);
    const servicesById = new Map(services.map((service) => [service.id, service]));
    const appointments = fresh.map((appointment) => {
      const patient = patients.get(appointment.paciente);
      if (!patient) throw new PracticeSystemError('INVALID_RESPONSE', this.kind, `NinSaúde has no patient ${appointment.paciente} for appointment ${appointment.id}`);
      return toAppointment(appointment, patient, servicesById);
    });
    return { appointments, cursor: encodeCursor(advanceCursor(from, fresh)!), more };
  }

  async recordPayment(appointmentExternalId: string, change: PaymentChange): Promise<void> {
    await this.call(receivableAnswer, {
      method: 'PUT',
      path: `/v1/atendimento_agenda/${encodeURIComponent(appointmentExternalId)}/conta_receber`,
      body: receivableBody(change),
      operation: 'payment write-back',
    });
  }

  private async services({ activeOnly }: { activeOnly: boolean }): Promise<NinSaudeService[]> {
    const services: NinSaudeService[] = [];
    for (let offset = 0; ; offset += PAGE_LIMIT) {
      const query = new URLSearchParams({ limit: String(PAGE_LIMIT), offset: String(offset), ...(activeOnly ? { ativo: '1' } : {}) });
      const page = await this.call(serviceList, { method: 'GET', path: `/v1/cadastro_servico/listar?${query}`, operation: 'services' });
      services.push(...page.result);
      if (!page.result.length || offset + page.result.length >= page.total) return services;
    }
  }

  private async patients(ids: number[]): Promise<Map<number, NinSaudePatient>> {
    const unique = [...new Set(ids)];
    const query = new URLSearchParams({ ids: unique.join(','), limit: String(unique.length) });
    const page = await this.call(patientList, { method: 'GET', path: `/v1/cadastro_paciente/listar?${query}`, operation: 'patients' });
    return new Map(page.result.map((patient) => [patient.id, patient]));
  }

  /** The refresh grant: a new access token and a new refresh token, persisted by the caller before use. */
  private async refreshAccessToken() {
    const used = this.refreshToken;
    let answer: z.infer<typeof tokenAnswer>;
    try {
      answer = await this.call(tokenAnswer, {
        method: 'POST',
        path: '/v1/oauth2/token',
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: used }).toString(),
        headers: { ...FORM, 'x-grant-type': 'refresh_token' },
        operation: 'token refresh',
        anonymous: true,
      });
    } catch (error) {
      // invalid_grant (400) or an unknown client (401): the refresh token is dead, only a new login revives the connection.
      if (error instanceof PracticeSystemError && (error.status === 400 || error.status === 401)) {
        throw new PracticeSystemError('CREDENTIALS_REFUSED', this.kind, 'NinSaúde refused the refresh token: the clinic must connect NinSaúde again', error.status);
      }
      throw error;
    }
    this.refreshToken = answer.refresh_token;
    if (answer.refresh_token !== used) await this.options.onRefreshTokenRotated(answer.refresh_token);
    return { accessToken: answer.access_token, expiresInSeconds: answer.expires_in };
  }

  private call<Schema extends z.ZodType>(schema: Schema, request: ProviderRequest) {
    return callJson(this.client, this.kind, schema, request);
  }
}

/**
 * The password grant, once, when a clinic connects NinSaúde: only the refresh token it yields is kept
 * (the password is never stored).
 */
export async function exchangeNinSaudeLogin(options: { baseUrl: string; login: NinSaudeLogin } & ClientTuning): Promise<{ refreshToken: string }> {
  const { baseUrl, login, ...tuning } = options;
  const client = new ProviderClient({ provider: 'ninsaude', baseUrl, ...tuning });
  const body = new URLSearchParams({ grant_type: 'password', account: login.account, username: login.username, password: login.password, accountUnit: String(login.accountUnit) }).toString();
  try {
    const answer = await callJson(client, 'NINSAUDE', tokenAnswer, { method: 'POST', path: '/v1/oauth2/token', body, headers: FORM, operation: 'login', anonymous: true });
    return { refreshToken: answer.refresh_token };
  } catch (error) {
    if (error instanceof PracticeSystemError && (error.status === 400 || error.status === 401)) {
      throw new PracticeSystemError('CREDENTIALS_REFUSED', 'NINSAUDE', 'NinSaúde refused the account, user or password', error.status);
    }
    throw error;
  }
}
