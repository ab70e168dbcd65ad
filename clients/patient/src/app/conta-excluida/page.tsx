'use client';
// After an account deletion: what was asked and each service's part as the request answered it (the
// person's sessions have ended, so nothing more can be read for them).
import { deletionServiceLabel, formatDateTime } from '@medpay/web/format';
import { useSession } from '@medpay/web/session';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { DELETION_KEY, type DeletionSummary } from './deletion-summary';

export default function AccountDeleted() {
  const [summary, setSummary] = useState<DeletionSummary | null>(null);
  const { logout } = useSession();
  useEffect(() => {
    const stored = sessionStorage.getItem(DELETION_KEY);
    if (stored) setSummary(JSON.parse(stored) as DeletionSummary);
    // The account's sessions already ended at the router; this clears the app's own cookie.
    void logout();
    // once, on arrival (logout's identity changes with the session it ends)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <article className="card">
      <h1>Conta excluída</h1>
      <p>
        Sua conta foi encerrada e você saiu de todos os aparelhos. Cada parte da MedPay está apagando os seus dados; registros de
        pagamentos e contratos ficam guardados por 5 anos, sem identificar você, como exige a lei.
      </p>
      {summary ? (
        <>
          <p className="muted">Pedido em {formatDateTime(summary.requestedAt)}</p>
          <ul aria-label="Andamento da exclusão">
            {summary.steps.map((step) => (
              <li key={step.service} data-testid="deletion-step" data-status={step.status}>
                {deletionServiceLabel[step.service] ?? step.service}: {step.status === 'DONE' ? 'concluído' : 'em andamento'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        Dúvidas? Escreva para <a href="mailto:dpo@medpay.com.br">dpo@medpay.com.br</a>. <Link href="/">Voltar ao início</Link>
      </p>
    </article>
  );
}
