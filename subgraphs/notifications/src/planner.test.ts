import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { plan } from './planner.js';
import { quietHoursEnd } from './sender.js';
import { emailOf, templates, type MessageFacts } from './templates.js';

const event = (type: string, payload: Record<string, unknown>, createdAt = '2026-12-04T12:00:00.000Z') => ({ id: randomUUID(), type, aggregateId: 'p1', payload, createdAt });
const parties = { paymentId: 'p1', payerId: 'u1', clinicId: 'c1' };
const options = { confirmationReminderDays: 7 };
const change = (from: string | null, status: string, escrowState = 'HELD') => event('payment.status_changed', { ...parties, from, status, escrowState, reason: '', refundedCentavos: 0 });

describe('plan', () => {
  it('schedules crediário reminders at 09:00 in São Paulo, 3 days before and on the due date, and not those already past', () => {
    const created = event('payment.created', {
      ...parties, procedureId: 'x', category: 'odontologia', planKind: 'CREDIARIO', method: 'BOLETO', installmentCount: 2,
      grossCentavos: 100, platformFeeCentavos: 1, processingCostCentavos: 1, clinicNetCentavos: 98, patientTotalCentavos: 110,
      installments: [{ number: 1, dueDate: '2026-12-05', amountCentavos: 55 }, { number: 2, dueDate: '2027-01-05', amountCentavos: 55 }],
    });
    const { occurrences } = plan(created, options);
    expect(occurrences.map((o) => [o.kind, o.at.toISOString(), o.cancelKey])).toEqual([
      ['installment.due_today', '2026-12-05T12:00:00.000Z', 'payment:p1:installment:1'],
      ['installment.due_soon', '2027-01-02T12:00:00.000Z', 'payment:p1:installment:2'],
      ['installment.due_today', '2027-01-05T12:00:00.000Z', 'payment:p1:installment:2'],
    ]);
    // The same installment's reminder has one key whichever event is replayed.
    expect(plan(created, options).occurrences.map((o) => o.key)).toEqual(occurrences.map((o) => o.key));
  });

  it('says what each status change means, to whom, and cancels what is no longer due', () => {
    const paid = plan(change('AWAITING_PAYMENT', 'PAID'), options);
    expect(paid.occurrences.map((o) => [o.kind, o.audience])).toEqual([['payment.confirmed', { userId: 'u1' }]]);
    expect(paid.cancel).toEqual(['payment:p1:charge:']);
    const escrow = plan(change('PAID', 'IN_ESCROW'), options);
    expect(escrow.occurrences.map((o) => o.kind)).toEqual(['payment.in_escrow', 'clinic.payment_in_escrow', 'clinic.confirmation_pending']);
    expect(escrow.occurrences[2]!.at.toISOString()).toBe('2026-12-11T12:00:00.000Z');
    expect(plan(change('IN_ESCROW', 'RELEASED', 'RELEASED'), options).cancel).toEqual(['payment:p1:confirmation']);
    expect(plan(change('IN_ESCROW', 'REFUNDED', 'RETURNED'), options).cancel).toEqual(['payment:p1:']);
    expect(plan(change('IN_ESCROW', 'DISPUTED'), options).occurrences.map((o) => o.kind)).toEqual(['payment.dispute_opened', 'clinic.dispute_opened']);
    expect(plan(change('DISPUTED', 'IN_ESCROW'), options).occurrences.map((o) => o.kind)).toEqual(['payment.dispute_decided']);
    const chargedBack = plan(change('DISPUTED', 'CHARGED_BACK'), options);
    expect([chargedBack.occurrences.map((o) => o.kind), chargedBack.cancel]).toEqual([['payment.charged_back', 'clinic.chargeback_received'], ['payment:p1:']]);
    const installmentPaid = event('installment.paid', { ...parties, number: 2, dueDate: '2027-01-05', amountCentavos: 55, paidAt: '2026-12-04T12:00:00.000Z' });
    expect(plan(installmentPaid, options).cancel).toEqual(['payment:p1:installment:2', 'payment:p1:charge:2']);
  });

  it('warns of a PIX 10 minutes before it expires, and of a boleto the morning before its due date', () => {
    const pix = plan(event('charge.issued', { ...parties, method: 'PIX', installmentNumber: null, amountCentavos: 100, expiresAt: '2026-12-04T13:00:00.000Z', dueDate: null }), options);
    expect(pix.occurrences.map((o) => [o.kind, o.at.toISOString()])).toEqual([['pix.expiring', '2026-12-04T12:50:00.000Z']]);
    const boleto = plan(event('charge.issued', { ...parties, method: 'BOLETO', installmentNumber: 3, amountCentavos: 100, expiresAt: null, dueDate: '2026-12-10' }), options);
    expect(boleto.occurrences.map((o) => [o.kind, o.at.toISOString(), o.cancelKey])).toEqual([['boleto.due_tomorrow', '2026-12-09T12:00:00.000Z', 'payment:p1:charge:3']]);
  });

  it('ignores events off the contract and types it does not know', () => {
    expect(plan(event('payment.status_changed', { paymentId: 'p1' }), options)).toEqual({ occurrences: [], cancel: [] });
    expect(plan(event('something.else', {}), options)).toEqual({ occurrences: [], cancel: [] });
  });
});

