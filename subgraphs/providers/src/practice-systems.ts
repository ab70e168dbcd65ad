// The clinics' own systems (Helena CRM, NinSaúde ERP). A clinic's admin connects the account (the
// credentials are encrypted at rest and never shown back; NinSaúde's login is traded once for a
// refresh token), maps the system's procedures to the MedPay catalog and chooses what to sync.
// Sync in: appointments changed since the stored cursor are upserted, and those with a mapped
// procedure get a payment link (payments makes one per appointment, however often asked), which
// notifications sends to the patient. Sync out: the payment made through each link is written back
// (PAID, RELEASED, REFUNDED) with our reference, which the system applies once. The cursor is stored
// after each page and every step is keyed, so a sync cut short by a crash resumes without doubles;
// one sync runs at a time per connection (NinSaúde's refresh token rotates on every use).
import { createPaymentLink, paymentLinkStates } from '@medpay/contracts';
import {
  createPracticeSystem, credentialsToStore, parseHelenaWebhook, PracticeSystemError, WebhookRejectedError, type ExternalAppointment, type PaymentWriteBackStatus, type PracticeSystem, type PracticeSystemKind,
} from '@medpay/practice-systems';
import { AppError, ProviderUnavailableError, type FieldEncryption, type InternalClient, type Logger } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ZodError } from 'zod';
import type { PracticeConnection, Prisma, PrismaClient } from './generated/prisma/client.js';
import { ProvidersError } from './errors.js';

export interface PracticeSystemsOptions {
  /** each kind's API base URL */
  baseUrls: Record<PracticeSystemKind, string>;
  /** the clinic dashboard: where a written-back payment points (its receipt is there) */
  providerAppUrl: string;
  /** how often an active connection is synced in the background */
  syncIntervalMs: number;
}

export interface SyncOutcome {
  imported: number;
  linked: number;
  writtenBack: number;
  errors: string[];
}

/** What the patient gave the clinic's system, kept encrypted. */
interface AppointmentPatient {
  externalId: string;
  name: string;
  cpf: string | null;
  email: string | null;
  phone: string | null;
}

