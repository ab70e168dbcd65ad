import { describe, expect, it } from '@jest/globals';
import { formatBRL } from '@medpay/money';
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { crediarioContract, type CrediarioContractInput } from './crediario-contract.js';
import { formatDay, formatPercent } from './format.js';
import { crediarioFixture } from './test-fixtures.js';
import { pdfPagesText, pdfText } from './testing.js';

const oneLine = (text: string) => text.replace(/\n/g, ' ');
const cells = (centavos: number) => formatBRL(centavos).replace('R$ ', '');

describe('crediarioContract', () => {
  it('is a PDF that pdf-lib loads back', async () => {
    const { pdf, sha256 } = await crediarioContract(crediarioFixture(12));
    expect(sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getPageCount()).toBeGreaterThan(1);
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-10-05T14:20:00.000Z');
  });

  it('discloses every figure: principal, IOF, rate, CET a.m. and a.a., total, with the parties in full', async () => {
    const input = crediarioFixture(12);
    const text = oneLine(await pdfText((await crediarioContract(input)).pdf));
    const total = input.schedule.reduce((sum, row) => sum + row.amountCentavos, 0);
    for (const expected of [
      'Joana D’Arc da Conceição, CPF 529.982.247-25',
      'Curitiba/PR, CEP 80210-000',
      'Clínica Sorriso Pleno Odontologia Ltda',
      'Implante dentário unitário',
      formatBRL(input.releasedCentavos),
      formatBRL(input.iofCentavos),
      formatBRL(input.principalCentavos),
      '2,49% ao mês',
      `${formatPercent(input.cet.monthlyRate)} ao mês — ${formatPercent(input.cet.annualRate)} ao ano`,
      `Total a pagar ${formatBRL(total)}`,
      'multa de 2,00%',
      'juros de mora de 1,00% ao mês',
      'em até 7 dias da assinatura',
      'CDC, art. 52, § 2º',
    ]) {
      expect(text).toContain(expected);
    }
    // The CET is a real figure from the financing library, above the nominal rate (it includes the IOF).
    expect(input.cet.monthlyRate).toBeGreaterThan(0.0249);
  });

  it('prints the whole schedule, row by row, with totals that add up', async () => {
    const input = crediarioFixture(12);
    const text = await pdfText((await crediarioContract(input)).pdf);
    for (const row of input.schedule) {
      expect(text).toContain(`${row.number}/12\n${formatDay(row.dueDate)}\n${cells(row.amountCentavos)}\n${cells(row.amortizationCentavos)}\n${cells(row.interestCentavos)}`);
    }
    const interest = input.schedule.reduce((sum, row) => sum + row.interestCentavos, 0);
    const total = input.schedule.reduce((sum, row) => sum + row.amountCentavos, 0);
    expect(text).toContain(`Total\n${cells(total)}\n${cells(input.principalCentavos)}\n${cells(interest)}`);
    // The balance after the last installment is zero.
    expect(text).toContain(`12/12\n${formatDay(input.schedule[11]!.dueDate)}\n${cells(input.schedule[11]!.amountCentavos)}\n${cells(input.schedule[11]!.amortizationCentavos)}\n${cells(input.schedule[11]!.interestCentavos)}\n0,00`);
  });

  it('prints the terms the patient saw and puts their hash in every footer', async () => {
    const input = crediarioFixture(12);
    const hash = createHash('sha256').update(input.terms).digest('hex');
    const pages = await pdfPagesText((await crediarioContract(input)).pdf);
    for (const text of pages) expect(text).toContain(`Termos aceitos pelo emitente — SHA-256: ${hash}`);
    const all = pages.join('\n');
    for (const line of input.terms.split('\n')) expect(oneLine(all)).toContain(line);
  });

  it('paginates a long schedule, repeating the table header, and grows with it', async () => {
    const short = await pdfPagesText((await crediarioContract(crediarioFixture(3))).pdf);
    const long = await pdfPagesText((await crediarioContract(crediarioFixture(60, 2_000_000))).pdf);
    expect(long.length).toBeGreaterThan(short.length);
    const schedulePages = long.filter((text) => /\n\d+\/60\n/.test(text));
    expect(schedulePages.length).toBeGreaterThanOrEqual(2);
    for (const text of schedulePages) expect(text).toContain('Saldo devedor (R$)');
    expect(long.join('\n')).toContain('60/60');
    long.forEach((text, index) => expect(text).toContain(`Página ${index + 1} de ${long.length}`));
  });

  it('gives the same SHA-256 for the same contract and another for any change', async () => {
    const first = await crediarioContract(crediarioFixture(12));
    expect((await crediarioContract(crediarioFixture(12))).sha256).toBe(first.sha256);
    const otherDebtor = crediarioFixture(12);
    otherDebtor.debtor = { ...otherDebtor.debtor, name: 'Joana D’Arc da Conceiçao' };
    expect((await crediarioContract(otherDebtor)).sha256).not.toBe(first.sha256);
    expect((await crediarioContract(crediarioFixture(13))).sha256).not.toBe(first.sha256);
  });

  it('refuses figures that do not add up, and fees above the law', async () => {
    const refused = (change: (input: CrediarioContractInput) => void) => {
      const input = crediarioFixture(6);
      change(input);
      return crediarioContract(input);
    };
    await expect(refused((input) => (input.schedule[2]!.amortizationCentavos += 1))).rejects.toThrow(/interest \+ amortization/);
    await expect(
      refused((input) => {
        input.schedule[2]!.amortizationCentavos += 1;
        input.schedule[2]!.amountCentavos += 1;
      }),
    ).rejects.toThrow(/amortizations add up/);
    await expect(refused((input) => (input.principalCentavos += 1))).rejects.toThrow(/principalCentavos/);
    await expect(refused((input) => (input.lateFees.fineBasisPoints = 300))).rejects.toThrow(/2 %/);
    await expect(refused((input) => (input.lateFees.monthlyInterestRate = 0.02))).rejects.toThrow(/1 % a month/);
    await expect(refused((input) => (input.terms += ' (alterado)'))).rejects.toThrow(/termsSha256/);
    await expect(refused((input) => (input.schedule[0]!.dueDate = input.releaseDate))).rejects.toThrow(/after the release/);
    await expect(refused((input) => (input.debtor.cpf = '529.982.247-24'))).rejects.toThrow(/invalid CPF/);
  });
});
