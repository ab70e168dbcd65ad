// Clinic service: registration, browsing, platform review, the clinic's team and where its payouts go,
// for a viewer; the pure checks live in clinic-rules.ts and payout-rules.ts, the rows in clinic-store.ts.
import { formatCnpj } from '@medpay/br-documents';
import { decodeCursor, emptyPage, forbidden, notFound, pageSize, unauthenticated, type Page } from '@medpay/runtime';
import type { ClinicFilter } from './__generated__/resolvers-types.js';
import { ProvidersError } from './errors.js';
import { recordClinicStatusChanged, recordClinicCreated, recordPayoutAccountChanged } from './outbox-store.js';
import { BANKS, sameBankAccount, validateBankAccount, type BankAccount } from './payout-rules.js';
import type { Viewer } from './access.js';
import { normalizeState, statusChange, validateClinicRegistration, type RegisterClinicInput } from './clinic-rules.js';
import type { Clinic, ClinicMember, ClinicStatus, ClinicStore, StaffRole } from './clinic-store.js';
import type { StaffGrants } from './users-client.js';
import type { CnpjChecks } from './cnpj-checks.js';
import type { Agreements } from './agreements.js';
import { cleanText, fold, isUuid } from './validation.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

const cnpjTaken = () => new ProvidersError('CNPJ_TAKEN', 'Já existe uma clínica cadastrada com este CNPJ.', { field: 'cnpj' });

export class Clinics {
  constructor(
    private readonly store: ClinicStore,
    private readonly users: StaffGrants,
    private readonly cnpjChecks: Pick<CnpjChecks, 'assertApprovable' | 'checkNow'>,
    private readonly agreements: Pick<Agreements, 'request'>,
    /** tells the outbox relay there is something to publish */
    private readonly published: () => void = () => {},
  ) {}

  /** Anyone sees ACTIVE clinics; platform admins see every status and may filter by it. */
  async browse(viewer: Viewer, filter: ClinicFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<Clinic>> {
    const take = pageSize(first, 20);
    const cursor = decodeCursor(after);
    let status: ClinicStatus | null = filter.status ?? null;
    if (!viewer.isPlatformAdmin) {
      if (status && status !== 'ACTIVE') return emptyPage();
      status = 'ACTIVE';
    }
    const state = filter.state?.trim() ? normalizeState(filter.state) : undefined;
    if (state === null) return emptyPage();
    return this.store.search(
      {
        status,
        state,
        cityKey: filter.city?.trim() ? fold(filter.city) : undefined,
        specialtyKey: filter.specialty?.trim() ? fold(filter.specialty) : undefined,
        search: filter.search?.trim() ? cleanText(filter.search).slice(0, 120) : undefined,
      },
      take,
      cursor,
    );
  }

  /**
   * A person registers a clinic: it waits in PENDING_REVIEW with them as its admin, announced to the
   * back office by clinic.submitted in the same transaction. The role is granted first so that a
   * failure there leaves no clinic without a working admin behind.
   */
  async register(viewer: Viewer, input: RegisterClinicInput): Promise<Clinic> {
    const userId = viewer.requireUser();
    const registration = validateClinicRegistration(input);
    if (await this.store.cnpjTaken(registration.cnpj)) throw cnpjTaken();
    if (!(await this.users.grant({ userId }))) throw notFound('Usuário');
    const created = await this.store.create(registration, userId, {}, recordClinicCreated);
    if (created === 'cnpj') throw cnpjTaken();
    this.published();
    return created;
  }

  async setStatus(viewer: Viewer, id: string, target: ClinicStatus, reason: string | null | undefined): Promise<Clinic> {
    viewer.assertPlatformAdmin();
    const clinic = await this.store.findById(id);
    if (!clinic) throw notFound('Clínica');
    const change = statusChange(clinic.status, target, reason);
    if (target === 'ACTIVE') await this.cnpjChecks.assertApprovable(clinic);
    const updated = await this.store.changeStatus(id, clinic.status, change, recordClinicStatusChanged);
    // Someone else moved it meanwhile: judge the move again against what it is now.
    if (!updated) return this.setStatus(viewer, id, target, reason);
    this.published();
    if (updated.status === 'AWAITING_AGREEMENT') await this.agreements.request(updated);
    return updated;
  }

  /** The back office sends the service agreement again (the last one was refused or expired). */
  async sendAgreement(viewer: Viewer, id: string) {
    viewer.assertPlatformAdmin();
    const clinic = await this.store.findById(id);
    if (!clinic) throw notFound('Clínica');
    await this.agreements.request(clinic);
    return clinic;
  }

  /** The back office checks the clinic's CNPJ at the Receita Federal again, now. */
  async checkCnpj(viewer: Viewer, id: string): Promise<Clinic> {
    viewer.assertPlatformAdmin();
    const clinic = await this.store.findById(id);
    if (!clinic) throw notFound('Clínica');
    return this.cnpjChecks.checkNow(clinic);
  }

  async addStaff(viewer: Viewer, clinicId: string, emailInput: string, role: StaffRole): Promise<ClinicMember> {
    viewer.requireUser();
    await viewer.assertCanManageClinic(clinicId);
    const email = emailInput.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) throw new ProvidersError('BAD_USER_INPUT', 'Informe um e-mail válido.', { field: 'email' });
    const account = await this.users.grant({ email });
    if (!account) {
      throw new ProvidersError('NOT_FOUND', 'Nenhuma conta MedPay com este e-mail. Peça para a pessoa criar a conta e tente de novo.', { field: 'email' });
    }
    const member = await this.store.addMember(clinicId, account.userId, role);
    if (member === 'exists') throw new ProvidersError('CONFLICT', 'Esta pessoa já faz parte da equipe da clínica.', { field: 'email' });
    return member;
  }

