// Account deletion (LGPD art. 18 VI), as the person asks for it: re-confirmed with their password,
// refused while money of theirs is still moving (payments says what, through the router, as the
// person) or while a clinic has them as its only admin (providers says which), then recorded with the account anonymized and every session revoked at once. The other
// services do their part on the `account.deletion_requested` event and report back; the deletion
// completes with the last step. The user id stays on what the law keeps (payments, the ledger,
// contracts: 5 years) as a pseudonym, no longer linked to anyone here.
import { UsersError } from './errors.js';
import type { AccountDeletionStore } from './account-deletion-store.js';
import { verifyPassword } from './passwords.js';
import type { RouterAsPerson } from './router-as-person.js';
import type { LoginThrottle } from './sessions.js';
import type { UserStore } from './user-store.js';

const BLOCKERS_QUERY = '{ myPersonalData { moneyInFlight { paymentId reason } soleAdminOf { id tradeName } } }';

type MoneyInFlightReason = 'AWAITING_PAYMENT' | 'ESCROW_HELD' | 'DISPUTE_OPEN' | 'REFUND_IN_PROGRESS' | 'INSTALLMENTS_OPEN';

const reasonText: Record<MoneyInFlightReason, string> = {
  AWAITING_PAYMENT: 'pagamento aguardando confirmação',
  ESCROW_HELD: 'valor em custódia aguardando a confirmação do procedimento',
  DISPUTE_OPEN: 'contestação em aberto',
  REFUND_IN_PROGRESS: 'reembolso em andamento',
  INSTALLMENTS_OPEN: 'parcelas do crediário em aberto',
};

export class AccountDeletions {
  constructor(
    private readonly deletions: AccountDeletionStore,
    private readonly users: UserStore,
    private readonly throttle: LoginThrottle,
    private readonly router: RouterAsPerson,
    /** tells the outbox relay there is something to publish */
    private readonly published: () => void,
    private readonly now = () => new Date(),
  ) {}

  /** `address`: the client's (a wrong password counts as a failed login). */
  async request(userId: string, password: string, address: string) {
    const existing = await this.deletions.findByUser(userId);
    if (existing) return existing;
    const [user] = await this.users.findMany([userId]);
    await this.throttle.begin(user?.email ?? userId, address);
    if (!user || !(await verifyPassword(password, user.passwordHash))) throw new UsersError('INVALID_CREDENTIALS', 'Senha incorreta.', { field: 'password' });
    await this.throttle.succeeded(user.email, address);

    // Never deleted unchecked: when payments or providers cannot say, the request waits for another try.
    const answer = await this.router
      .query<{ myPersonalData?: { moneyInFlight?: { paymentId: string; reason: MoneyInFlightReason }[] | null; soleAdminOf?: { id: string; tradeName: string }[] | null } | null }>(user, BLOCKERS_QUERY, 15_000)
      .catch(() => null);
    const found = answer?.errors?.length ? null : answer?.data?.myPersonalData;
    const blockers = found?.moneyInFlight;
    const clinics = found?.soleAdminOf;
    if (!blockers || !clinics) throw new UsersError('ACCOUNT_DELETION_UNAVAILABLE', 'Não conseguimos verificar seus pagamentos agora. Tente novamente em alguns minutos.');
    if (clinics.length > 0) {
      throw new UsersError(
        'ACCOUNT_IS_SOLE_CLINIC_ADMIN',
        `Você é a única pessoa administradora de ${clinics.map((clinic) => clinic.tradeName).join(', ')}. Nomeie outra pessoa administradora na equipe antes de excluir sua conta, para que a clínica não fique sem gestão.`,
        { clinicIds: clinics.map((clinic) => clinic.id) },
      );
    }
    if (blockers.length > 0) {
      const reasons = [...new Set(blockers.map((blocker) => reasonText[blocker.reason]))].join('; ');
      throw new UsersError(
        'ACCOUNT_HAS_MONEY_IN_FLIGHT',
        `Ainda não é possível excluir sua conta: há dinheiro em movimento (${reasons}). Conclua ou cancele essas pendências e tente novamente.`,
        { blockers },
      );
    }
    const deletion = await this.deletions.record(user.id, this.now());
    this.published();
    return deletion;
  }

  mine(userId: string) {
    return this.deletions.findByUser(userId);
  }

  list(take: number) {
    return this.deletions.list(take);
  }
}
