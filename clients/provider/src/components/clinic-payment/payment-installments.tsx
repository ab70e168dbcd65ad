// The patient's installments of a payment (crediário or card), and the payment's status timeline.
import { formatBRL, formatDate, installmentStatusLabel, paymentStatusLabel } from '@medpay/web/format';
import type { ClinicPaymentDetailsFragment } from '@medpay/web/types';
import { Timeline } from '@medpay/web/ui';

export function PaymentInstallments({ installments }: { installments: ClinicPaymentDetailsFragment['installments'] }) {
  if (!installments?.length) return null;
  return (
    <section className="card">
      <h2>Parcelas do paciente</h2>
      <p className="hint">No crediário a MedPay paga a clínica integralmente; as parcelas são do paciente com a MedPay.</p>
      <table>
        <thead><tr><th>Nº</th><th>Vencimento</th><th className="num">Valor</th><th>Situação</th></tr></thead>
        <tbody>
          {installments.map((installment) => (
            <tr key={installment.id}><td>{installment.number}</td><td>{formatDate(installment.dueDate)}</td><td className="num money">{formatBRL(installment.amountCentavos)}</td><td>{installmentStatusLabel[installment.status]}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function PaymentTimeline({ history }: { history: ClinicPaymentDetailsFragment['history'] }) {
  return (
    <section className="card">
      <h2>Linha do tempo</h2>
      <Timeline items={(history ?? []).map((change) => ({ at: change.at, title: paymentStatusLabel[change.to], detail: change.reason }))} />
    </section>
  );
}
