// The back office's Atendimento against the real stack: a patient asked the assistant for a person
// about a payment; an admin reads the conversation and answers.
import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { accessToken, expectAccessible, graph, logIn, screenshot } from '../../e2e';

test('an admin answers a patient\'s ticket about a payment', async ({ page }) => {
  const token = await accessToken('joao.pereira@demo.medpay.com.br');
  const question = `Paguei o boleto e não caiu (${randomUUID().replace(/[\d-]/g, '').slice(0, 8)})`;
  const asked = await graph<{ askAssistant: { conversationId: string } }>('mutation($m: String!) { askAssistant(message: $m) { conversationId } }', { m: question }, token);
  const conversationId = asked.data!.askAssistant.conversationId;
  expect((await graph('mutation($c: ID!) { requestSupport(conversationId: $c, topic: PAYMENT) { id } }', { c: conversationId }, token)).errors).toBeUndefined();

  await logIn(page, 'admin@demo.medpay.com.br');
  await page.getByRole('link', { name: 'Atendimento' }).click();
  await expect(page.getByRole('heading', { name: 'Atendimento', level: 1 })).toBeVisible();
  const ticket = page.locator(`[data-ticket="${conversationId}"]`);
  await expect(ticket).toContainText(question);
  await expect(ticket.getByRole('heading')).toHaveText('João Pereira');
  await expectAccessible(page, 'atendimento do back office');
  await screenshot(page, 'admin-support-tickets');

  await ticket.getByLabel('Responder ao paciente').fill('O boleto compensa em até 3 dias úteis.');
  await ticket.getByRole('button', { name: 'Enviar resposta' }).click();
  await expect(ticket).toContainText('O boleto compensa em até 3 dias úteis.');
});
