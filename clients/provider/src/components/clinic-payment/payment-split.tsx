// How a payment's amount is split between the clinic, MedPay's fee and processing, and what was refunded.
import { formatBRL } from '@medpay/web/format';
import type { ClinicPaymentDetailsFragment } from '@medpay/web/types';

export function PaymentSplit({ amounts }: { amounts: NonNullable<ClinicPaymentDetailsFragment['amounts']> }) {
  return (
    <section className="card" aria-labelledby="split-title">
      <h2 id="split-title">Divisão do valor</h2>
      <table className="split">
        <tbody>
          <tr><th scope="row">Valor do procedimento</th><td className="num money">{formatBRL(amounts.grossCentavos)}</td></tr>
          <tr><th scope="row">Taxa MedPay</th><td className="num money">− {formatBRL(amounts.platformFeeCentavos)}</td></tr>
          <tr><th scope="row">Custo de processamento</th><td className="num money">− {formatBRL(amounts.processingCostCentavos)}</td></tr>
          <tr className="total"><th scope="row">Líquido da clínica</th><td className="num money" data-testid="clinic-net">{formatBRL(amounts.clinicNetCentavos)}</td></tr>
          {amounts.refundedCentavos > 0 ? <tr><th scope="row">Reembolsado ao paciente</th><td className="num money">{formatBRL(amounts.refundedCentavos)}</td></tr> : null}
          {amounts.patientTotalCentavos !== amounts.grossCentavos ? <tr><th scope="row">Total pago pelo paciente (com juros)</th><td className="num money">{formatBRL(amounts.patientTotalCentavos)}</td></tr> : null}
        </tbody>
      </table>
    </section>
  );
}
