// What payments needs from the other subgraphs, asked over their internal endpoints: a procedure's
// price (never taken from the client), a person's clinic roles, the payer's name and CPF for the
// gateway (never stored here), and which of a clinic's payers match a patient search.
import { InternalClient } from '@medpay/runtime';

export interface CatalogProcedure {
  id: string;
  name: string;
  priceCentavos: number;
  interestFreeInstallments: number;
  active: boolean;
  clinic: { id: string; status: string; tradeName: string; legalName: string; cnpj: string };
}

export interface ClinicMembership {
  clinicId: string;
  role: 'ADMIN' | 'STAFF';
}

export class Directory {
  private readonly providers: InternalClient;
  private readonly users: InternalClient;

  constructor(providersUrl: string, usersUrl: string, internalSecret: string) {
    this.providers = new InternalClient(providersUrl, 'payments', internalSecret);
    this.users = new InternalClient(usersUrl, 'payments', internalSecret);
  }

  async procedures(ids: readonly string[]): Promise<CatalogProcedure[]> {
    return (await this.providers.post<{ procedures: CatalogProcedure[] }>('/internal/procedures', { ids }))?.procedures ?? [];
  }

  async memberships(userId: string): Promise<ClinicMembership[]> {
    return (await this.providers.post<{ memberships: ClinicMembership[] }>('/internal/memberships', { userId }))?.memberships ?? [];
  }

  /**
   * Which of these payers match a whole CPF (blind index) or a fragment of the name: the users
   * service answers only among the ids given, so a clinic's search never reaches other people.
   */
  async matchPayers(search: string, among: string[]): Promise<string[]> {
    if (among.length === 0) return [];
    return (await this.users.post<{ userIds: string[] }>('/internal/payer-search', { search, among }))?.userIds ?? [];
  }

  payerIdentity(userId: string): Promise<{ name: string; cpf: string } | null> {
    return this.users.post('/internal/payer-identity', { userId });
  }
}