const PAGE = 50;
/** a sync that failed is tried again this soon (or at the usual interval, if sooner) */
const RETRY_AFTER_FAILURE_MS = 30_000;
const LEASE_MS = 5 * 60_000;
/** how long a sync the clinic asks for waits for one already running (the background's) */
const SYNC_WAIT_MS = 20_000;
/** a link for an appointment lasts until a week after it, within payments' 1 hour to 90 days */
const LINK_AFTER_APPOINTMENT_MS = 7 * 86_400_000;
const payable = new Set(['SCHEDULED', 'CONFIRMED', 'DONE']);
/** the payment statuses that mean paid, released to the clinic, refunded in full */
const PAID = new Set(['PAID', 'IN_ESCROW', 'RELEASED', 'PAID_OUT', 'DISPUTED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'CHARGED_BACK']);
const RELEASED = new Set(['RELEASED', 'PAID_OUT']);
const REFUNDED = new Set(['REFUNDED']);

export class PracticeSystems {
  /** the last use of each connection's credentials in this process (withSystem) */
  private readonly inUse = new Map<string, Promise<unknown>>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly payments: InternalClient,
    private readonly encryption: FieldEncryption,
    private readonly options: PracticeSystemsOptions,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Verifies the credentials with the system and keeps what it takes to sync (never the NinSaúde password). */
  async connect(clinicId: string, kind: PracticeSystemKind, input: Record<string, unknown>): Promise<PracticeConnection> {
    const clean = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined && value !== ''));
    const baseUrl = this.options.baseUrls[kind];
    let stored;
    let account;
    try {
      stored = await credentialsToStore(kind, clean, { baseUrl });
      let current = stored;
      const system = createPracticeSystem(kind, { baseUrl, credentials: stored, onCredentialsChanged: async (rotated) => void (current = rotated) });
      account = await system.account();
      stored = current;
    } catch (error) {
      throw this.connectionRefusal(error);
    }
    const credentials = this.encryption.encrypt(JSON.stringify(stored));
    // One live connection per clinic and system, even when two connects race: the partial unique index decides.
    const [live] = await this.prisma.$queryRaw<[{ id: string }]>`
      INSERT INTO practice_connections (id, clinic_id, kind, account_id, account_name, credentials_encrypted)
      VALUES (${randomUUID()}::uuid, ${clinicId}::uuid, ${kind}::practice_system_kind, ${account.accountId}, ${account.name}, ${credentials})
      ON CONFLICT (clinic_id, kind) WHERE status <> 'DISCONNECTED' DO UPDATE SET
        account_id = EXCLUDED.account_id, account_name = EXCLUDED.account_name, credentials_encrypted = EXCLUDED.credentials_encrypted,
        status = 'ACTIVE', last_error = NULL, updated_at = now()
      RETURNING id`;
    return this.prisma.practiceConnection.findUniqueOrThrow({ where: { id: live.id } });
  }

  ofClinic(clinicId: string): Promise<PracticeConnection[]> {
    return this.prisma.practiceConnection.findMany({ where: { clinicId, status: { not: 'DISCONNECTED' } }, orderBy: { createdAt: 'asc' } });
  }

  byId(id: string): Promise<PracticeConnection | null> {
    return this.prisma.practiceConnection.findUnique({ where: { id } });
  }

  /** The system's procedures as it lists them now (empty when it cannot be reached). */
  async externalProcedures(connection: PracticeConnection) {
    if (connection.status !== 'ACTIVE') return [];
    try {
      return await this.withSystem(connection, (system) => system.procedures());
    } catch (error) {
      this.logger.warn({ connectionId: connection.id, err: error }, 'practice system procedures not listed');
      return [];
    }
  }

  async map(connection: PracticeConnection, code: string, procedureId: string | null): Promise<PracticeConnection> {
    const map = { ...(connection.procedureMap as Record<string, string>) };
    if (procedureId) map[code] = procedureId;
    else delete map[code];
    return this.prisma.practiceConnection.update({ where: { id: connection.id }, data: { procedureMap: map } });
  }

  setSync(connection: PracticeConnection, syncAppointments: boolean, writeBack: boolean) {
    return this.prisma.practiceConnection.update({ where: { id: connection.id }, data: { syncAppointments, writeBack } });
  }

  disconnect(connection: PracticeConnection) {
    return this.prisma.practiceConnection.update({ where: { id: connection.id }, data: { status: 'DISCONNECTED', credentialsEncrypted: this.encryption.encrypt('{}') } });
  }

  syncLog(connectionId: string, first: number) {
    return this.prisma.practiceSyncRun.findMany({ where: { connectionId }, orderBy: { startedAt: 'desc' }, take: first });
  }

  appointments(connectionId: string, first: number) {
    return this.prisma.practiceAppointment.findMany({ where: { connectionId }, orderBy: { startsAt: 'asc' }, take: first });
  }

  patientOf(appointment: { patientEncrypted: string }): AppointmentPatient {
    return JSON.parse(this.encryption.decrypt(appointment.patientEncrypted)) as AppointmentPatient;
  }

  /**
   * The connection a Helena webhook is for: the account it names, whose stored webhook secret verifies
   * the signature on the raw body; null for a webhook none of ours verifies.
   */
  async webhookConnection(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): Promise<PracticeConnection | null> {
    let accountId: unknown;
    try {
      accountId = (JSON.parse(rawBody.toString('utf8')) as { accountId?: unknown }).accountId;
    } catch {
      return null;
    }
    if (typeof accountId !== 'string') return null;
    const candidates = await this.prisma.practiceConnection.findMany({ where: { kind: 'HELENA', status: 'ACTIVE', accountId } });
    for (const connection of candidates) {
      const { webhookSecret } = JSON.parse(this.encryption.decrypt(connection.credentialsEncrypted)) as { webhookSecret?: string };
      if (!webhookSecret) continue;
      try {
        parseHelenaWebhook(rawBody, headers, webhookSecret);
        return connection;
      } catch (error) {
        if (!(error instanceof WebhookRejectedError)) throw error;
      }
    }
    return null;
  }

  /** The background pass: every active connection whose sync is due. */
  async pass(): Promise<void> {
    const due = await this.prisma.practiceConnection.findMany({
      where: { status: 'ACTIVE', OR: [{ lastSyncedAt: null }, { lastSyncedAt: { lt: new Date(this.now().getTime() - this.options.syncIntervalMs) } }] },
      select: { id: true },
    });
    for (const { id } of due) await this.sync(id).catch((error: unknown) => this.logger.warn({ connectionId: id, err: error }, 'practice system sync failed'));
  }

  /** Syncs one connection now; null when another sync of it is running. */
  /**
   * The sync a clinic asks for ("Sincronizar agora"): one that starts now, after the one already running
   * (which may have read the system before the change the clinic wants brought in), waited for up to 20 s.
   */
  async syncNow(connectionId: string): Promise<void> {
    for (const started = Date.now(); (await this.sync(connectionId)) === null; await sleep(250)) {
      const current = await this.byId(connectionId);
      if (current?.status !== 'ACTIVE' || !current.syncingUntil || Date.now() - started > SYNC_WAIT_MS) return;
    }
  }

  async sync(connectionId: string): Promise<SyncOutcome | null> {
    const now = this.now();
    const claimed = await this.prisma.practiceConnection.updateMany({
      where: { id: connectionId, status: 'ACTIVE', OR: [{ syncingUntil: null }, { syncingUntil: { lt: now } }] },
      data: { syncingUntil: new Date(now.getTime() + LEASE_MS) },
    });
    if (claimed.count === 0) return null;
    const run = await this.prisma.practiceSyncRun.create({ data: { id: randomUUID(), connectionId, startedAt: now } });
    const outcome: SyncOutcome = { imported: 0, linked: 0, writtenBack: 0, errors: [] };
    let failed: PracticeConnection['status'] | null = null;
    let cutShort = false;
    try {
      const connection = (await this.byId(connectionId))!;
      await this.withSystem(connection, async (system) => {
        if (connection.syncAppointments) await this.syncIn(connection, system, outcome);
        if (connection.writeBack) await this.syncOut(connection, system, outcome);
      });
    } catch (error) {
      cutShort = true;
      if (error instanceof PracticeSystemError && error.code === 'CREDENTIALS_REFUSED') {
        failed = 'FAILED';
        outcome.errors.push('O sistema recusou as credenciais: conecte a conta de novo.');
      } else {
        outcome.errors.push(error instanceof ProviderUnavailableError ? 'O sistema da clínica não respondeu; a sincronização continua na próxima vez.' : 'A sincronização falhou; ela continua de onde parou na próxima vez.');
        this.logger.warn({ connectionId, err: error }, 'practice system sync cut short');
      }
    } finally {
      const finishedAt = this.now();
      await this.prisma.practiceSyncRun.update({ where: { id: run.id }, data: { finishedAt, imported: outcome.imported, linked: outcome.linked, writtenBack: outcome.writtenBack, errors: outcome.errors } });
      // A sync cut short is due again soon rather than at the usual interval.
      const dueIn = cutShort ? Math.min(this.options.syncIntervalMs, RETRY_AFTER_FAILURE_MS) : this.options.syncIntervalMs;
      await this.prisma.practiceConnection.update({
        where: { id: connectionId },
        data: { syncingUntil: null, lastSyncedAt: new Date(finishedAt.getTime() - this.options.syncIntervalMs + dueIn), lastError: outcome.errors[0] ?? null, ...(failed ? { status: failed } : {}) },
      });
    }
    return outcome;
  }

  /** Appointments changed since the cursor, page by page; the cursor stored after each page. */
  private async syncIn(connection: PracticeConnection, system: PracticeSystem, outcome: SyncOutcome) {
    const map = connection.procedureMap as Record<string, string>;
    let cursor = connection.cursor;
    for (;;) {
      const page = await system.appointmentsSince(cursor, PAGE);
      for (const appointment of page.appointments) {
        outcome.imported += 1;
        const stored = await this.upsert(connection, appointment);
        const procedureId = appointment.procedureCode ? map[appointment.procedureCode] : undefined;
        if (!procedureId || stored.paymentLinkId || !payable.has(appointment.status)) continue;
        if (!appointment.patient.email) {
          outcome.errors.push(`Agendamento ${appointment.externalId}: o paciente não tem e-mail no sistema, e o link não foi enviado.`);
          continue;
        }
        try {
          const link = await this.payments.call(createPaymentLink, {
            clinicId: connection.clinicId,
            procedureId,
            patient: { name: appointment.patient.name, email: appointment.patient.email, phone: appointment.patient.phone ?? null, cpf: appointment.patient.cpf ?? null },
            expiresAt: this.linkExpiry(appointment.startsAt).toISOString(),
            source: `${connection.kind}:${connection.id}:${appointment.externalId}`,
          });
          if (!link) continue;
          await this.prisma.practiceAppointment.update({ where: { id: stored.id }, data: { paymentLinkId: link.linkId, paymentLinkToken: link.token } });
          outcome.linked += 1;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          outcome.errors.push(`Agendamento ${appointment.externalId}: ${error.message}`);
        }
      }
      cursor = page.cursor;
      await this.prisma.practiceConnection.update({ where: { id: connection.id }, data: { cursor } });
      if (!page.more) return;
    }
  }

  /** Each link's payment written back, status by status, once (our reference makes a retry harmless). */
  private async syncOut(connection: PracticeConnection, system: PracticeSystem, outcome: SyncOutcome) {
    const linked = await this.prisma.practiceAppointment.findMany({ where: { connectionId: connection.id, paymentLinkId: { not: null }, NOT: { writtenBack: { has: 'REFUNDED' } } } });
    for (let i = 0; i < linked.length; i += 500) {
      const batch = linked.slice(i, i + 500);
      const states = (await this.payments.call(paymentLinkStates, { linkIds: batch.map((appointment) => appointment.paymentLinkId!) }))?.links ?? [];
      const byLink = new Map(states.map((state) => [state.linkId, state]));
      for (const appointment of batch) {
        const state = byLink.get(appointment.paymentLinkId!);
        if (!state?.paymentId || !state.paymentStatus) continue;
        const reached: PaymentWriteBackStatus[] = [];
        if (PAID.has(state.paymentStatus)) reached.push('PAID');
        if (RELEASED.has(state.paymentStatus)) reached.push('RELEASED');
        if (REFUNDED.has(state.paymentStatus)) reached.push('REFUNDED');
        for (const status of reached.filter((candidate) => !appointment.writtenBack.includes(candidate))) {
          await system.recordPayment(appointment.externalId, {
            reference: `${state.paymentId}:${status}`,
            status,
            amountCentavos: status === 'REFUNDED' ? state.refundedCentavos : state.paidCentavos,
            at: state.paidAt ? new Date(state.paidAt) : this.now(),
            receiptUrl: new URL(`/pagamentos/${state.paymentId}`, this.options.providerAppUrl).toString(),
            ...(state.method ? { method: state.method } : {}),
          });
          await this.prisma.$executeRaw`UPDATE practice_appointments SET written_back = array_append(written_back, ${status}), updated_at = now() WHERE id = ${appointment.id}::uuid AND NOT (${status} = ANY(written_back))`;
          appointment.writtenBack.push(status);
          outcome.writtenBack += 1;
        }
      }
    }
  }

  private async upsert(connection: PracticeConnection, appointment: ExternalAppointment) {
    const patient: AppointmentPatient = {
      externalId: appointment.patient.externalId,
      name: appointment.patient.name,
      cpf: appointment.patient.cpf ?? null,
      email: appointment.patient.email ?? null,
      phone: appointment.patient.phone ?? null,
    };
    const fields = { status: appointment.status, startsAt: appointment.startsAt, procedureCode: appointment.procedureCode, patientEncrypted: this.encryption.encrypt(JSON.stringify(patient)) };
    return this.prisma.practiceAppointment.upsert({
      where: { connectionId_externalId: { connectionId: connection.id, externalId: appointment.externalId } },
      create: { id: randomUUID(), connectionId: connection.id, externalId: appointment.externalId, ...fields },
      update: fields,
    });
  }

  private linkExpiry(startsAt: Date): Date {
    const now = this.now().getTime();
    return new Date(Math.min(Math.max(startsAt.getTime() + LINK_AFTER_APPOINTMENT_MS, now + 2 * 3600_000), now + 89 * 86_400_000));
  }

  /** The system's adapter on the stored credentials; a rotated NinSaúde refresh token is stored before it is used. */
  /**
   * Works with the connection's system, one use at a time per connection in this process, each with the
   * credentials as stored now: NinSaúde's refresh token rotates on every use, and one used twice (a sync
   * and the dashboard listing procedures at once, or a stale copy) revokes the whole family.
   */
  private async withSystem<T>(connection: PracticeConnection, work: (system: PracticeSystem) => Promise<T>): Promise<T> {
    const turn = (this.inUse.get(connection.id) ?? Promise.resolve()).catch(() => undefined).then(async () => {
      const current = (await this.byId(connection.id)) ?? connection;
      const credentials = JSON.parse(this.encryption.decrypt(current.credentialsEncrypted)) as Prisma.InputJsonValue;
      const system = createPracticeSystem(current.kind, {
        baseUrl: this.options.baseUrls[current.kind],
        credentials,
        onCredentialsChanged: async (rotated) => {
          await this.prisma.practiceConnection.update({ where: { id: current.id }, data: { credentialsEncrypted: this.encryption.encrypt(JSON.stringify(rotated)) } });
        },
      });
      return work(system);
    });
    this.inUse.set(connection.id, turn);
    try {
      return await turn;
    } finally {
      if (this.inUse.get(connection.id) === turn) this.inUse.delete(connection.id);
    }
  }

  private connectionRefusal(error: unknown): ProvidersError {
    if (error instanceof ZodError) return new ProvidersError('BAD_USER_INPUT', 'Informe as credenciais do sistema: o token da API (Helena) ou conta, usuário e senha (NinSaúde).', { field: 'credentials' });
    if (error instanceof PracticeSystemError && error.code === 'CREDENTIALS_REFUSED') return new ProvidersError('PRACTICE_CREDENTIALS_REFUSED', 'O sistema recusou essas credenciais. Confira e tente de novo.', { field: 'credentials' });
    if (error instanceof ProviderUnavailableError) return new ProvidersError('PRACTICE_SYSTEM_UNAVAILABLE', 'O sistema da clínica não respondeu agora. Tente de novo em alguns minutos.');
    throw error;
  }
}
