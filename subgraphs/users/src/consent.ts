// LGPD consent rules: the terms of use and privacy policy in force (from configuration), what each
// person accepted and when, re-acceptance when a newer version is in force, and the marketing opt-in,
// separate from the terms and revocable at any time.
import type { ConsentRecord, ConsentState, ConsentStore } from './consent-store.js';
import { UsersError } from './errors.js';

export interface LegalVersions {
  termsVersion: string;
  termsDate: string;
  privacyPolicyVersion: string;
  privacyPolicyDate: string;
}

export interface AcceptedVersions {
  termsVersion: string;
  privacyPolicyVersion: string;
}

/** What `User.consent` shows: the state, read against the versions in force. */
export interface ConsentStatus {
  userId: string;
  termsVersion: string | null;
  privacyPolicyVersion: string | null;
  acceptedAt: Date | null;
  marketing: boolean;
  marketingUpdatedAt: Date | null;
  needsReacceptance: boolean;
}

/** Whether a person must accept the texts again: nothing accepted yet, or another version in force. */
export const needsReacceptance = (accepted: AcceptedVersions | null, current: AcceptedVersions): boolean =>
  !accepted || accepted.termsVersion !== current.termsVersion || accepted.privacyPolicyVersion !== current.privacyPolicyVersion;

export function statusOf(state: ConsentState, current: LegalVersions): ConsentStatus {
  const accepted = state.terms?.termsVersion && state.terms.privacyPolicyVersion ? { termsVersion: state.terms.termsVersion, privacyPolicyVersion: state.terms.privacyPolicyVersion } : null;
  return {
    userId: state.userId,
    termsVersion: accepted?.termsVersion ?? null,
    privacyPolicyVersion: accepted?.privacyPolicyVersion ?? null,
    acceptedAt: state.terms?.createdAt ?? null,
    marketing: state.marketing?.kind === 'MARKETING_GRANTED',
    marketingUpdatedAt: state.marketing?.createdAt ?? null,
    needsReacceptance: needsReacceptance(accepted, current),
  };
}

export class Consents {
  constructor(
    private readonly store: ConsentStore,
    readonly current: LegalVersions,
  ) {}

  /**
   * Refuses versions other than the ones in force: a person accepts the text they were shown, and a
   * page showing an older one must reload it (checked before a sign-up creates anything).
   */
  assertCurrent(accepted: AcceptedVersions): void {
    if (accepted.termsVersion !== this.current.termsVersion || accepted.privacyPolicyVersion !== this.current.privacyPolicyVersion) {
      throw new UsersError('TERMS_VERSION_OUTDATED', 'Os Termos de Uso ou a Política de Privacidade foram atualizados. Recarregue a página e leia a versão atual.', {
        termsVersion: this.current.termsVersion,
        privacyPolicyVersion: this.current.privacyPolicyVersion,
      });
    }
  }

  async accept(userId: string, accepted: AcceptedVersions, ipAddress: string): Promise<ConsentRecord> {
    this.assertCurrent(accepted);
    return this.store.add({ userId, kind: 'TERMS_ACCEPTED', ...accepted, ipAddress });
  }

  /** Every grant and every revocation is a record of its own, even when it repeats the current choice. */
  setMarketing(userId: string, granted: boolean, ipAddress: string): Promise<ConsentRecord> {
    return this.store.add({ userId, kind: granted ? 'MARKETING_GRANTED' : 'MARKETING_REVOKED', ipAddress });
  }

  async statusesOf(userIds: readonly string[]): Promise<ConsentStatus[]> {
    return (await this.store.statesOf(userIds)).map((state) => statusOf(state, this.current));
  }

  history(userId: string): Promise<ConsentRecord[]> {
    return this.store.history(userId);
  }
}
