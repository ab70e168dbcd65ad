import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { DocumentInputError } from './inputs.js';
import { serviceAgreement } from './service-agreement.js';
import { serviceAgreementFixture } from './test-fixtures.js';
import { pdfPagesText, pdfText } from './testing.js';

describe('serviceAgreement', () => {
  it('is an A4 PDF that pdf-lib loads back, dated by the agreement, not by the clock', async () => {
    const { pdf, sha256 } = await serviceAgreement(serviceAgreementFixture());
    expect(sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getPages().map((page) => page.getSize())).toContainEqual({ width: 595.28, height: 841.89 });
    expect(doc.getTitle()).toBe('Contrato de Prestação de Serviços de Pagamento');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-10-05T17:30:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-10-05T17:30:00.000Z');
  });

  it('names both parties in full, the fee, the payout and the escrow rules', async () => {
    const text = await pdfText((await serviceAgreement(serviceAgreementFixture())).pdf);
    for (const expected of [
      'MedPay Saúde Ltda, CNPJ 11.222.333/0001-81',
      'Clínica Sorriso Pleno Odontologia Ltda',
      'CNPJ 12.ABC.345/01DE-35',
      // The representative signs a legal instrument: the full CPF.
      'Marina Albuquerque Prado, CPF 111.444.777-35',
      '4,00% do valor bruto',
      'PIX: R$ 0,99',
      'automaticamente 30 dias após o pagamento',
      'PROTEÇÃO DE DADOS PESSOAIS (LGPD)',
      'São Paulo/SP, 05/10/2026.',
    ]) {
      expect(text.replace(/\n/g, ' ')).toContain(expected);
    }
  });

  it('numbers its pages with the agreement reference', async () => {
    const pages = await pdfPagesText((await serviceAgreement(serviceAgreementFixture())).pdf);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, index) => expect(text).toContain(`Página ${index + 1} de ${pages.length}`));
    for (const text of pages) expect(text).toContain('Ref. CSP-2026-000042');
  });

  it('gives the same bytes for the same input and other bytes for another', async () => {
    const first = await serviceAgreement(serviceAgreementFixture());
    const again = await serviceAgreement(serviceAgreementFixture());
    expect(again.sha256).toBe(first.sha256);
    expect(Buffer.from(again.pdf).equals(Buffer.from(first.pdf))).toBe(true);
    const otherFee = await serviceAgreement({ ...serviceAgreementFixture(), platformFeeBasisPoints: 450 });
    expect(otherFee.sha256).not.toBe(first.sha256);
    const otherDay = await serviceAgreement({ ...serviceAgreementFixture(), issuedAt: '2026-10-06T14:30:00-03:00' });
    expect(otherDay.sha256).not.toBe(first.sha256);
  });

  it('refuses an invalid CNPJ or CPF', async () => {
    const fixture = serviceAgreementFixture();
    await expect(serviceAgreement({ ...fixture, clinic: { ...fixture.clinic, cnpj: '11.222.333/0001-82' } })).rejects.toThrow(DocumentInputError);
    await expect(serviceAgreement({ ...fixture, clinic: { ...fixture.clinic, representative: { ...fixture.clinic.representative, cpf: '111.111.111-11' } } })).rejects.toThrow(/clinic.representative.cpf: invalid CPF/);
  });
});
