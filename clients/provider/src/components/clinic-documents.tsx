'use client';
// The clinic's documents with MedPay: the service agreement (signed at ClickSign before the clinic goes
// live; a notice over every page while it waits) and the statement of a closed month as a PDF.
import { useLazyQuery, useQuery } from '@apollo/client/react';
import { agreementStatusLabel, formatDateTime, todayInSaoPaulo } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import type { ClinicAgreementQuery } from '@medpay/web/types';
import { DocumentLink, ErrorNotice } from '@medpay/web/ui';
import { useState, type FormEvent } from 'react';

const ClinicAgreement = graphql(`
  query ClinicAgreement($clinicId: ID!) {
    clinic(id: $clinicId) { id status agreement { status sentAt expiresAt signedAt documentUrl documentSha256 } }
  }
`);

const ClinicMonthlyStatement = graphql(`
  query ClinicMonthlyStatement($clinicId: ID!, $month: String!) {
    clinic(id: $clinicId) { id monthlyStatement(month: $month) { kind filename sha256 url urlExpiresAt issuedAt } }
  }
`);

export type Agreement = NonNullable<NonNullable<ClinicAgreementQuery['clinic']>['agreement']>;

const agreementLink = (agreement: Agreement) =>
  agreement.documentUrl ? (
    <DocumentLink file={{ url: agreement.documentUrl, filename: 'contrato-de-servicos-medpay.pdf', sha256: agreement.documentSha256 ?? undefined }}>
      {agreement.status === 'SIGNED' ? 'Baixar o contrato de serviços assinado (PDF)' : 'Ver o contrato de serviços (PDF)'}
    </DocumentLink>
  ) : null;

/** What the agreement's state means for the clinic, in one paragraph. */
export function AgreementText({ agreement }: { agreement: Agreement | null | undefined }) {
  if (!agreement) return <p>Aguardando a assinatura do contrato de serviços. O contrato está sendo preparado e chega por e-mail em instantes.</p>;
  switch (agreement.status) {
    case 'SIGNED':
      return <p data-agreement-status={agreement.status}>Contrato de serviços assinado em {formatDateTime(agreement.signedAt ?? agreement.sentAt)}. {agreementLink(agreement)}</p>;
    case 'PENDING':
    case 'SENT':
      return (
        <p data-agreement-status={agreement.status}>
          Aguardando a assinatura do contrato de serviços. Enviamos o contrato por e-mail ao administrador que cadastrou a clínica; assine até {formatDateTime(agreement.expiresAt)} para a clínica entrar na busca e receber pagamentos. {agreementLink(agreement)}
        </p>
      );
    default:
      return (
        <p data-agreement-status={agreement.status}>
          O contrato de serviços foi {agreementStatusLabel[agreement.status].toLowerCase()}. A MedPay vai enviar um novo contrato para assinatura; fale com o atendimento se precisar. {agreementLink(agreement)}
        </p>
      );
  }
}

/** Over every page of a clinic approved but waiting for its agreement. */
export function AgreementNotice({ clinicId }: { clinicId: string }) {
  const { data, error } = useQuery(ClinicAgreement, { variables: { clinicId }, fetchPolicy: 'cache-and-network' });
  return (
    <div className="notice notice-info" data-testid="agreement-notice">
      {data ? <AgreementText agreement={data.clinic?.agreement} /> : <p>Aguardando a assinatura do contrato de serviços.</p>}
      <ErrorNotice error={error} />
    </div>
  );
}

/** The last closed months, newest first, as YYYY-MM. */
export function closedMonths(today = todayInSaoPaulo(), count = 12): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 2 - index, 1));
    return date.toISOString().slice(0, 7);
  });
}

const monthName = (month: string) => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const name = new Intl.DateTimeFormat('pt-BR', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, number - 1, 1)));
  return `${name} de ${year}`;
};

/** "Extrato mensal (PDF)": a closed month's statement, issued the first time it is asked for. */
export function MonthlyStatement({ clinicId }: { clinicId: string }) {
  const months = closedMonths();
  const [month, setMonth] = useState(months[0]!);
  const [fetchStatement, statement] = useLazyQuery(ClinicMonthlyStatement, { fetchPolicy: 'network-only' });
  const file = statement.data?.clinic?.monthlyStatement;
  const asked = statement.variables?.month;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void fetchStatement({ variables: { clinicId, month } }).catch(() => undefined);
  };
  return (
    <form onSubmit={submit} aria-labelledby="monthly-title">
      <h3 id="monthly-title">Extrato mensal (PDF)</h3>
      <p className="hint">Movimentos de um mês fechado, com saldos, tarifas e repasses, para a contabilidade.</p>
      <div className="row">
        <label htmlFor="monthly-month" style={{ margin: 0 }}>Mês</label>
        <select id="monthly-month" style={{ width: 'auto' }} value={month} onChange={(event) => setMonth(event.target.value)}>
          {months.map((option) => <option key={option} value={option}>{monthName(option)}</option>)}
        </select>
        <button type="submit" className="button secondary" disabled={statement.loading}>{statement.loading ? 'Gerando…' : 'Gerar extrato'}</button>
      </div>
      <div aria-live="polite">
        {file && asked ? <p><DocumentLink file={file}>Baixar extrato de {monthName(asked)} (PDF)</DocumentLink></p> : null}
      </div>
      <ErrorNotice error={statement.error} />
    </form>
  );
}

/** The overview's card: the agreement and the monthly statement. */
export function ClinicDocuments({ clinicId }: { clinicId: string }) {
  const { data } = useQuery(ClinicAgreement, { variables: { clinicId }, fetchPolicy: 'cache-and-network' });
  const agreement = data?.clinic?.agreement;
  return (
    <section className="card" aria-labelledby="documents-title">
      <h2 id="documents-title">Documentos</h2>
      {agreement ? (
        <>
          <h3>Contrato de serviços</h3>
          <AgreementText agreement={agreement} />
        </>
      ) : null}
      <MonthlyStatement clinicId={clinicId} />
    </section>
  );
}
