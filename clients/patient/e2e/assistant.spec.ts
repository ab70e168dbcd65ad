// The patient assistant in the patient app against the real stack: João (two seeded crediários) asks
// informally when his next installment is due and gets the date and amount his installments page
// shows; a question it does not understand gets suggestions instead of a guess, and a person.
import { expect, test } from '@playwright/test';
import { accessToken, expectAccessible, graph, logIn, screenshot } from '../../e2e';

const JOAO = 'joao.pereira@demo.medpay.com.br';

test('the assistant answers the next installment from the patient\'s own data', async ({ page }) => {
  const token = await accessToken(JOAO);
  const { data } = await graph<{ myInstallments: { dueDate: string; amountCentavos: number; status: string }[] }>('{ myInstallments { dueDate amountCentavos status } }', {}, token);
  const next = data!.myInstallments.filter((row) => row.status !== 'PAID').sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0]!;
  const [year, month, day] = next.dueDate.split('-');
  const amount = (next.amountCentavos / 100).toLocaleString('pt-BR', { minimumFractionDigits: 2 });

  await logIn(page, JOAO);
  await page.getByRole('link', { name: 'Ajuda' }).click();
  await expect(page.getByRole('heading', { name: 'Assistente' })).toBeVisible();
  await page.getByLabel('Sua pergunta').fill('qdo vence minha proxima parcela');
  await page.getByRole('button', { name: 'Enviar' }).click();
  const answer = page.getByTestId('assistant-answer').last();
  await expect(answer).toContainText(`${day}/${month}/${year}`);
  await expect(answer).toContainText(amount);

  await page.getByLabel('Sua pergunta').fill('xyzzy plugh');
  await page.getByRole('button', { name: 'Enviar' }).click();
  await expect(page.getByTestId('assistant-answer')).toHaveCount(2);
  await expect(page.getByRole('form', { name: 'Falar com uma pessoa' })).toBeVisible();
  await expectAccessible(page, 'assistente');
  await screenshot(page, 'patient-assistant');
});
