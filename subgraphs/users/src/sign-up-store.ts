// Data access for sign-ups waiting for their e-mail to be confirmed: the one place that knows the
// sign_ups table. Confirmation tokens are minted here and kept only as their SHA-256.
import type { FieldEncryption } from '@medpay/runtime';
import type { ConsentStore } from './consent-store.js';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient, SignUp, User } from './generated/prisma/client.js';
import { recordSignUpExistingAccount, recordSignUpRequested, type AccountMatch } from './outbox-store.js';
import { takenKey } from './user-store.js';
import type { CpfCheck } from './cpf-checks.js';

export type { SignUp };

export const hashConfirmationToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface NewSignUp {
  name: string;
  email: string;
  cpf: string;
  phone?: string;
  passwordHash: string;
  expiresAt: Date;
  /** the versions of the terms and privacy policy accepted on the form (checked current) */
  termsVersion: string | null;
  privacyPolicyVersion: string | null;
  /** the client's address, as the router saw it */
  ipAddress: string;
  /** the Receita's answer (UNVERIFIED: it did not answer; the account's check is queued) */
  cpfStatus: CpfCheck['status'];
  cpfCheckedAt: Date | null;
}

/** What one registration writes: a sign-up to confirm (none when its e-mail has an account), and the owners to tell. */
export interface SignUpRecord {
  signUp: NewSignUp | null;
  existingAccounts: Array<{ userId: string; matched: AccountMatch[] }>;
}

/** A sign-up as its e-mail shows it: where it goes, to whom, and the token minted for it now. */
export interface MintedConfirmation {
  signUp: SignUp;
  token: string;
}

export class SignUpStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly encryption: FieldEncryption,
    private readonly consents: ConsentStore,
  ) {}

  /** Writes the sign-up (if any) and the events of the registration in one transaction; the new sign-up's id. */
  async record(record: SignUpRecord, at: Date): Promise<string | null> {
    return this.prisma.$transaction(async (tx) => {
      let id: string | null = null;
      if (record.signUp) {
        const { cpf, ...fields } = record.signUp;
        id = randomUUID();
        await tx.signUp.create({ data: { id, ...fields, cpfEncrypted: this.encryption.encrypt(cpf), cpfBlindIndex: this.encryption.blindIndex(cpf), createdAt: at } });
        await recordSignUpRequested(tx, id, at);
      }
      for (const account of record.existingAccounts) await recordSignUpExistingAccount(tx, account.userId, account.matched, at);
      return id;
    });
  }

  /** The open sign-up (not confirmed, voided or expired at `now`) with this id. */
  open(id: string, now: Date): Promise<SignUp | null> {
    return this.prisma.signUp.findFirst({ where: { id, closedAt: null, expiresAt: { gt: now } } });
  }

  /** A new confirmation token for an open sign-up, replacing the last one; null when it is not open. */
  async mint(id: string, now: Date): Promise<MintedConfirmation | null> {
    const token = randomBytes(32).toString('base64url');
    const minted = await this.prisma.signUp.updateManyAndReturn({ where: { id, closedAt: null, expiresAt: { gt: now } }, data: { tokenHash: hashConfirmationToken(token) } });
    return minted[0] ? { signUp: minted[0], token } : null;
  }

  /** The sign-up a confirmation token was minted for (open or not); null for a token never minted or replaced. */
  byToken(token: string): Promise<SignUp | null> {
    return this.prisma.signUp.findUnique({ where: { tokenHash: hashConfirmationToken(token) } });
  }

  /**
   * Turns an open sign-up into its account, once: closes it and inserts the user, with the consent given
   * on the sign-up form, in one transaction, so two confirmations at once make one account. 'closed' when it was closed (or expired) meanwhile;
   * 'email' or 'cpf' when that key already belongs to an account (the sign-up is then voided).
   */
  async confirm(signUp: SignUp, now: Date, insert: (tx: Prisma.TransactionClient, cpf: string) => Promise<User>): Promise<User | 'closed' | 'email' | 'cpf'> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const claimed = await tx.signUp.updateMany({ where: { id: signUp.id, closedAt: null, expiresAt: { gt: now } }, data: { closedAt: now } });
        if (claimed.count === 0) return 'closed' as const;
        const user = await insert(tx, this.encryption.decrypt(signUp.cpfEncrypted));
        if (signUp.termsVersion && signUp.privacyPolicyVersion) {
          const { termsVersion, privacyPolicyVersion, ipAddress } = signUp;
          await this.consents.add({ userId: user.id, kind: 'TERMS_ACCEPTED', termsVersion, privacyPolicyVersion, ipAddress }, tx);
        }
        return user;
      });
    } catch (error) {
      const taken = takenKey(error);
      await this.close(signUp.id, now);
      return taken;
    }
  }

  /** Voids an open sign-up: its links stop working. */
  async close(id: string, now: Date): Promise<void> {
    await this.prisma.signUp.updateMany({ where: { id, closedAt: null }, data: { closedAt: now } });
  }

  /** Forgets sign-ups that expired before `before` (confirmed or not): their data lives on only in the accounts made. */
  async forgetExpired(before: Date): Promise<number> {
    return (await this.prisma.signUp.deleteMany({ where: { expiresAt: { lt: before } } })).count;
  }
}
