'use client';
// A card payment whose charge is still to be made — approved after the back office's review, or left
// when the gateway did not answer: the patient presents the card again (a card token is used once and
// never stored), and the charge goes to the gateway, once, by its id.
import { useMutation } from '@apollo/client/react';
import { formatBRL } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { ErrorNotice } from '@medpay/web/ui';
import { useState, type FormEvent } from 'react';
import { CardFields, useCardDetails, useCardTokenizer } from './card-form';

const PayWithCard = graphql(`
  mutation PayWithCard($id: ID!, $cardToken: String!) {
    payWithCard(paymentId: $id, cardToken: $cardToken) { ...PaymentDetails }
  }
`);

export function PayWithCardForm({ paymentId, totalCentavos }: { paymentId: string; totalCentavos: number }) {
  const [pay, paying] = useMutation(PayWithCard);
  const [card, setCard] = useCardDetails();
  const tokenize = useCardTokenizer();
  const [cardError, setCardError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCardError(null);
    try {
      const { cardToken } = await tokenize(card);
      await pay({ variables: { id: paymentId, cardToken } }).catch(() => undefined);
    } catch (problem) {
      setCardError((problem as Error).message);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} className="card" aria-labelledby="pay-card-title">
      <h2 id="pay-card-title">Concluir com cartão</h2>
      <p>Seu pagamento está liberado. Informe o cartão para concluir.</p>
      <CardFields value={card} onChange={setCard} />
      {cardError ? <p role="alert" className="notice notice-error">{cardError}</p> : null}
      <ErrorNotice error={paying.error} />
      <button type="submit" className="button" disabled={paying.loading}>Pagar {formatBRL(totalCentavos)}</button>
    </form>
  );
}
