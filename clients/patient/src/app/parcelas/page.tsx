'use client';
// Crediário installments: the next one due, overdue ones with their late charges explained, pay now by PIX.
import { useMutation, useQuery } from '@apollo/client/react';
import { formatBRL, formatDate, installmentStatusLabel } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { RequireSession } from '@medpay/web/session';
import { ErrorNotice, Loading } from '@medpay/web/ui';
import Link from 'next/link';
import { useState } from 'react';
import { PixInstructions } from '../../components/payment-instructions';

const MyInstallments = graphql(`
  query MyInstallments {
    myInstallments {
      id number dueDate amountCentavos status lateChargesCentavos
      pix { copiaECola qrCodePayload expiresAt }
      payment { id installmentCount procedure { id name } clinic { id tradeName } }
    }
  }
`);

const PayInstallment = graphql(`
  mutation PayInstallment($id: ID!) {
    payInstallment(installmentId: $id) { id status lateChargesCentavos pix { copiaECola qrCodePayload expiresAt } }
  }
`);

function Installments() {
  const { data, loading, error } = useQuery(MyInstallments);
  const [pay, paying] = useMutation(PayInstallment);
  const [payingId, setPayingId] = useState<string | null>(null);
  if (loading && !data) return <Loading />;
  const installments = [...(data?.myInstallments ?? [])].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const open = installments.filter((installment) => installment.status !== 'PAID');
  const overdue = open.filter((installment) => installment.status === 'OVERDUE');
  const next = open.find((installment) => installment.status !== 'OVERDUE');
  return (
    <>
      <h1>Minhas parcelas</h1>
      <p><Link href="/assistente?pergunta=Quanto%20falta%20pagar%3F">Dúvidas sobre as parcelas? Pergunte ao assistente</Link></p>
      <ErrorNotice error={error ?? paying.error} />
      {data && installments.length === 0 ? <p className="notice notice-info">Você não tem parcelas de crediário.</p> : null}
      {overdue.length ? (
        <section className="card" aria-labelledby="vencidas">
          <h2 id="vencidas">Vencidas</h2>
          <p className="hint">Parcelas em atraso têm multa de 2 % e juros de mora de 1 % ao mês, proporcionais aos dias de atraso, já somados abaixo.</p>
          {overdue.map((installment) => (
            <div key={installment.id} className="spread">
              <span>{installment.payment.procedure?.name} · parcela {installment.number}/{installment.payment.installmentCount} · venceu em {formatDate(installment.dueDate)}</span>
              <span className="money">{formatBRL(installment.amountCentavos)} + {formatBRL(installment.lateChargesCentavos)} de encargos = <strong>{formatBRL(installment.amountCentavos + installment.lateChargesCentavos)}</strong></span>
            </div>
          ))}
        </section>
      ) : null}
      {next ? (
        <section className="card" aria-labelledby="proxima">
          <h2 id="proxima">Próxima parcela</h2>
          <p>{next.payment.procedure?.name} · parcela {next.number}/{next.payment.installmentCount}</p>
          <p className="big money">{formatBRL(next.amountCentavos)}</p>
          <p>Vence em <strong>{formatDate(next.dueDate)}</strong></p>
        </section>
      ) : null}
      {open.length ? (
        <div className="table-scroll">
          <table>
            <thead><tr><th>Procedimento</th><th>Nº</th><th>Vencimento</th><th className="num">Valor</th><th>Situação</th><th><span className="visually-hidden">Ação</span></th></tr></thead>
            <tbody>
              {open.map((installment) => (
                <tr key={installment.id}>
                  <td><Link href={`/pagamentos/${installment.payment.id}`}>{installment.payment.procedure?.name}</Link></td>
                  <td>{installment.number}/{installment.payment.installmentCount}</td>
                  <td>{formatDate(installment.dueDate)}</td>
                  <td className="num money">{formatBRL(installment.amountCentavos + installment.lateChargesCentavos)}</td>
                  <td>{installmentStatusLabel[installment.status]}</td>
                  <td>
                    <button type="button" className="button secondary" disabled={paying.loading} onClick={() => { setPayingId(installment.id); void pay({ variables: { id: installment.id } }).catch(() => undefined); }}>
                      Pagar agora
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {payingId && paying.data?.payInstallment?.id === payingId && paying.data.payInstallment.pix ? <PixInstructions pix={paying.data.payInstallment.pix} /> : null}
    </>
  );
}

export default function InstallmentsRoute() {
  return (
    <RequireSession>
      <Installments />
    </RequireSession>
  );
}
