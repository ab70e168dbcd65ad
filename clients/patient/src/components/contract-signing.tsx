'use client';
// A crediário's contract, signed inside the payment page before anything is charged: the contract's PDF
// and the deadline, ClickSign's signing page embedded, and what came of it. The signing page tells the
// app it was signed or refused by postMessage; only messages from its own origin count.
import { formatDateTime, signatureStatusLabel } from '@medpay/web/format';
import type { PaymentDocumentsFieldsFragment } from '@medpay/web/types';
import { DocumentLink } from '@medpay/web/ui';
import { useEffect, useRef, useState } from 'react';

export type Contract = NonNullable<PaymentDocumentsFieldsFragment['contract']>;

/** What the signing page posts to the page that embeds it. */
export type SigningOutcome = 'signed' | 'refused';

/** The outcome a message carries, when it comes from the signing page's origin; null for anything else. */
export function signingOutcome(event: Pick<MessageEvent, 'origin' | 'data'>, signingUrl: string): SigningOutcome | null {
  let origin: string;
  try {
    origin = new URL(signingUrl).origin;
  } catch {
    return null;
  }
  if (event.origin !== origin) return null;
  const type = (event.data as { type?: unknown } | null)?.type;
  return type === 'clicksign:signed' ? 'signed' : type === 'clicksign:refused' ? 'refused' : null;
}

/** Listens to the signing page while it is shown. */
function useSigningMessages(signingUrl: string | null | undefined, onOutcome: (outcome: SigningOutcome) => void) {
  const latest = useRef(onOutcome);
  latest.current = onOutcome;
  useEffect(() => {
    if (!signingUrl) return;
    const listener = (event: MessageEvent) => {
      const outcome = signingOutcome(event, signingUrl);
      if (outcome) latest.current(outcome);
    };
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, [signingUrl]);
}

interface Props {
  contract: Contract;
  /** the signing page said it was signed or refused: the page asks the graph again */
  onOutcome(outcome: SigningOutcome): void;
}

/** The contract of a crediário awaiting signature: read it, then sign it here. */
export function ContractSigningStep({ contract, onOutcome }: Props) {
  const [outcome, setOutcome] = useState<SigningOutcome | null>(null);
  useSigningMessages(contract.status === 'SENT' ? contract.signingUrl : null, (next) => {
    setOutcome(next);
    onOutcome(next);
  });
  return (
    <section className="card contract-step" aria-labelledby="contract-title">
      <h2 id="contract-title">Contrato do crediário</h2>
      <p>Antes de qualquer cobrança, assine o contrato digitalmente. A 1ª parcela é emitida assim que a assinatura for confirmada.</p>
      <ContractFacts contract={contract} />
      <div aria-live="polite" role="status">
        {contract.status === 'PENDING' ? <p className="muted">Preparando o contrato para assinatura…</p> : null}
        {outcome === 'signed' ? <p className="notice notice-info">Assinatura enviada. Confirmando com a ClickSign…</p> : null}
        {outcome === 'refused' ? <p className="notice notice-info">Recusa enviada. Atualizando…</p> : null}
      </div>
      {contract.status === 'SENT' && contract.signingUrl && !outcome ? (
        <>
          <h3>Assinar contrato</h3>
          <p className="hint">Enviamos um código de verificação para o seu e-mail. Digite-o abaixo e toque em Assinar. A assinatura é feita pela ClickSign.</p>
          <iframe className="signing-frame" title="Assinatura do contrato" src={contract.signingUrl} />
        </>
      ) : null}
    </section>
  );
}

/** The contract's PDF, its deadline or its signature, and how it ended when it did not go through. */
export function ContractFacts({ contract }: { contract: Contract }) {
  return (
    <>
      <p>
        <span className={`badge badge-${contract.status === 'SIGNED' ? 'ok' : contract.status === 'PENDING' || contract.status === 'SENT' ? 'wait' : 'off'}`} data-contract-status={contract.status}>{signatureStatusLabel[contract.status]}</span>
        {contract.status === 'PENDING' || contract.status === 'SENT' ? <> Assine até <strong>{formatDateTime(contract.expiresAt)}</strong>.</> : null}
      </p>
      {contract.status === 'SIGNED' && contract.signedAt ? <p data-testid="contract-signed">Contrato assinado em {formatDateTime(contract.signedAt)}.</p> : null}
      {contract.status === 'REFUSED' ? <p className="notice notice-info">Você recusou o contrato. O crediário foi cancelado e nada foi cobrado.</p> : null}
      {contract.status === 'EXPIRED' ? <p className="notice notice-info">O prazo para assinar terminou em {formatDateTime(contract.expiresAt)}. O crediário não foi contratado e nada foi cobrado; para contratar, simule de novo.</p> : null}
      {contract.status === 'CANCELED' ? <p className="notice notice-info">A assinatura do contrato foi cancelada e nada foi cobrado.</p> : null}
      <ul className="plain documents">
        {contract.document ? <li><DocumentLink file={contract.document}>Ver contrato (PDF)</DocumentLink></li> : null}
        {contract.signedDocument ? <li><DocumentLink file={contract.signedDocument}>Baixar contrato assinado (PDF)</DocumentLink></li> : null}
      </ul>
    </>
  );
}

/** After signing (or when it did not go through): the contract in a card of its own. */
export function ContractSummary({ contract }: { contract: Contract }) {
  return (
    <section className="card" aria-labelledby="contract-summary-title">
      <h2 id="contract-summary-title">Contrato do crediário</h2>
      <ContractFacts contract={contract} />
    </section>
  );
}

/** The receipts of what was paid, one per paid charge. */
export function Receipts({ receipts }: { receipts: PaymentDocumentsFieldsFragment['receipts'] }) {
  if (!receipts?.length) return null;
  return (
    <section className="card" aria-labelledby="receipts-title">
      <h2 id="receipts-title">Comprovantes</h2>
      <ul className="plain documents">
        {receipts.map((receipt, index) => (
          <li key={receipt.sha256}>
            <DocumentLink file={receipt}>
              Comprovante {receipts.length > 1 ? `${index + 1} ` : ''}de {formatDateTime(receipt.issuedAt)} (PDF)
            </DocumentLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
