'use client';
// Card details go straight from the browser to the gateway's tokenization endpoint; our API only ever
// receives the single-use token it returns (and so stays out of PCI scope for card numbers).
import { useId, useState } from 'react';
import { useClientConfig } from '@medpay/web/client-config';

export interface CardToken {
  cardToken: string;
  brand: string;
  last4: string;
}

const tokenizeErrors: Record<string, string> = {
  INVALID_CARD_NUMBER: 'Número do cartão inválido: confira os dígitos.',
  CARD_EXPIRED: 'Este cartão está vencido.',
};

export function useCardTokenizer() {
  const { cardTokenizeUrl } = useClientConfig();
  return async (card: { number: string; holder: string; expiry: string; cvv: string }): Promise<CardToken> => {
    const [month, year] = card.expiry.split('/').map((part) => Number(part.trim()));
    if (!month || !year || month > 12) throw new Error('Validade no formato MM/AA.');
    let response: Response;
    try {
      response = await fetch(cardTokenizeUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ number: card.number.replace(/\D/g, ''), holder: card.holder.trim(), expMonth: month, expYear: year, cvv: card.cvv.trim() }),
      });
    } catch {
      throw new Error('Não foi possível falar com o processador do cartão. Tente novamente.');
    }
    const body = (await response.json().catch(() => ({}))) as Partial<CardToken> & { errorCode?: string };
    if (!response.ok || !body.cardToken) throw new Error(tokenizeErrors[body.errorCode ?? ''] ?? 'Confira os dados do cartão.');
    return body as CardToken;
  };
}

export interface CardDetails {
  number: string;
  holder: string;
  expiry: string;
  cvv: string;
}

export function CardFields({ value, onChange }: { value: CardDetails; onChange(value: CardDetails): void }) {
  const id = useId();
  const set = (key: keyof CardDetails) => (event: React.ChangeEvent<HTMLInputElement>) => onChange({ ...value, [key]: event.target.value });
  return (
    <fieldset className="card">
      <legend>Dados do cartão</legend>
      <label htmlFor={`${id}-number`}>Número do cartão</label>
      <input id={`${id}-number`} inputMode="numeric" autoComplete="cc-number" value={value.number} onChange={set('number')} placeholder="0000 0000 0000 0000" />
      <label htmlFor={`${id}-holder`}>Nome impresso no cartão</label>
      <input id={`${id}-holder`} autoComplete="cc-name" value={value.holder} onChange={set('holder')} />
      <div className="row">
        <div style={{ flex: 1 }}>
          <label htmlFor={`${id}-expiry`}>Validade (MM/AA)</label>
          <input id={`${id}-expiry`} inputMode="numeric" autoComplete="cc-exp" value={value.expiry} onChange={set('expiry')} placeholder="MM/AA" />
        </div>
        <div style={{ flex: 1 }}>
          <label htmlFor={`${id}-cvv`}>CVV</label>
          <input id={`${id}-cvv`} inputMode="numeric" autoComplete="cc-csc" value={value.cvv} onChange={set('cvv')} />
        </div>
      </div>
    </fieldset>
  );
}

export const useCardDetails = () => useState<CardDetails>({ number: '', holder: '', expiry: '', cvv: '' });
