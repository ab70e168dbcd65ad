// Inputs the generators' tests share: a clinic, a patient, and a crediário computed by the product's
// own financing library (as checkout does), so the contract is tested on real schedules and CETs.
import { cet, financedWithIof } from '@medpay/financing';
import { createHash } from 'node:crypto';
import type { CrediarioContractInput } from './crediario-contract.js';
import type { MonthlyStatementInput } from './monthly-statement.js';
import type { PaymentReceiptInput } from './payment-receipt.js';
import type { ServiceAgreementInput } from './service-agreement.js';

export const CLINIC = {
  legalName: 'Clínica Sorriso Pleno Odontologia Ltda',
  tradeName: 'Sorriso Pleno',
  cnpj: '12.ABC.345/01DE-35',
  address: { street: 'Rua Augusta', number: '1500', complement: 'sala 42', district: 'Consolação', city: 'São Paulo', state: 'SP', postalCode: '01304-001' },
};

export const PATIENT = {
  name: 'Joana D’Arc da Conceição',
  cpf: '529.982.247-25',
  address: { street: 'Rua das Acácias', number: '77', district: 'Jardim Botânico', city: 'Curitiba', state: 'PR', postalCode: '80210-000' },
  email: 'joana@example.com',
};

export const serviceAgreementFixture = (): ServiceAgreementInput => ({
  reference: 'CSP-2026-000042',
  issuedAt: '2026-10-05T14:30:00-03:00',
  clinic: { ...CLINIC, email: 'financeiro@sorrisopleno.com.br', representative: { name: 'Marina Albuquerque Prado', cpf: '111.444.777-35', role: 'sócia-administradora' } },
  platformFeeBasisPoints: 400,
  processingCosts: { pixCentavos: 99, boletoCentavos: 249, cardBasisPoints: 299 },
  payout: { method: 'PIX', destination: 'chave PIX CNPJ 12.ABC.345/01DE-35', escrowAutoReleaseDays: 30, businessDaysAfterRelease: 1 },
});

/** A crediário as checkout computes it (financedWithIof with pro rata die interest, CET on real dates). */
export function crediarioFixture(count = 12, priceCentavos = 480_000): CrediarioContractInput {
  const releaseDate = '2026-10-05';
  const financed = financedWithIof({ amountCentavos: priceCentavos, monthlyRate: 0.0249, count, releaseDate, firstDueDate: '2026-11-10', dueDay: 10 });
  const schedule = financed.schedule.installments.map((row) => ({
    number: row.number,
    dueDate: row.dueDate,
    amountCentavos: row.paymentCentavos,
    interestCentavos: row.interestCentavos,
    amortizationCentavos: row.amortizationCentavos,
  }));
  const rates = cet({ releasedCentavos: priceCentavos, releaseDate, payments: schedule.map((row) => ({ date: row.dueDate, amountCentavos: row.amountCentavos })) });
  const terms = [
    'CONTRATO DE CRÉDITO PESSOAL — CREDIÁRIO MEDPAY',
    `Finalidade: pagamento do procedimento "Implante dentário unitário" em Sorriso Pleno, pago integralmente à clínica pela MedPay.`,
    `Parcelas: ${count} mensais pela Tabela Price. Juros: 2,49% ao mês.`,
    'Você pode antecipar parcelas com redução proporcional dos juros (CDC art. 52 §2º).',
  ].join('\n');
  return {
    reference: `CCB-2026-${String(count).padStart(6, '0')}`,
    issuedAt: '2026-10-05T11:20:00-03:00',
    debtor: PATIENT,
    clinic: { legalName: CLINIC.legalName, tradeName: CLINIC.tradeName, cnpj: CLINIC.cnpj },
    procedure: { name: 'Implante dentário unitário' },
    releaseDate,
    releasedCentavos: priceCentavos,
    iofCentavos: financed.principalCentavos - priceCentavos,
    principalCentavos: financed.principalCentavos,
    monthlyRate: 0.0249,
    cet: { monthlyRate: rates.monthlyRate, annualRate: rates.annualRate },
    schedule,
    lateFees: { fineBasisPoints: 200, monthlyInterestRate: 0.01 },
    terms,
    termsSha256: createHash('sha256').update(terms).digest('hex'),
  };
}

export const receiptFixture = (): PaymentReceiptInput => ({
  paymentId: 'pay_01JB7Z3K9Q4W8E2R6T1Y5U0I3O',
  paidAt: '2026-10-05T17:03:27Z',
  method: { kind: 'PIX', endToEndId: 'E1393589320261005170327abcdef123' },
  amountCentavos: 123_456,
  payer: { name: PATIENT.name, cpf: PATIENT.cpf },
  clinic: { tradeName: CLINIC.tradeName, cnpj: CLINIC.cnpj },
  procedure: { name: 'Clareamento dental a laser' },
});

/** A statement line that adds up: net = gross − fee − refunds − chargebacks. */
export function statementLine(date: string, paymentId: string, grossCentavos: number, options: { refunds?: number; chargebacks?: number; payout?: number } = {}) {
  const platformFeeCentavos = Math.round(grossCentavos * 0.04);
  const refundsCentavos = options.refunds ?? 0;
  const chargebacksCentavos = options.chargebacks ?? 0;
  return {
    date,
    paymentId,
    grossCentavos,
    platformFeeCentavos,
    refundsCentavos,
    chargebacksCentavos,
    netCentavos: grossCentavos - platformFeeCentavos - refundsCentavos - chargebacksCentavos,
    payoutCentavos: options.payout ?? 0,
  };
}

export function statementFixture(lineCount = 4): MonthlyStatementInput {
  const lines = Array.from({ length: lineCount }, (_, index) =>
    statementLine(`2026-10-${String((index % 28) + 1).padStart(2, '0')}`, `pay_${String(index + 1).padStart(6, '0')}`, 50_000 + index * 1_000, { payout: index % 2 === 1 ? 40_000 : 0 }),
  );
  return {
    reference: 'EXT-2026-10-CSP',
    issuedAt: '2026-11-01T06:00:00-03:00',
    month: '2026-10',
    clinic: { legalName: CLINIC.legalName, tradeName: CLINIC.tradeName, cnpj: CLINIC.cnpj },
    openingBalanceCentavos: 150_000,
    lines,
  };
}
