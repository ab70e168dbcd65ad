/** The patient assistant's intents: what the patient can ask about, and UNKNOWN below the confidence threshold. */
export const INTENTS = [
  'NEXT_INSTALLMENT',
  'REMAINING_BALANCE',
  'PAYMENT_STATUS',
  'HOW_TO_PAY_PIX',
  'HOW_TO_PAY_BOLETO',
  'HOW_ESCROW_WORKS',
  'CANCEL_OR_DISPUTE',
  'FEES_AND_CET',
  'TALK_TO_PERSON',
  /** LGPD rights: a copy of one's data, correction, deletion, consent */
  'PRIVACY_DATA',
  'GREETING',
  'THANKS',
] as const;

export type KnownIntent = (typeof INTENTS)[number];
export type Intent = KnownIntent | 'UNKNOWN';

export type Utterances = Record<KnownIntent, readonly string[]>;
