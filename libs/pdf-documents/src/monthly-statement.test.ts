import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { monthlyStatement } from './monthly-statement.js';
import { statementFixture, statementLine } from './test-fixtures.js';
import { pdfPagesText, pdfText } from './testing.js';

const oneLine = (text: string) => text.replace(/\n/g, ' ');

describe('monthlyStatement', () => {
  it('is a PDF that pdf-lib loads back', async () => {
    const { pdf, sha256 } = await monthlyStatement(statementFixture());
    expect(sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect((await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount()).toBe(1);
  });

  it('shows each line and totals that add up to the closing balance', async () => {
    const input = {
      ...statementFixture(0),
      openingBalanceCentavos: 100_000,
      lines: [
        statementLine('2026-10-03', 'pay_a', 123_456),
        statementLine('2026-10-10', 'pay_b', 50_000, { refunds: 10_000 }),
        statementLine('2026-10-20', 'pay_c', 0, { chargebacks: 30_000 }),
        { date: '2026-10-25', paymentId: null, description: 'Repasse PIX', grossCentavos: 0, platformFeeCentavos: 0, refundsCentavos: 0, chargebacksCentavos: 0, netCentavos: 0, payoutCentavos: 150_000 },
      ],
      // 100.000 + (118.518 + 38.000 − 30.000) − 150.000
      closingBalanceCentavos: 76_518,
    };
    const text = await pdfText((await monthlyStatement(input)).pdf);
    expect(text).toContain('03/10/2026\npay_a\n1.234,56\n49,38\n0,00\n0,00\n1.185,18\n0,00');
    expect(text).toContain('10/10/2026\npay_b\n500,00\n20,00\n100,00\n0,00\n380,00\n0,00');
    expect(text).toContain('20/10/2026\npay_c\n0,00\n0,00\n0,00\n300,00\n-300,00\n0,00');
    expect(text).toContain('25/10/2026\nRepasse PIX');
    expect(text).toContain('Total\n4 lançamento(s)\n1.734,56\n69,38\n100,00\n300,00\n1.265,18\n1.500,00');
    const flat = oneLine(text);
    expect(flat).toContain('Saldo inicial R$ 1.000,00');
    expect(flat).toContain('Saldo final R$ 765,18');
    expect(flat).toContain('Saldo final: R$ 1.000,00 + R$ 1.265,18 - R$ 1.500,00 = R$ 765,18');
    expect(flat).toContain('Período 01/10/2026 a 31/10/2026');
    expect(flat).toContain('outubro de 2026');
  });

  it('refuses figures that do not add up, or lines outside the month', async () => {
    const base = statementFixture(2);
    await expect(monthlyStatement({ ...base, closingBalanceCentavos: 1 })).rejects.toThrow(/closingBalanceCentavos/);
    const wrongNet = { ...statementLine('2026-10-03', 'pay_a', 10_000), netCentavos: 9_999 };
    await expect(monthlyStatement({ ...base, lines: [wrongNet] })).rejects.toThrow(/netCentavos/);
    await expect(monthlyStatement({ ...base, lines: [statementLine('2026-11-01', 'pay_a', 10_000)] })).rejects.toThrow(/outside 2026-10/);
    await expect(monthlyStatement({ ...base, lines: [{ ...statementLine('2026-10-03', 'x', 0), paymentId: null }] })).rejects.toThrow(/description/);
    await expect(monthlyStatement({ ...base, lines: [{ ...statementLine('2026-10-03', 'x', 10_000), grossCentavos: 10_000.5 }] })).rejects.toThrow(/grossCentavos/);
  });

  it('paginates many lines with the header on every page, and grows with them', async () => {
    const few = await pdfPagesText((await monthlyStatement(statementFixture(5))).pdf);
    const many = await pdfPagesText((await monthlyStatement(statementFixture(150))).pdf);
    expect(few.length).toBe(1);
    expect(many.length).toBeGreaterThan(3);
    const tablePages = many.filter((text) => text.includes('pay_'));
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    for (const text of tablePages) expect(text).toContain('Chargebacks');
    const all = many.join('\n');
    for (let index = 1; index <= 150; index++) expect(all).toContain(`pay_${String(index).padStart(6, '0')}`);
    many.forEach((text, index) => expect(text).toContain(`Página ${index + 1} de ${many.length}`));
  });

  it('gives the same SHA-256 for the same statement and another for another', async () => {
    const first = await monthlyStatement(statementFixture(10));
    expect((await monthlyStatement(statementFixture(10))).sha256).toBe(first.sha256);
    expect((await monthlyStatement({ ...statementFixture(10), openingBalanceCentavos: 150_001 })).sha256).not.toBe(first.sha256);
  });
});
