'use client';
// The crediário's credit application on the checkout page: the patient declares a monthly income band
// and sees, before accepting the contract, whether MedPay finances the procedure — how much and in how
// many installments, or why not (the patient is always told why).
import { useQuery } from '@apollo/client/react';
import { formatBRL } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import type { IncomeBand } from '@medpay/web/types';
import { ErrorNotice } from '@medpay/web/ui';
import { useId } from 'react';

const CreditOfferQuery = graphql(`
  query CreditOffer($procedureId: ID!, $incomeBand: IncomeBand!) {
    creditOffer(procedureId: $procedureId, incomeBand: $incomeBand) { approved maxAmountCentavos maxInstallments reasons { code text } }
  }
`);

export const incomeBandLabel: Record<IncomeBand, string> = {
  ATE_2_SM: 'Até 2 salários mínimos',
  DE_2_A_4_SM: 'De 2 a 4 salários mínimos',
  DE_4_A_10_SM: 'De 4 a 10 salários mínimos',
  ACIMA_10_SM: 'Acima de 10 salários mínimos',
};

export function CreditApplication({ procedureId, incomeBand, onIncomeBand }: { procedureId: string; incomeBand: IncomeBand | null; onIncomeBand(band: IncomeBand): void }) {
  const id = useId();
  const { data, error, loading } = useQuery(CreditOfferQuery, { variables: { procedureId, incomeBand: incomeBand! }, skip: !incomeBand });
  const offer = data?.creditOffer;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Análise de crédito</h2>
      <label htmlFor={`${id}-income`}>Sua renda mensal</label>
      <select id={`${id}-income`} value={incomeBand ?? ''} onChange={(event) => onIncomeBand(event.target.value as IncomeBand)} required>
        <option value="" disabled>Escolha uma faixa</option>
        {(Object.keys(incomeBandLabel) as IncomeBand[]).map((band) => <option key={band} value={band}>{incomeBandLabel[band]}</option>)}
      </select>
      <p className="hint">Usamos a faixa de renda que você declara e seu histórico de parcelas na MedPay. Nunca sexo, idade ou onde você mora.</p>
      {loading ? <p className="muted" role="status">Analisando…</p> : null}
      <ErrorNotice error={error} />
      {offer ? (
        offer.approved ? (
          <p className="notice notice-ok" data-testid="credit-offer">
            Crédito aprovado até {formatBRL(offer.maxAmountCentavos)} em até {offer.maxInstallments} parcelas.
            {offer.reasons.length ? ` ${offer.reasons.map((reason) => reason.text).join(' ')}` : ''}
          </p>
        ) : (
          <div className="notice notice-error" data-testid="credit-offer">
            <p>Não conseguimos aprovar o crediário agora:</p>
            <ul>{offer.reasons.map((reason) => <li key={reason.code}>{reason.text}</li>)}</ul>
          </div>
        )
      ) : null}
    </section>
  );
}
