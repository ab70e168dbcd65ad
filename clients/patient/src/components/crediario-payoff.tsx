'use client';
// "Quitar antecipadamente" on a crediário in force (CDC art. 52 §2): the patient picks how many of the
// next installments to settle (or all), sees today's price with the interest not yet accrued removed,
// and gets one PIX for it.
import { useMutation, useQuery } from '@apollo/client/react';
import { formatBRL, formatDate } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { ErrorNotice } from '@medpay/web/ui';
import { useState } from 'react';
import { PixInstructions } from './payment-instructions';

const PayoffQuote = graphql(`
  query PayoffQuote($paymentId: ID!, $installments: Int) {
    crediarioPayoffQuote(paymentId: $paymentId, installments: $installments) {
      date totalCentavos discountCentavos
      installments { number dueDate amountCentavos payoffCentavos }
    }
  }
`);

const PayOffCrediario = graphql(`
  mutation PayOffCrediario($input: PayOffCrediarioInput!) {
    payOffCrediario(input: $input) { installmentNumbers totalCentavos pix { copiaECola qrCodePayload expiresAt } }
  }
`);

/** `onPixIssued` lets the page watch for the PIX being paid (installments are not payment status events). */
export function CrediarioPayoff({ paymentId, openInstallments, onPixIssued }: { paymentId: string; openInstallments: number; onPixIssued: () => void }) {
  const [chosen, setCount] = useState(openInstallments);
  // Installments paid meanwhile leave fewer to choose from.
  const count = Math.min(chosen, openInstallments);
  const installments = count === openInstallments ? null : count;
  const [payOff, paying] = useMutation(PayOffCrediario);
  // While a PIX is out, today's quote follows the installments it pays.
  const quote = useQuery(PayoffQuote, { variables: { paymentId, installments }, pollInterval: paying.data ? 3000 : 0 });
  // One key per choice: asking again for the same installments gives the same PIX.
  const [keys] = useState(() => new Map<number, string>());
  const keyFor = (n: number) => {
    if (!keys.has(n)) keys.set(n, crypto.randomUUID());
    return keys.get(n)!;
  };
  const payoff = paying.data?.payOffCrediario;
  const current = quote.data?.crediarioPayoffQuote;

  return (
    <section className="card" aria-labelledby="payoff-title">
      <h2 id="payoff-title">Quitar antecipadamente</h2>
      <p className="muted">Pagando antes do vencimento, os juros que ainda não correram saem do valor (Código de Defesa do Consumidor, art. 52).</p>
      <label htmlFor="payoff-count">Parcelas a quitar</label>
      <select id="payoff-count" value={count} onChange={(event) => { setCount(Number(event.target.value)); paying.reset(); }}>
        {Array.from({ length: openInstallments }, (_, index) => index + 1).map((n) => (
          <option key={n} value={n}>{n === openInstallments ? `Todas (${n})` : n === 1 ? 'A próxima' : `As próximas ${n}`}</option>
        ))}
      </select>
      {current ? (
        <>
          <ul className="plain">
            {current.installments.map((line) => (
              <li key={line.number}>
                Parcela {line.number} (vence em {formatDate(line.dueDate)}): <s>{formatBRL(line.amountCentavos)}</s> <strong>{formatBRL(line.payoffCentavos)}</strong>
              </li>
            ))}
          </ul>
          <p>Total hoje: <strong className="money">{formatBRL(current.totalCentavos)}</strong> · desconto de {formatBRL(current.discountCentavos)}</p>
          <button type="button" className="button" disabled={paying.loading} onClick={() => void payOff({ variables: { input: { paymentId, installments, idempotencyKey: keyFor(count) } } }).then(onPixIssued, () => undefined)}>
            Gerar PIX de quitação
          </button>
        </>
      ) : null}
      {payoff?.pix ? <PixInstructions pix={payoff.pix} /> : null}
      <ErrorNotice error={quote.error ?? paying.error} />
    </section>
  );
}
