'use client';
// Small pieces every app uses: amounts, statuses, errors, copy buttons, timelines.
import { CombinedGraphQLErrors } from '@apollo/client';
import { useState, type ReactNode } from 'react';
import { formatBRL, formatDateTime, paidStatuses, paymentStatusLabel } from './format';
import type { PaymentStatus } from './graphql/graphql';

export const Money = ({ centavos }: { centavos: number }) => <span className="money">{formatBRL(centavos)}</span>;

/** A payment's status; a payment held for anti-fraud review reads "Em análise" (its status stays AWAITING_PAYMENT). */
export function StatusBadge({ status, hold }: { status: PaymentStatus; hold?: string | null }) {
  const tone = paidStatuses.has(status) ? 'ok' : status === 'AWAITING_PAYMENT' || status === 'AWAITING_SIGNATURE' || status === 'DISPUTED' ? 'wait' : 'off';
  const label = hold === 'FRAUD_REVIEW' && status === 'AWAITING_PAYMENT' ? 'Em análise' : paymentStatusLabel[status];
  return <span className={`badge badge-${tone}`} data-status={status}>{label}</span>;
}

/** The message to show for a failed operation: the graph's own (pt-BR) message, or a network one. */
export function errorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0]?.message ?? 'Não foi possível concluir.';
  if (error instanceof Error && /fetch|network/i.test(error.message)) return 'Sem conexão com o servidor. Tente novamente.';
  return error instanceof Error ? error.message : 'Não foi possível concluir. Tente novamente.';
}

export function errorCode(error: unknown): string | undefined {
  return CombinedGraphQLErrors.is(error) ? (error.errors[0]?.extensions?.code as string | undefined) : undefined;
}

export function ErrorNotice({ error, children }: { error: unknown; children?: ReactNode }) {
  if (!error) return null;
  return (
    <div role="alert" className="notice notice-error">
      {errorMessage(error)}
      {children}
    </div>
  );
}

/**
 * A wide table's horizontal scroller: a named region that takes keyboard focus, so people who do not
 * use a mouse can scroll it too (WCAG 2.1.1).
 */
export const TableScroll = ({ label, className, children }: { label: string; className?: string; children: ReactNode }) => (
  <div className={className ? `table-scroll ${className}` : 'table-scroll'} role="region" aria-label={label} tabIndex={0}>
    {children}
  </div>
);

export const Loading = ({ label = 'Carregando…' }: { label?: string }) => <p role="status" className="muted">{label}</p>;

export function CopyButton({ text, label = 'Copiar' }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="button secondary"
      onClick={async () => {
        await navigator.clipboard?.writeText(text).catch(() => undefined);
        setCopied(true);
        setTimeout(() => setCopied(false), 2500);
      }}
    >
      {copied ? 'Copiado!' : label}
      <span className="visually-hidden" aria-live="polite">{copied ? 'Copiado para a área de transferência' : ''}</span>
    </button>
  );
}

export interface TimelineItem {
  at: string;
  title: string;
  detail?: string;
}

export function Timeline({ items }: { items: TimelineItem[] }) {
  return (
    <ol className="timeline">
      {items.map((item, index) => (
        <li key={`${item.at}-${index}`}>
          <time dateTime={item.at}>{formatDateTime(item.at)}</time>
          <strong>{item.title}</strong>
          {item.detail ? <span className="muted">{item.detail}</span> : null}
        </li>
      ))}
    </ol>
  );
}

/**
 * "Ver mais" (or another label) under a list: asks for the page after the last one shown; the cache's relay-style field
 * policies (apollo.tsx) append it to the list.
 */
export function LoadMore({ pageInfo, onMore, label = 'Ver mais' }: { pageInfo?: { hasNextPage: boolean; endCursor?: string | null } | null; onMore(after: string): void; label?: string }) {
  if (!pageInfo?.hasNextPage || !pageInfo.endCursor) return null;
  const after = pageInfo.endCursor;
  return (
    <p>
      <button type="button" className="button secondary" onClick={() => onMore(after)}>{label}</button>
    </p>
  );
}

/** One key figure of a dashboard: a label, the value large, and a line of context. */
export function Kpi({ label, value, hint, name }: { label: string; value: string; hint?: ReactNode; name: string }) {
  return (
    <div className="card tile" data-kpi={name}>
      <p className="muted">{label}</p>
      <p className="big money">{value}</p>
      {hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
}

/**
 * A PDF the platform issued (a contract, a receipt, a statement): its download link, which works for a
 * few minutes only — pages ask for it again each time they load.
 */
export function DocumentLink({ file, children }: { file: { url: string; filename: string; sha256?: string }; children: ReactNode }) {
  return (
    <a href={file.url} download={file.filename} target="_blank" rel="noopener noreferrer" data-sha256={file.sha256}>
      {children}
    </a>
  );
}
