import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { paymentReceipt, type PaymentReceiptInput } from './payment-receipt.js';
import { receiptFixture } from './test-fixtures.js';
import { pdfPagesText, pdfText } from './testing.js';

const oneLine = (text: string) => text.replace(/\n/g, ' ');

describe('paymentReceipt', () => {
  it('is a one-page PDF that pdf-lib loads back', async () => {
    const { pdf, sha256 } = await paymentReceipt(receiptFixture());
    expect(sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-10-05T17:03:27.000Z');
    expect((await pdfPagesText(pdf))[0]).toContain('Página 1 de 1');
  });

  it('shows the amount, the moment in Brasília time, the PIX end-to-end id, the clinic and the procedure', async () => {
    const text = oneLine(await pdfText((await paymentReceipt(receiptFixture())).pdf));
    for (const expected of [
      'Valor pago: R$ 1.234,56',
      '05/10/2026 às 14:03 (horário de Brasília)',
      'PIX',
      'E1393589320261005170327abcdef123',
      'pay_01JB7Z3K9Q4W8E2R6T1Y5U0I3O',
      'Joana D’Arc da Conceição',
      'Sorriso Pleno',
      '12.ABC.345/01DE-35',
      'Clareamento dental a laser',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('masks the payer’s CPF and never shows the split', async () => {
    const withSplit = { ...receiptFixture(), split: { platformFeeCentavos: 4_938, clinicNetCentavos: 118_518 } } as PaymentReceiptInput;
    const text = oneLine(await pdfText((await paymentReceipt(withSplit)).pdf));
    expect(text).toContain('CPF ***.982.247-**');
    expect(text).not.toContain('529.982.247-25');
    expect(text).not.toContain('52998224725');
    expect(text).not.toContain('49,38');
    expect(text).not.toContain('1.185,18');
    expect(text).not.toMatch(/tarifa/i);
    // What the patient may not see does not change the document either.
    expect((await paymentReceipt(withSplit)).sha256).toBe((await paymentReceipt(receiptFixture())).sha256);
  });

  it('describes boleto, card and crediário payments', async () => {
    const describe = async (method: PaymentReceiptInput['method']) => oneLine(await pdfText((await paymentReceipt({ ...receiptFixture(), method })).pdf));
    expect(await describe({ kind: 'BOLETO', digitableLine: '10492006506100010004200997263900989810000021403' })).toContain('Boleto bancário Linha digitável 10492.00650 61000.100042 00997.263900 9 89810000021403');
    const card = await describe({ kind: 'CARD', brand: 'Visa', lastFour: '4242', installments: 3 });
    expect(card).toContain('Cartão de crédito Visa final 4242, em 3 parcelas');
    expect(await describe({ kind: 'CREDIARIO_INSTALLMENT', number: 3, count: 12, contractReference: 'CCB-2026-000012' })).toContain('Crediário MedPay — parcela 3 de 12 Contrato CCB-2026-000012');
    await expect(paymentReceipt({ ...receiptFixture(), method: { kind: 'CREDIARIO_INSTALLMENT', number: 13, count: 12, contractReference: 'X' } })).rejects.toThrow(/above the count/);
    await expect(paymentReceipt({ ...receiptFixture(), method: { kind: 'CARD', lastFour: '4242424242424242' } })).rejects.toThrow(/last four/);
  });

  it('gives the same SHA-256 for the same payment and another for another amount', async () => {
    const first = await paymentReceipt(receiptFixture());
    expect((await paymentReceipt(receiptFixture())).sha256).toBe(first.sha256);
    expect((await paymentReceipt({ ...receiptFixture(), amountCentavos: 123_457 })).sha256).not.toBe(first.sha256);
  });
});
