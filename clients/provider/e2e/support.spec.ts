// The clinic's Atendimento against the real stack: a patient asked the assistant for a person about a
// procedure here; the clinic reads the conversation, answers and closes the ticket, and the patient
// reads the answer.
import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { accessToken, expectAccessible, graph, logIn, screenshot } from '../../e2e';

const PATIENT = 'paciente@demo.medpay.com.br';

/** The patient buys a procedure at Sorriso Paulista and asks the assistant for a person about it. */
async function ticketAtSorrisoPaulista(question: string) {
  const token = await accessToken(PATIENT);
  const search = await graph<{ procedures: { edges: { node: { id: string; clinic: { tradeName: string } } }[] } }>('{ procedures(filter: { search: "Clareamento" }) { edges { node { id clinic { tradeName } } } } }');
  const procedureId = search.data!.procedures.edges.find((edge) => edge.node.clinic.tradeName.includes('Sorriso'))!.node.id;
  const checkout = await graph<{ checkout: { id: string } }>('mutation($input: CheckoutInput!) { checkout(input: $input) { id } }', { input: { procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } }, token);
  const asked = await graph<{ askAssistant: { conversationId: string } }>('mutation { askAssistant(message: "quero falar com uma pessoa") { conversationId } }', {}, token);
  const conversationId = asked.data!.askAssistant.conversationId;
  const opened = await graph('mutation($c: ID!, $p: ID!, $m: String!) { requestSupport(conversationId: $c, topic: PROCEDURE, paymentId: $p, message: $m) { id } }', { c: conversationId, p: checkout.data!.checkout.id, m: question }, token);
  expect(opened.errors).toBeUndefined();
  return { conversationId, token };
}

test('the clinic answers and closes a patient\'s ticket about a procedure', async ({ page }) => {
  const question = `Preciso de jejum? (${randomUUID().replace(/[\d-]/g, '').slice(0, 8)})`;
  const { conversationId, token } = await ticketAtSorrisoPaulista(question);

  await logIn(page, 'clinica@demo.medpay.com.br');
  await page.getByRole('navigation', { name: 'Seções da clínica' }).getByRole('link', { name: 'Atendimento' }).click();
  await expect(page.getByRole('heading', { name: 'Atendimento', level: 1 })).toBeVisible();
  const ticket = page.locator(`[data-ticket="${conversationId}"]`);
  await expect(ticket).toContainText(question);
  await expect(ticket).toContainText('Clareamento dental');
  await expectAccessible(page, 'atendimento da clínica');
  await screenshot(page, 'provider-support-tickets');

  await ticket.getByLabel('Responder ao paciente').fill('Não precisa de jejum.');
  await ticket.getByRole('button', { name: 'Enviar resposta' }).click();
  await expect(ticket).toContainText('Não precisa de jejum.');
  await ticket.getByRole('button', { name: 'Encerrar atendimento' }).click();
  // Closed: no more replies from the clinic (the patient writing again reopens it).
  await expect(ticket).toContainText('Encerrado');
  await expect(ticket.getByLabel('Responder ao paciente')).toHaveCount(0);

  const mine = await graph<{ mySupportTickets: { edges: { node: { id: string; status: string; messages: { author: string; text: string }[] } }[] } }>('{ mySupportTickets { edges { node { id status messages { author text } } } } }', {}, token);
  const seen = mine.data!.mySupportTickets.edges.find((edge) => edge.node.id === conversationId)!.node;
  expect(seen).toMatchObject({ status: 'CLOSED' });
  expect(seen.messages.at(-1)).toEqual({ author: 'STAFF', text: 'Não precisa de jejum.' });
});
