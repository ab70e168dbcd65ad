'use client';
// Payment links: a clinic sends a patient a link to pay one procedure (single use, until it expires or is
// canceled); links also come from appointments of the clinic's own system (integrations). Here the list
// with each link's state and address, and the pieces of the form that makes one.
import { formatBRL, formatDateTime, paymentLinkStatusLabel, paymentStatusLabel, practiceSystemLabel } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import type { PaymentLinkFieldsFragment, PaymentLinkStatus, PracticeSystemKind } from '@medpay/web/types';
import { CopyButton, TableScroll } from '@medpay/web/ui';
import Link from 'next/link';
import { useEffect, useRef } from 'react';

export const PaymentLinkFields = graphql(`
  fragment PaymentLinkFields on PaymentLink {
    id token url status patientName patientEmail patientPhone expiresAt createdAt source
    procedure { id name priceCentavos }
    payment { id status }
  }
`);

/** How long a new link stays valid: the choices the form offers (the API takes 1 hour to 90 days). */
export const EXPIRY_CHOICES: { label: string; hours: number }[] = [
  { label: '24 horas', hours: 24 },
  { label: '3 dias', hours: 72 },
  { label: '7 dias', hours: 7 * 24 },
  { label: '15 dias', hours: 15 * 24 },
  { label: '30 dias', hours: 30 * 24 },
];

export const expiresAtIn = (hours: number, now = Date.now()) => new Date(now + hours * 3_600_000).toISOString();

/** Where a link came from: made by hand, or from an appointment in the clinic's system ("NINSAUDE:123"). */
export function sourceText(source: string | null | undefined): string {
  if (!source) return 'Criado no painel';
  const kind = source.split(':')[0] as PracticeSystemKind;
  return practiceSystemLabel[kind] ? `Agendamento no ${practiceSystemLabel[kind]}` : source;
}

const tone: Record<PaymentLinkStatus, string> = { ACTIVE: 'wait', USED: 'ok', CANCELED: 'off', EXPIRED: 'off' };

export const PaymentLinkStatusBadge = ({ status }: { status: PaymentLinkStatus }) => (
  <span className={`badge badge-${tone[status]}`} data-link-status={status}>{paymentLinkStatusLabel[status]}</span>
);

/** The link just made: its address to send the patient, focused so a screen reader hears it. */
export function CreatedLink({ link, onDone }: { link: PaymentLinkFieldsFragment; onDone(): void }) {
  const card = useRef<HTMLElement>(null);
  useEffect(() => card.current?.focus(), []);
  return (
    <section ref={card} tabIndex={-1} className="card notice-ok" aria-labelledby="created-link-title" data-testid="created-link">
      <h2 id="created-link-title">Link criado — envie ao paciente</h2>
      <p>{link.patientName} · {link.procedure.name} · válido até {formatDateTime(link.expiresAt)}</p>
      <p className="mono secret" data-testid="payment-link-url">{link.url}</p>
      <div className="row">
        <CopyButton text={link.url} label="Copiar link" />
        <button type="button" className="button secondary" onClick={onDone}>Fechar</button>
      </div>
    </section>
  );
}

interface TableProps {
  clinicId: string;
  links: readonly PaymentLinkFieldsFragment[];
  /** the link whose cancellation waits for a second click */
  confirming: string | null;
  canceling: boolean;
  onCancel(id: string): void;
  onConfirm(id: string | null): void;
}

export function PaymentLinksTable({ clinicId, links, confirming, canceling, onCancel, onConfirm }: TableProps) {
  if (links.length === 0) return <p className="notice notice-info">Nenhum link de pagamento nesta situação.</p>;
  return (
    <TableScroll label="Links de pagamento">
      <table className="payment-links">
        <thead>
          <tr><th>Paciente</th><th>Procedimento</th><th>Situação</th><th>Válido até</th><th>Origem</th><th>Link</th><th><span className="visually-hidden">Ações</span></th></tr>
        </thead>
        <tbody>
          {links.map((link) => (
            <tr key={link.id} data-payment-link={link.token}>
              <td><strong>{link.patientName}</strong><br /><span className="muted">{link.patientEmail}{link.patientPhone ? ` · ${link.patientPhone}` : ''}</span></td>
              <td>{link.procedure.name}<br /><span className="muted money">{formatBRL(link.procedure.priceCentavos)}</span></td>
              <td>
                <PaymentLinkStatusBadge status={link.status} />
                {link.payment?.status ? <><br /><Link href={`/clinicas/${clinicId}/pagamentos/${link.payment.id}`}>{paymentStatusLabel[link.payment.status]}<span className="visually-hidden"> — pagamento de {link.patientName}</span></Link></> : null}
              </td>
              <td>{formatDateTime(link.expiresAt)}</td>
              <td>{sourceText(link.source)}</td>
              <td>{link.status === 'ACTIVE' ? <CopyButton text={link.url} label={`Copiar link`} /> : <span className="muted">—</span>}</td>
              <td>
                {link.status !== 'ACTIVE' ? null : confirming === link.id ? (
                  <span className="row" role="group" aria-label={`Cancelar o link de ${link.patientName}`}>
                    <button type="button" className="button danger" disabled={canceling} onClick={() => onCancel(link.id)}>Sim, cancelar</button>
                    <button type="button" className="button secondary" onClick={() => onConfirm(null)}>Manter</button>
                  </span>
                ) : (
                  <button type="button" className="link" onClick={() => onConfirm(link.id)}>Cancelar<span className="visually-hidden"> o link de {link.patientName}</span></button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
