// The data subject's export (LGPD art. 18 II and V): a request is recorded at once and answered in the
// background, where the package is assembled through the router with the person's own claims — each
// subgraph contributes its part of `PersonalData`, resolved only for its owner — so the package holds
// exactly what the graph would show the person, and no service reads another's tables. Downloads go
// through short-lived signed links.
import type { Logger } from '@medpay/runtime';
import type { DataExportRow, DataExportStore } from './data-export-store.js';
import { UsersError } from './errors.js';
import type { Prisma } from './generated/prisma/client.js';
import { checkExportLink, signExportLink, type LinkCheck } from './export-links.js';
import type { RouterAsPerson } from './router-as-person.js';
import type { UserStore } from './user-store.js';

export const EXPORT_FORMAT = 'medpay-data-export/1';

/** Every part of the package, each resolved by the subgraph that holds it (see each schema.graphql). */
export const PERSONAL_DATA_QUERY = `query PersonalDataExport {
  myPersonalData { userId account clinicMemberships payments notifications analytics assistant }
}`;

export interface DataExportSettings {
  publicRouterUrl: string;
  linkSecret: string;
  linkTtlSeconds: number;
  /** how long a built package is kept */
  retentionHours: number;
  perDay: number;
}

export interface DataExportView extends DataExportRow {
  downloadUrl: string | null;
  expiresAt: Date | null;
}

const MAX_ATTEMPTS = 5;
const LIST_SIZE = 20;

export class DataExports {
  constructor(
    private readonly exports: DataExportStore,
    private readonly users: UserStore,
    /** the package is assembled through the router, as the person */
    private readonly router: RouterAsPerson,
    private readonly settings: DataExportSettings,
    private readonly logger: Logger,
    /** asks the background builder to run now */
    private readonly kick: () => void,
    private readonly now = () => new Date(),
  ) {}

  async request(userId: string): Promise<DataExportView> {
    const dayAgo = new Date(this.now().getTime() - 24 * 3600_000);
    if ((await this.exports.countSince(userId, dayAgo)) >= this.settings.perDay) {
      throw new UsersError('DATA_EXPORT_LIMIT_REACHED', `Você já pediu ${this.settings.perDay} cópias dos seus dados nas últimas 24 horas. Tente novamente amanhã.`);
    }
    const created = await this.exports.create(userId);
    if (created === 'in-progress') throw new UsersError('DATA_EXPORT_IN_PROGRESS', 'Já estamos preparando uma cópia dos seus dados. Aguarde ela ficar pronta.');
    this.kick();
    return this.view(created);
  }

  async list(userId: string): Promise<DataExportView[]> {
    return (await this.exports.listFor(userId, LIST_SIZE)).map((row) => this.view(row));
  }

  /** A fresh link on every read: the package stays for `retentionHours`, each link for minutes. */
  private view(row: DataExportRow): DataExportView {
    if (row.status !== 'READY') return { ...row, downloadUrl: null, expiresAt: null };
    const link = signExportLink(this.settings.linkSecret, this.settings.publicRouterUrl, row.id, row.userId, this.settings.linkTtlSeconds, this.now().getTime());
    return { ...row, downloadUrl: link.url, expiresAt: link.expiresAt };
  }

  /** One background pass: build what is pending, drop what has expired. Crash-safe: a request stays PENDING until its package is stored. */
  async pass(): Promise<void> {
    await this.exports.expireReadyBefore(new Date(this.now().getTime() - this.settings.retentionHours * 3600_000));
    for (const row of await this.exports.pending(10)) {
      try {
        const content = await this.assemble(row);
        await this.exports.markReady(row.id, content, this.now());
      } catch (error) {
        this.logger.warn({ err: error, exportId: row.id }, 'data export not assembled; retried on the next pass');
        await this.exports.recordFailure(row.id, MAX_ATTEMPTS);
      }
    }
  }

  /** Asks the router for the person's `PersonalData` as the person (router-as-person.ts). */
  private async assemble(row: DataExportRow) {
    const [user] = await this.users.findMany([row.userId]);
    if (!user) throw new Error('the account is gone');
    const answer = await this.router.query<{ myPersonalData?: { userId: string; [part: string]: Prisma.InputJsonValue | null } | null }>(user, PERSONAL_DATA_QUERY);
    // A part missing (a subgraph down, an error) fails the attempt: the package is complete or not made.
    if (answer.status !== 200 || answer.errors?.length || !answer.data?.myPersonalData) {
      throw new Error(`router answered ${answer.status}: ${(answer.errors ?? []).map((error) => error.extensions?.code).join(', ')}`);
    }
    const { userId, ...parts } = answer.data.myPersonalData;
    return { format: EXPORT_FORMAT, exportId: row.id, subject: userId, requestedAt: row.requestedAt.toISOString(), generatedAt: this.now().toISOString(), ...parts };
  }

  /**
   * The users subgraph's part of the package. Withheld: the password hash and the CPF's blind index
   * (secrets derived from the person's data, of no use to them and a risk outside this service), and
   * the check queue's schedule.
   * Sessions are not listed: the session store keeps refresh tokens by hash, with no index by person.
   */
  async accountPart(userId: string) {
    const [user] = await this.users.findMany([userId]);
    if (!user) return null;
    const requests = await this.exports.listFor(userId, 1000);
    return {
      profile: {
        id: user.id,
        name: user.name,
        email: user.email,
        phone: user.phone,
        cpf: this.users.decryptCpf(user),
        roles: user.roles,
        // the CPF's status at the Receita Federal, and when it was checked
        cpfStatus: user.cpfStatus,
        cpfCheckedAt: user.cpfCheckedAt?.toISOString() ?? null,
        lockedAt: user.lockedAt?.toISOString() ?? null,
        createdAt: user.createdAt.toISOString(),
        updatedAt: user.updatedAt.toISOString(),
      },
      dataExports: requests.map((row) => ({ id: row.id, status: row.status, requestedAt: row.requestedAt.toISOString(), readyAt: row.readyAt?.toISOString() ?? null })),
    };
  }

  checkLink(query: URLSearchParams): Promise<LinkCheck> {
    return checkExportLink(this.settings.linkSecret, query, (id) => this.exports.ownerOf(id), this.now().getTime());
  }

  packageOf(id: string) {
    return this.exports.packageOf(id);
  }
}
