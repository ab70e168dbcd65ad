// "Falar com uma pessoa" in the patient app against the real stack: João asks the assistant for a
// person, sends a question about one of his procedures to its clinic, and finds the ticket, with the
// conversation, in Meus atendimentos.
import { expect, test } from '@playwright/test';
import { expectAccessible, logIn, screenshot } from '../../e2e';

test('the patient asks for a person from the assistant, and the ticket goes to the clinic with the conversation', async ({ page }) => {
  await logIn(page, 'joao.pereira@demo.medpay.com.br');
  await page.getByRole('link', { name: 'Ajuda' }).click();
  await page.getByLabel('Sua pergunta').fill('quero falar com uma pessoa');
  await page.getByRole('button', { name: 'Enviar' }).click();
  const form = page.getByRole('form', { name: 'Falar com uma pessoa' });
  await expect(form).toBeVisible();
  await form.getByLabel('Um procedimento (a clínica responde)').check();
  const procedure = form.getByLabel('Qual procedimento?');
  const first = await procedure.locator('option').nth(1).getAttribute('value');
  await procedure.selectOption(first!);
  await form.getByLabel('Mensagem (opcional)').fill('Posso remarcar para a semana que vem?');
  await expectAccessible(page, 'assistente, falar com uma pessoa');
  await form.getByRole('button', { name: 'Chamar uma pessoa' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'a clínica recebeu seu pedido' })).toBeVisible();

  await page.getByRole('status').getByRole('link', { name: 'Meus atendimentos' }).click();
  await expect(page.getByRole('heading', { name: 'Meus atendimentos' })).toBeVisible();
  const ticket = page.locator('article.support-ticket').first();
  await expect(ticket).toContainText('quero falar com uma pessoa');
  await expect(ticket).toContainText('Posso remarcar para a semana que vem?');
  await expect(ticket).toContainText('Aberto');
  await expectAccessible(page, 'meus atendimentos');
  await screenshot(page, 'patient-support-tickets');
});
