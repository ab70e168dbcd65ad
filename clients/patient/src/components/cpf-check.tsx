'use client';
// The person's CPF at the Receita Federal, as "Meus dados" shows it: confirmed (and when), still being
// checked (crediário waits for it), or with a problem that keeps crediário closed.
import { cpfStatusLabel, formatDateTime } from '@medpay/web/format';
import type { CpfStatus } from '@medpay/web/types';

export interface CpfCheckView {
  status: CpfStatus;
  checkedAt?: string | null;
  opensCredit: boolean;
}

export function CpfCheckStatus({ cpfMasked, check }: { cpfMasked?: string | null; check: CpfCheckView | null | undefined }) {
  if (!check) return null;
  return (
    <section className="card" aria-labelledby="cpf-title">
      <h2 id="cpf-title">Seu CPF</h2>
      {cpfMasked ? <p className="mono">{cpfMasked}</p> : null}
      {check.status === 'REGULAR' ? (
        <>
          <p className="notice notice-ok" data-cpf-status={check.status}>CPF confirmado na Receita Federal{check.checkedAt ? ` em ${formatDateTime(check.checkedAt)}` : ''}.</p>
          {!check.opensCredit ? <p className="hint">A consulta tem mais de 30 dias: ela é feita de novo quando você contratar um crediário.</p> : null}
        </>
      ) : check.status === 'UNVERIFIED' ? (
        <>
          <p className="notice notice-info" data-cpf-status={check.status}>CPF em verificação na Receita Federal: o crediário fica disponível quando a consulta terminar.</p>
          <p className="hint">PIX, boleto e cartão já podem ser usados.</p>
        </>
      ) : (
        <>
          <p className="notice notice-error" data-cpf-status={check.status}>
            Situação do CPF na Receita Federal: {cpfStatusLabel[check.status]}{check.checkedAt ? ` (consultado em ${formatDateTime(check.checkedAt)})` : ''}.
          </p>
          <p className="hint">Enquanto houver pendência o crediário não pode ser contratado; PIX, boleto e cartão continuam disponíveis. Regularize o CPF no site da Receita Federal.</p>
        </>
      )}
    </section>
  );
}
