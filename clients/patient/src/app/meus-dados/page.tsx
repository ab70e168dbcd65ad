'use client';
// "Meus dados": the CPF as the Receita Federal confirmed it, and the person's rights over their data (LGPD art. 18) — a copy of everything the platform
// holds about them, as a JSON file to download through a short-lived link, and the deletion of their
// account, re-confirmed with the password.
import { useMutation, useQuery } from '@apollo/client/react';
import { formatDateTime } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { RequireSession } from '@medpay/web/session';
import { errorCode, ErrorNotice, Loading } from '@medpay/web/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { CpfCheckStatus } from '../../components/cpf-check';
import { DELETION_KEY } from '../conta-excluida/deletion-summary';

const MyCpfCheck = graphql(`
  query MyCpfCheck {
    me { id cpfMasked cpfCheck { status checkedAt opensCredit } }
  }
`);

const MyDataExports = graphql(`
  query MyDataExports {
    myDataExports { id status requestedAt readyAt downloadUrl expiresAt }
  }
`);

const RequestDataExport = graphql(`
  mutation RequestDataExport {
    requestDataExport { id status requestedAt readyAt downloadUrl expiresAt }
  }
`);

const RequestAccountDeletion = graphql(`
  mutation RequestAccountDeletion($password: String!) {
    requestAccountDeletion(password: $password) { id status requestedAt completedAt steps { service status completedAt } }
  }
`);

function MyCpf() {
  const { data, error } = useQuery(MyCpfCheck, { fetchPolicy: 'cache-and-network' });
  if (error) return <ErrorNotice error={error} />;
  return <CpfCheckStatus cpfMasked={data?.me?.cpfMasked} check={data?.me?.cpfCheck} />;
}

const statusText = { PENDING: 'Em preparação', READY: 'Pronta', FAILED: 'Não foi possível gerar', EXPIRED: 'Expirada' } as const;

function DataExports() {
  const { data, loading, error, refetch } = useQuery(MyDataExports, { fetchPolicy: 'cache-and-network' });
  const exports = data?.myDataExports ?? [];
  const preparing = exports.some((entry) => entry.status === 'PENDING');
  const [request, requesting] = useMutation(RequestDataExport, { onCompleted: () => void refetch() });
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">Cópia dos seus dados</h2>
      <p>
        Receba um arquivo (JSON, legível por máquina) com tudo o que a MedPay guarda sobre você: cadastro, pagamentos, parcelas,
        reembolsos, notificações e preferências. A cópia fica pronta em alguns minutos; o link de download vale por 15 minutos — se
        expirar, é só voltar aqui para gerar outro.
      </p>
      <button type="button" className="button" disabled={requesting.loading || preparing} onClick={() => void request().catch(() => undefined)}>
        {requesting.loading ? 'Pedindo…' : preparing ? 'Preparando sua cópia…' : 'Pedir uma cópia dos meus dados'}
      </button>
      <ErrorNotice error={requesting.error ?? error} />
      {loading && !data ? <Loading /> : null}
      {exports.length > 0 ? (
        <ul className="data-exports" aria-label="Cópias pedidas">
          {exports.map((entry) => (
            <li key={entry.id} data-testid="data-export" data-status={entry.status}>
              <span>Pedida em {formatDateTime(entry.requestedAt)}</span> · <strong>{statusText[entry.status]}</strong>
              {entry.downloadUrl ? (
                <>
                  {' · '}
                  <a href={entry.downloadUrl} download>Baixar meus dados (JSON)</a>
                  {entry.expiresAt ? <span className="muted"> (link válido até {formatDateTime(entry.expiresAt)})</span> : null}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {preparing ? <Poll refetch={refetch} /> : null}
    </section>
  );
}

/** While a copy is being prepared, the list is read again every 3 s (a READY copy comes with its link). */
function Poll({ refetch }: { refetch: () => Promise<unknown> }) {
  useEffect(() => {
    const timer = setInterval(() => void refetch().catch(() => undefined), 3000);
    return () => clearInterval(timer);
  }, [refetch]);
  return null;
}

/** Deleting the account: the password again, then every session ends; the progress is shown on /conta-excluida. */
function AccountDeletion() {
  const [password, setPassword] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [remove, removing] = useMutation(RequestAccountDeletion);
  const router = useRouter();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await remove({ variables: { password } }).catch(() => null);
    const deletion = result?.data?.requestAccountDeletion;
    if (!deletion) return;
    sessionStorage.setItem(DELETION_KEY, JSON.stringify(deletion));
    // The public page first, then the session's end: ended here, this signed-in page would send the
    // person to the login form instead.
    router.replace('/conta-excluida');
  };
  const blocked = errorCode(removing.error) === 'ACCOUNT_HAS_MONEY_IN_FLIGHT';
  return (
    <section className="card" aria-labelledby="delete-title">
      <h2 id="delete-title">Excluir minha conta</h2>
      <p>
        Apagamos seu nome, e-mail, telefone, CPF, notificações e aparelhos cadastrados, e você sai de todos os aparelhos na hora.
        Pagamentos, contratos e registros contábeis ficam guardados por 5 anos, como exige a lei, sem nada que identifique você.
        Não é possível excluir a conta enquanto houver pagamento aguardando confirmação, valor em custódia, contestação, reembolso ou
        parcelas em aberto.
      </p>
      <form onSubmit={(event) => void submit(event)}>
        <label>
          Sua senha
          <input type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} required />
        </label>
        <label>
          <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
          Entendo que a exclusão não pode ser desfeita.
        </label>
        <button type="submit" className="button danger" disabled={!confirmed || !password || removing.loading}>
          {removing.loading ? 'Excluindo…' : 'Excluir minha conta'}
        </button>
      </form>
      <ErrorNotice error={removing.error}>{blocked ? <p><Link href="/pagamentos">Ver meus pagamentos</Link></p> : null}</ErrorNotice>
    </section>
  );
}

export default function MyDataPage() {
  return (
    <RequireSession>
      <p className="muted"><Link href="/privacidade">Privacidade e seus dados</Link></p>
      <h1>Meus dados</h1>
      <MyCpf />
      <DataExports />
      <AccountDeletion />
    </RequireSession>
  );
}
