'use client';
// One payment as the clinic sees it: split, timeline, installments, live status; confirming the
// procedure (which releases escrow) and refunds, each behind a confirmation step (components/clinic-payment).
import { useQuery, useSubscription } from '@apollo/client/react';
import { formatDateTime, methodLabel, planKindLabel } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { ErrorNotice, Loading, StatusBadge } from '@medpay/web/ui';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { useClinic } from '../../../../../components/clinic-context';
import { EscrowStep } from '../../../../../components/clinic-payment/escrow-step';
import { PaymentInstallments, PaymentTimeline } from '../../../../../components/clinic-payment/payment-installments';
import { PaymentSplit } from '../../../../../components/clinic-payment/payment-split';
import type { PaymentStep } from '../../../../../components/clinic-payment/payment-step';
import { RefundStep } from '../../../../../components/clinic-payment/refund-step';

const ClinicPayment = graphql(`
  query ClinicPayment($id: ID!) {
    payment(id: $id) { ...ClinicPaymentDetails }
  }
`);

const ClinicPaymentLive = graphql(`
  subscription ClinicPaymentLive($id: ID!) {
    paymentStatusChanged(paymentId: $id) { ...ClinicPaymentDetails }
  }
`);

export default function ClinicPaymentPage() {
  const clinic = useClinic();
  const { paymentId } = useParams<{ paymentId: string }>();
  const { data, loading, error } = useQuery(ClinicPayment, { variables: { id: paymentId } });
  const live = useSubscription(ClinicPaymentLive, { variables: { id: paymentId }, skip: !data?.payment });
  const [step, setStep] = useState<PaymentStep>(null);
  const [done, setDone] = useState<string | null>(null);

  if (loading && !data) return <Loading />;
  const payment = data?.payment;
  // Another clinic's payment (an id typed in the URL) is "not found" here as in the graph.
  if (!payment?.status || payment.clinic?.id !== clinic.id) {
    return (
      <>
        {error && !/não encontrado/i.test(error.message) ? <ErrorNotice error={error} /> : <p className="notice notice-info" role="alert">Pagamento não encontrado nesta clínica.</p>}
        <p><Link href={`/clinicas/${clinic.id}/pagamentos`}>Voltar aos pagamentos</Link></p>
      </>
    );
  }

  const amounts = payment.amounts!;
  const left = amounts.grossCentavos - amounts.refundedCentavos;
  const steps = { payment, left, step, setStep, onDone: setDone };

  return (
    <>
      <p className="muted"><Link href={`/clinicas/${clinic.id}/pagamentos`}>Pagamentos</Link> › {payment.payer?.name}</p>
      <div className="spread">
        <h1>{payment.procedure?.name}</h1>
        <StatusBadge status={payment.status} />
      </div>
      <p className="muted">
        {payment.payer?.name} · {formatDateTime(payment.createdAt!)} · {planKindLabel[payment.planKind!]} · {methodLabel[payment.method!]}
        {payment.installmentCount && payment.installmentCount > 1 ? ` ${payment.installmentCount}×` : ''}
        {payment.card ? ` · ${payment.card.brand} final ${payment.card.last4}` : ''}
      </p>
      {live.error ? <p className="hint">Atualização automática indisponível; recarregue para ver o status.</p> : null}
      {done ? <p className="notice notice-ok" role="status">{done}</p> : null}

      <div className="columns">
        <PaymentSplit amounts={amounts} />
        <EscrowStep {...steps} />
      </div>

      <PaymentInstallments installments={payment.installments} />
      <PaymentTimeline history={payment.history} />
      <RefundStep {...steps} />
    </>
  );
}
