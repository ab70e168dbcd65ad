import { describe, expect, it } from '@jest/globals';
import { INTENTS } from '../intents/intent.js';
import { FAQ } from './entries.js';
import { FaqIndex } from './faq-index.js';

const faq = new FaqIndex();

describe('FAQ index', () => {
  it('has unique ids and a default entry for every intent answered from the FAQ', () => {
    expect(new Set(FAQ.map((entry) => entry.id)).size).toBe(FAQ.length);
    for (const intent of ['HOW_TO_PAY_PIX', 'HOW_TO_PAY_BOLETO', 'HOW_ESCROW_WORKS', 'CANCEL_OR_DISPUTE', 'FEES_AND_CET', 'TALK_TO_PERSON', 'PRIVACY_DATA'] as const) {
      expect(INTENTS).toContain(intent);
      expect(faq.defaultFor(intent)).toBeDefined();
    }
  });

  it.each([
    ['boleto demora quanto pra compensar', 'boleto-how-to-pay'],
    ['Quanto tempo leva a compensação do boleto?', 'boleto-how-to-pay'],
    ['o codigo pix expirou', 'pix-expired'],
    ['o que é o CET', 'cet-explained'],
    ['qto é a multa por atraso', 'late-payment'],
    ['quero apagar meus dados e excluir a conta', 'lgpd-deletion'],
    ['como baixo uma copia dos meus dados', 'lgpd-export'],
  ])('finds "%s" in %s', (question, id) => {
    expect(faq.find(question)[0]?.entry.id).toBe(id);
  });

  it('keeps to the entries of one intent when asked to', () => {
    const hits = faq.find('quando a clínica recebe', { intent: 'HOW_ESCROW_WORKS' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.entry.intents.includes('HOW_ESCROW_WORKS'))).toBe(true);
  });
});
