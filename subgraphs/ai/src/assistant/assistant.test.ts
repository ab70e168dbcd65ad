import { beforeAll, describe, expect, it } from '@jest/globals';
import { fillTemplate, reply, type AssistantContext } from './assistant.js';
import { FaqIndex } from './faq/faq-index.js';
import { AssistantNlu } from './nlu.js';

let context: AssistantContext;
beforeAll(async () => {
  context = { nlu: await AssistantNlu.load(), faq: new FaqIndex() };
});

describe('assistant reply', () => {
  it('asks for the installments to say when the next one is due', async () => {
    const answer = await reply('quando vence minha próxima parcela?', context);
    expect(answer).toMatchObject({ intent: 'NEXT_INSTALLMENT', needsData: 'myInstallments', offerPerson: false });
    expect(answer.answer).toContain('{dueDate}');
    expect((await reply('qdo vence a parcela', context)).intent).toBe('NEXT_INSTALLMENT');
  });

  it('asks for the payments when a payment has not shown up', async () => {
    expect(await reply('paguei e nao caiu', context)).toMatchObject({ intent: 'PAYMENT_STATUS', needsData: 'myPayments' });
  });

  it('explains escrow from the FAQ: the clinic is paid after the procedure', async () => {
    const answer = await reply('como funciona a custódia', context);
    expect(answer).toMatchObject({ intent: 'HOW_ESCROW_WORKS', needsData: null, faqIds: ['escrow-how-it-works'] });
    expect(answer.answer).toMatch(/procedimento foi realizado.*clínica é paga/);
  });

  it('answers the boleto question with the boleto entry', async () => {
    const answer = await reply('boleto demora quanto pra compensar', context);
    expect(answer).toMatchObject({ intent: 'HOW_TO_PAY_BOLETO', faqIds: ['boleto-how-to-pay'] });
    expect(answer.answer).toContain('3 dias úteis');
  });

  it('points a deletion request at the LGPD deletion entry', async () => {
    const answer = await reply('quero excluir minha conta', context);
    expect(answer).toMatchObject({ intent: 'PRIVACY_DATA', needsData: null, faqIds: ['lgpd-deletion'] });
    expect(answer.answer).toContain('Excluir minha conta');
  });

  it('offers a person when asked for one', async () => {
    expect(await reply('quero falar com um atendente', context)).toMatchObject({ intent: 'TALK_TO_PERSON', offerPerson: true });
  });

  it('says it did not understand gibberish and offers a person', async () => {
    const answer = await reply('asdkjh qwe zxcv', context);
    expect(answer).toMatchObject({ intent: 'UNKNOWN', offerPerson: true, needsData: null });
    expect(answer.answer).toContain('não entendi');
  });

  it('fills a data template and refuses a missing value', () => {
    expect(fillTemplate('vence em {dueDate}, no valor de {amount}.', { dueDate: '10/01/2027', amount: 'R$ 150,00' })).toBe('vence em 10/01/2027, no valor de R$ 150,00.');
    expect(() => fillTemplate('{amount}', {})).toThrow('{amount}');
  });
});