describe('sign-ups', () => {
  const at = '2026-12-04T12:00:00.000Z';

  it('e-mail the address a sign-up gave, and the owner of an account whose e-mail or CPF it gave', () => {
    const requested = plan(event('sign_up.requested', { signUpId: 's1', at }), options);
    expect(requested.occurrences.map((o) => [o.kind, o.audience, o.data])).toEqual([['sign_up.confirmation', { signUpId: 's1' }, { signUpId: 's1' }]]);
    const existing = plan(event('sign_up.existing_account', { userId: 'u1', matched: ['EMAIL', 'CPF'], at }), options);
    expect(existing.occurrences.map((o) => [o.kind, o.audience, o.data])).toEqual([['account.sign_up_attempted', { userId: 'u1' }, { matched: ['EMAIL', 'CPF'] }]]);
  });

  it('put the confirmation link, into the patient app, in the e-mail alone, whatever the person chose', () => {
    const template = templates['sign_up.confirmation'];
    expect(template.channels).toEqual(['EMAIL']);
    expect(template.security).toBe(true);
    const facts: MessageFacts = {
      recipient: { userId: 's1', name: 'Marina Costa', email: 'marina@exemplo.com.br', phone: null, maskedCpf: null },
      data: { signUpId: 's1' },
      signUp: { token: 'Tk-_0123', expiresAt: '2026-12-05T15:00:00.000Z' },
    };
    const email = emailOf(template.render(facts), facts, 'http://127.0.0.1:3000', template);
    expect(email.subject).toBe('MedPay Saúde: Confirme seu e-mail para criar sua conta');
    expect(email.text).toContain('Olá, Marina!');
    expect(email.text).toContain('Confirmar meu e-mail: http://127.0.0.1:3000/cadastro/confirmar?token=Tk-_0123');
    expect(email.text).toContain('vale até 05/12/2026 às 12:00');
    expect(email.text).not.toContain('Preferências de notificação');
    // Its CPF has an account: no link to a sure failure, and a word on what to do.
    const refused = template.render({ ...facts, signUp: { token: null, expiresAt: '2026-12-05T15:00:00.000Z' } });
    expect(refused).toMatchObject({ title: 'Não foi possível concluir seu cadastro', link: '/entrar' });
    expect(refused.body).toContain('o CPF informado já tem uma conta');
  });

  it("tell an account's owner what a sign-up gave, and that no account was made", () => {
    const template = templates['account.sign_up_attempted'];
    const facts = (matched: Array<'EMAIL' | 'CPF'>): MessageFacts => ({
      recipient: { userId: 'u1', name: 'Paula Souza', email: 'paula@exemplo.com.br', phone: null, maskedCpf: '***.982.247-**' },
      data: { matched },
    });
    expect(template.render(facts(['CPF'])).body).toMatch(/^Alguém tentou criar uma conta na MedPay Saúde com seu CPF, que já está na sua conta\. Nenhuma conta nova foi criada\. Se foi você/);
    expect(template.render(facts(['EMAIL', 'CPF'])).body).toContain('com seu e-mail e seu CPF, que já estão na sua conta');
    expect(emailOf(template.render(facts(['EMAIL'])), facts(['EMAIL']), 'http://127.0.0.1:3000', template).text).toContain('Entrar na MedPay: http://127.0.0.1:3000/entrar');
  });
});

describe('a clinic\'s payouts redirected', () => {
  it('tell its whole team, whatever they chose, how payouts now go', () => {
    const planned = plan(event('clinic.payout_account_changed', { clinicId: 'c1', method: 'TED', changedBy: randomUUID(), at: '2026-12-04T12:00:00.000Z' }), options);
    expect(planned.occurrences.map((o) => [o.kind, o.audience])).toEqual([['clinic.payout_account_changed', { clinicId: 'c1' }]]);
    const template = templates['clinic.payout_account_changed'];
    const rendered = template.render({ recipient: { userId: 'u1', name: 'Ana', email: 'ana@clinica.com.br', phone: null, maskedCpf: null }, data: planned.occurrences[0]!.data, clinicName: 'Sorriso Paulista' });
    expect([template.security, rendered.body]).toEqual([true, 'Os repasses de Sorriso Paulista passam a ser feitos por TED para a conta bancária cadastrada. Se ninguém da equipe fez esta alteração, fale com a MedPay imediatamente.']);
  });
});

describe('quiet hours (21:00–08:00 in São Paulo)', () => {
  it('end at the next 08:00 local time', () => {
    expect(quietHoursEnd(new Date('2026-12-04T23:30:00-03:00'))?.toISOString()).toBe('2026-12-05T11:00:00.000Z');
    expect(quietHoursEnd(new Date('2026-12-05T02:00:00-03:00'))?.toISOString()).toBe('2026-12-05T11:00:00.000Z');
    expect(quietHoursEnd(new Date('2026-12-04T21:00:00-03:00'))?.toISOString()).toBe('2026-12-05T11:00:00.000Z');
    expect(quietHoursEnd(new Date('2026-12-04T08:00:00-03:00'))).toBeNull();
    expect(quietHoursEnd(new Date('2026-12-04T20:59:59-03:00'))).toBeNull();
  });

  it('may be another window, within one day, or none', () => {
    const morning = { from: 6, until: 9 };
    expect(quietHoursEnd(new Date('2026-12-04T07:15:00-03:00'), morning)?.toISOString()).toBe('2026-12-04T12:00:00.000Z');
    expect(quietHoursEnd(new Date('2026-12-04T09:00:00-03:00'), morning)).toBeNull();
    expect(quietHoursEnd(new Date('2026-12-04T05:59:00-03:00'), morning)).toBeNull();
    expect(quietHoursEnd(new Date('2026-12-04T23:30:00-03:00'), null)).toBeNull();
  });
});
