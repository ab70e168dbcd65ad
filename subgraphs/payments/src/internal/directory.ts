// What payments needs from the other subgraphs, asked over their internal endpoints: a procedure's
// price (never taken from the client), a person's clinic roles, the payer's name and CPF for the
// gateway (never stored here), the payer's CPF standing for credit, and which of a clinic's payers match a patient search.
import * as contracts from '@medpay/contracts';
import { InternalClient } from '@medpay/runtime';

export type { CatalogProcedure, ClinicMembership } from '@medpay/contracts';

export class Directory {
  private readonly providers: InternalClient;
  private readonly users: InternalClient;

  constructor(providersUrl: string, usersUrl: string, internalSecret: string) {
    this.providers = new InternalClient(providersUrl, 'payments', internalSecret);
    this.users = new InternalClient(usersUrl, 'payments', internalSecret);
  }

  async procedures(ids: readonly string[]): Promise<contracts.CatalogProcedure[]> {
    return (await this.providers.call(contracts.procedures, { ids: [...ids] }))?.procedures ?? [];
  }

  async memberships(userId: string): Promise<contracts.ClinicMembership[]> {
    return (await this.providers.call(contracts.memberships, { userId }))?.memberships ?? [];
  }

  /**
   * Which of these payers match a whole CPF (blind index) or a fragment of the name: the users
   * service answers only among the ids given, so a clinic's search never reaches other people.
   */
  async matchPayers(search: string, among: string[]): Promise<string[]> {
    if (among.length === 0) return [];
    return (await this.users.call(contracts.payerSearch, { search, among }))?.userIds ?? [];
  }

  /** The payer's CPF check at the Receita Federal for credit (null without a CPF). */
  cpfStanding(userId: string): Promise<{ status: string; opensCredit: boolean } | null> {
    return this.users.call(contracts.cpfStanding, { userId });
  }

  /** How to reach the payer (the crediário contract's signer). */
  async payerContact(userId: string): Promise<{ email: string; phone: string | null } | null> {
    return (await this.users.call(contracts.contacts, { userIds: [userId] }))?.contacts[0] ?? null;
  }

  /** A clinic as a statement names it. */
  clinic(clinicId: string): Promise<{ legalName: string; tradeName: string; cnpj: string } | null> {
    return this.providers.call(contracts.clinicParty, { clinicId });
  }

  payerIdentity(userId: string): Promise<{ name: string; cpf: string } | null> {
    return this.users.call(contracts.payerIdentity, { userId });
  }
}
