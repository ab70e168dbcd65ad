'use client';
// What a patient sees on opening a clinic's payment link: whom it is for, what it pays and until when;
// or plainly why it can no longer be paid.
import { formatBRL, formatDateTime } from '@medpay/web/format';
import type { PaymentLinkPageQuery } from '@medpay/web/types';
import type { ReactNode } from 'react';

export type PaymentLinkView = NonNullable<PaymentLinkPageQuery['paymentLink']>;

/** Why a link that is not ACTIVE cannot be paid, in the patient's words. */
export function unavailableText(link: Pick<PaymentLinkView, 'status' | 'expiresAt'> | null): string | null {
  if (!link) return 'Este link de pagamento não existe. Confira o endereço ou peça um novo link à clínica.';
  if (link.status === 'USED') return 'Este link já foi usado para pagar. Veja o pagamento em "Pagamentos".';
  if (link.status === 'CANCELED') return 'A clínica cancelou este link. Se ainda precisar pagar, peça um novo link à clínica.';
  if (link.status === 'EXPIRED') return `Este link expirou em ${formatDateTime(link.expiresAt)}. Peça um novo link à clínica.`;
  return null;
}

export function PaymentLinkSummary({ link, children }: { link: PaymentLinkView | null; children?: ReactNode }) {
  const unavailable = unavailableText(link);
  if (!link || unavailable) {
    return (
      <section className="card" aria-labelledby="link-title">
        <h1 id="link-title">{!link ? 'Link inválido' : link.status === 'USED' ? 'Link já utilizado' : link.status === 'CANCELED' ? 'Link cancelado' : 'Link expirado'}</h1>
        <p className="notice notice-info" data-link-status={link?.status ?? 'INVALID'}>{unavailable}</p>
        {link ? <p className="muted">{link.procedure.name} · {link.clinic.tradeName}</p> : null}
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="link-title" data-link-status={link.status}>
      <h1 id="link-title">Olá, {link.patientFirstName}!</h1>
      <p><strong>{link.clinic.tradeName}</strong> enviou este link para você pagar:</p>
      <p className="big">{link.procedure.name}</p>
      <p className="big money">{formatBRL(link.procedure.priceCentavos)}</p>
      <p className="muted">{link.clinic.address.city}/{link.clinic.address.state} · link válido até {formatDateTime(link.expiresAt)}</p>
      <p className="hint">Pague à vista (PIX, boleto ou cartão), no cartão parcelado ou no crediário MedPay. O valor fica protegido pela MedPay e só é repassado à clínica depois do atendimento.</p>
      {children}
    </section>
  );
}
