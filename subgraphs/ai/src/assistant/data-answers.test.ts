import { describe, expect, it } from '@jest/globals';
import { repoRoot } from '@medpay/runtime';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationIds } from '../patient-graph.js';
import { brazilianDate, installmentsAnswer, nextInstallmentAnswer, paymentStatusAnswer, paymentsAnswer, remainingBalanceAnswer, type InstallmentRow } from './data-answers.js';

const row = (number: number, dueDate: string, status: InstallmentRow['status'], amountCentavos = 10_350, paymentId = 'p1', lateChargesCentavos = 0): InstallmentRow => ({
  number,
  dueDate,
  amountCentavos,
  lateChargesCentavos,
  status,
  payment: { id: paymentId, installmentCount: 3 },
});

describe('the assistant’s data answers', () => {
  it('writes days as dd/mm/aaaa', () => {
    expect(brazilianDate('2026-03-05')).toBe('05/03/2026');
  });

  it('names the earliest open installment, its number of the plan’s count, due day and amount in reais', () => {
    const rows = [row(1, '2026-01-10', 'PAID'), row(3, '2026-03-10', 'SCHEDULED', 123_456_78), row(2, '2026-02-10', 'ISSUED', 123_456_78)];
    expect(nextInstallmentAnswer(rows)).toBe('Sua próxima parcela (2 de 3) vence em 10/02/2026, no valor de R$ 123.456,78.');
  });

  it('an overdue installment comes first, whatever the order of the list', () => {
    const rows = [row(2, '2026-02-10', 'SCHEDULED', 1_000, 'p2'), row(1, '2025-12-01', 'OVERDUE', 2_000, 'p1', 150)];
    expect(nextInstallmentAnswer(rows)).toMatch(/\(1 de 3\) vence em 01\/12\/2025, no valor de R\$ 20,00\./);
  });

  it('says so when nothing is open', () => {
    expect(nextInstallmentAnswer([])).toBe('Você não tem parcelas em aberto.');
    expect(nextInstallmentAnswer([row(1, '2026-01-10', 'PAID')])).toBe('Você não tem parcelas em aberto.');
    expect(remainingBalanceAnswer([row(1, '2026-01-10', 'PAID')])).toBe('Você não tem parcelas em aberto: não falta nada a pagar.');
  });

  it('sums what is left, late charges included', () => {
    const rows = [row(1, '2026-01-10', 'PAID'), row(2, '2026-02-10', 'OVERDUE', 10_000, 'p1', 250), row(3, '2026-03-10', 'SCHEDULED', 10_000)];
    expect(remainingBalanceAnswer(rows)).toMatch(/^Faltam 2 parcelas, somando R\$ 202,50\./);
  });

  it('tells the latest payment’s status, its day in São Paulo time', () => {
    const payments = [
      { id: 'p1', createdAt: '2026-01-02T12:00:00.000Z', status: 'PAID_OUT', amounts: { patientTotalCentavos: 5_000 }, clinic: { id: 'c-olhos', tradeName: 'Olhos Carioca' } },
      // 01:30 UTC on the 6th is still the 5th in São Paulo
      { id: 'p2', createdAt: '2026-02-06T01:30:00.000Z', status: 'IN_ESCROW', amounts: { patientTotalCentavos: 120_000 }, clinic: { id: 'c-sorriso', tradeName: 'Sorriso Paulista' } },
    ];
    expect(paymentStatusAnswer(payments)).toBe('Seu pagamento de R$ 1.200,00 em Sorriso Paulista, feito em 05/02/2026, está pago e em custódia até a clínica confirmar o procedimento.');
    expect(paymentStatusAnswer([])).toBe('Não encontrei pagamentos na sua conta.');
  });

  it('says a payment held for review is em análise, not waiting for the patient to pay', () => {
    const held = { id: 'p3', createdAt: '2026-02-06T15:00:00.000Z', status: 'AWAITING_PAYMENT', hold: 'FRAUD_REVIEW', amounts: { patientTotalCentavos: 220_000 }, clinic: { id: 'c-derma', tradeName: 'Derma Minas' } };
    expect(paymentStatusAnswer([held])).toMatch(/está em análise: nossa equipe confere o pagamento antes de emitir a cobrança/);
  });

  it('reads what the patient app’s own MyInstallments and MyPayments select (the operations it sends by id)', () => {
    const path = join(repoRoot, 'clients/shared/src/graphql/persisted-documents.json');
    const ids = operationIds(path);
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    const installments = manifest[`sha256:${ids.MyInstallments}`]!;
    for (const field of Object.keys(installmentsAnswer.shape.myInstallments.unwrap().element.shape)) expect(installments).toMatch(new RegExp(`\\b${field}\\b`));
    expect(installments).toMatch(/\binstallmentCount\b/);
    const payments = manifest[`sha256:${ids.MyPayments}`]!;
    for (const field of ['createdAt', 'status', 'patientTotalCentavos', 'tradeName']) expect(payments).toMatch(new RegExp(`\\b${field}\\b`));
    expect(paymentsAnswer.safeParse({ myPayments: null }).success).toBe(true);
  });
});
