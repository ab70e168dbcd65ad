// The records on the embedded store (the same code runs on MongoDB): concurrent writers on one
// conversation or ticket all land or fail cleanly, limits hold under concurrency, lists are scoped.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openEmbeddedStore } from '@medpay/documents';
import { encodeCursor } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import { aiCollections, type AiStore } from './collections.js';
import { Conversations, MAX_TURNS, type ConversationDoc } from './conversations.js';
import { SupportDesk } from './support-desk.js';

let store: AiStore;
let conversations: Conversations;
let desk: SupportDesk;
beforeAll(async () => {
  store = await openEmbeddedStore(aiCollections, null);
  conversations = new Conversations(store);
  desk = new SupportDesk(store, conversations);
});
afterAll(() => store.close());

const at = new Date('2026-12-05T12:00:00Z');
const exchange = (conversationId: string, patientId: string, continuing: boolean, question = 'oi') =>
  conversations.record({ conversationId, patientId, continuing, question, intent: 'GREETING', answer: 'Olá!', personal: false, at });

async function conversationOf(patientId: string) {
  const id = randomUUID();
  await exchange(id, patientId, false, 'quero falar com uma pessoa');
  return id;
}

describe('conversations', () => {
  it('appends every exchange sent at once, and stops at the limit however many race for the last places', async () => {
    const id = await conversationOf('p1');
    await Promise.all(Array.from({ length: 20 }, (_, n) => exchange(id, 'p1', true, `pergunta ${n}`)));
    expect(((await store.findById('conversations', id)) as unknown as ConversationDoc).turns).toHaveLength(42);
    while (((await store.findById('conversations', id)) as unknown as ConversationDoc).turns.length < MAX_TURNS - 6) await exchange(id, 'p1', true);
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => exchange(id, 'p1', true)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(3);
    expect(((await store.findById('conversations', id)) as unknown as ConversationDoc).turns).toHaveLength(MAX_TURNS);
  });

  it('refuses to continue someone else\'s conversation or one it never started', async () => {
    const id = await conversationOf('p1');
    await expect(exchange(id, 'p2', true)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(exchange(id, 'p2', false)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(exchange(randomUUID(), 'p1', true)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });
});

describe('the support desk', () => {
  it('keeps every reply written at once, and a close racing them leaves a consistent ticket', async () => {
    const id = await conversationOf('p3');
    await desk.open({ conversationId: id, patientId: 'p3', topic: 'PAYMENT', payment: null, message: null, at });
    await Promise.all([
      ...Array.from({ length: 10 }, (_, n) => desk.reply(id, { kind: 'PATIENT', userId: 'p3' }, `mensagem ${n}`, at)),
      desk.close(id, at).catch(() => undefined),
    ]);
    const ticket = (await desk.get(id))!;
    expect(ticket.messages.filter((message) => message.text.startsWith('mensagem'))).toHaveLength(10);
    expect(ticket.status === 'OPEN' ? ticket.closedAt : ticket.closedAt?.toISOString()).toBe(ticket.status === 'OPEN' ? null : at.toISOString());
  });

  it('redacts what the patient writes on the ticket', async () => {
    const id = await conversationOf('p4');
    const ticket = await desk.open({ conversationId: id, patientId: 'p4', topic: 'PAYMENT', payment: null, message: 'meu cpf 529.982.247-25', at });
    expect(ticket.messages.at(-1)!.text).toBe('meu cpf [CPF]');
  });

  it('lists one clinic\'s tickets, the back office\'s and a patient\'s apart, the newest first, page by page', async () => {
    const clinicId = randomUUID();
    const opened: string[] = [];
    for (let n = 0; n < 3; n += 1) {
      const id = await conversationOf('p5');
      await desk.open({ conversationId: id, patientId: 'p5', topic: 'PROCEDURE', payment: { id: randomUUID(), clinicId }, message: null, at: new Date(at.getTime() + n * 1000) });
      opened.push(id);
    }
    const backOffice = await conversationOf('p5');
    await desk.open({ conversationId: backOffice, patientId: 'p5', topic: 'PAYMENT', payment: null, message: null, at });

    const first = await desk.list({ clinicId }, { status: null, first: 2, after: null });
    expect(first.rows.map((row) => row._id)).toEqual([opened[2], opened[1]]);
    expect(first.hasNextPage).toBe(true);
    const second = await desk.list({ clinicId }, { status: null, first: 2, after: encodeCursor(opened[1]!) });
    expect(second.rows.map((row) => row._id)).toEqual([opened[0]]);
    expect((await desk.list({ backOffice: true }, { status: 'OPEN', first: 50, after: null })).rows.map((row) => row._id)).toContain(backOffice);
    expect((await desk.list({ backOffice: true }, { status: 'OPEN', first: 50, after: null })).rows.some((row) => opened.includes(row._id))).toBe(false);
    expect((await desk.list({ patientId: 'p5' }, { status: null, first: 50, after: null })).rows).toHaveLength(4);
  });

  it('needs the payment for a procedure question', async () => {
    const id = await conversationOf('p6');
    await expect(desk.open({ conversationId: id, patientId: 'p6', topic: 'PROCEDURE', payment: null, message: null, at })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});