  async removeStaff(viewer: Viewer, clinicId: string, userId: string): Promise<boolean> {
    viewer.requireUser();
    await viewer.assertCanManageClinic(clinicId);
    const result = isUuid(userId) ? await this.store.removeMember(clinicId, userId) : 'not-member';
    if (result === 'not-member') throw new ProvidersError('NOT_FOUND', 'Esta pessoa não faz parte da equipe da clínica.', { field: 'userId' });
    if (result === 'last-admin') {
      throw new ProvidersError('LAST_CLINIC_ADMIN', 'A clínica precisa de ao menos um administrador. Adicione outro antes de remover este.', { field: 'userId' });
    }
    return true;
  }

  /**
   * The clinic's admins (only they) choose where payouts go: PIX to its CNPJ key, or TED to a bank
   * account in its name. The team hears of every change (clinic.payout_account_changed).
   */
  async setPayoutAccount(viewer: Viewer, clinicId: string, method: 'PIX' | 'TED', bankAccountInput: Parameters<typeof validateBankAccount>[0] | null | undefined): Promise<Clinic> {
    const userId = viewer.requireUser();
    await viewer.assertCanManageClinic(clinicId);
    if (method === 'TED' && !bankAccountInput) throw new ProvidersError('BAD_USER_INPUT', 'Para receber por TED, informe a conta bancária da clínica.', { field: 'bankAccount' });
    const bankAccount = method === 'TED' ? validateBankAccount(bankAccountInput!) : null;
    const clinic = await this.store.findById(clinicId);
    if (!clinic) throw notFound('Clínica');
    // Saving what is there already changes nothing, and tells nobody.
    if (sameBankAccount(clinic.payoutBankAccount as BankAccount | null, bankAccount)) return clinic;
    const updated = await this.store.setPayoutBankAccount(clinicId, bankAccount ? { ...bankAccount } : null, (tx, changed) => recordPayoutAccountChanged(tx, changed, userId));
    this.published();
    return updated;
  }

  /** Where the clinic's payouts go; its staff and platform admins. */
  async payoutAccount(viewer: Viewer, clinic: Clinic) {
    await viewer.assertCanReadPrivate(clinic.id);
    const bankAccount = clinic.payoutBankAccount as BankAccount | null;
    return bankAccount
      ? { method: 'TED' as const, pixKey: null, bankAccount: { ...bankAccount, bankName: BANKS[bankAccount.ispb] ?? bankAccount.ispb } }
      : { method: 'PIX' as const, pixKey: formatCnpj(clinic.cnpj), bankAccount: null };
  }

  async members(viewer: Viewer, clinicId: string): Promise<ClinicMember[]> {
    await viewer.assertCanReadPrivate(clinicId);
    return this.store.members(clinicId);
  }

  /** Only the person themself and platform admins see where someone works. */
  async membershipsOf(viewer: Viewer, userId: string): Promise<Array<{ clinic: Clinic; role: StaffRole }>> {
    if (!viewer.claims) throw unauthenticated();
    if (viewer.userId !== userId && !viewer.isPlatformAdmin) throw forbidden();
    return this.store.membershipsWithClinics(userId);
  }

  /** The person's memberships for their data export: theirs alone. */
  /** The clinics that would be left without an admin if the person left (their account's deletion waits for another admin). */
  async soleAdminOf(viewer: Viewer, userId: string) {
    viewer.assertSelf(userId);
    return this.store.solelyAdministeredBy(userId);
  }

  async personalMemberships(viewer: Viewer, userId: string) {
    viewer.assertSelf(userId);
    const rows = await this.store.membershipsWithClinics(userId);
    return rows.map(({ clinic, role, createdAt }) => ({ clinicId: clinic.id, clinicTradeName: clinic.tradeName, role, since: createdAt }));
  }
}
