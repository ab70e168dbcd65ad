// The layout's text handling and the pt-BR formatting every document relies on.
import { describe, expect, it } from '@jest/globals';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { DocumentComposer, foldToWinAnsi, wrapText } from './composer.js';
import { formatAddress, formatDate, formatDateTime, formatDay, formatDecimal, formatMonth, formatPercent } from './format.js';
import { pdfPagesText } from './testing.js';

async function helvetica() {
  const doc = await PDFDocument.create();
  return doc.embedFont(StandardFonts.Helvetica);
}

describe('text Helvetica can draw', () => {
  it('keeps Portuguese as it is and folds what WinAnsi lacks', async () => {
    const font = await helvetica();
    const drawable = new Set(font.getCharacterSet());
    expect(foldToWinAnsi('Ação à saúde: nº 1, § 2º — “ótimo”… R$ 1.234,56', drawable)).toBe('Ação à saúde: nº 1, § 2º — “ótimo”… R$ 1.234,56');
    expect(foldToWinAnsi('Dvořák ≤ 5 → ok\u00a0já', drawable)).toBe('Dvorák <= 5 -> ok já');
    expect(foldToWinAnsi('emoji 😀 e 中文', drawable)).toBe('emoji ? e ??');
    expect(foldToWinAnsi('linha 1\nlinha\u0007 2\r', drawable)).toBe('linha 1\nlinha 2');
    // Decomposed accents (as some keyboards and PDFs send them) are composed first.
    expect(foldToWinAnsi('Conceic\u0327a\u0303o', drawable)).toBe('Conceição');
  });

  it('wraps at word boundaries within the width, and cuts a word longer than a line', async () => {
    const font = await helvetica();
    const lines = wrapText('O crédito paga o procedimento na clínica escolhida pelo paciente', font, 10, 120);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(120);
    expect(lines.join(' ')).toBe('O crédito paga o procedimento na clínica escolhida pelo paciente');
    const cut = wrapText('x'.repeat(100), font, 10, 50);
    expect(cut.join('')).toBe('x'.repeat(100));
    for (const line of cut) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(50);
    expect(wrapText('um\n\ndois', font, 10, 100)).toEqual(['um', '', 'dois']);
  });
});

describe('pt-BR formatting', () => {
  it('writes numbers and percentages with a decimal comma and thousands dots', () => {
    expect(formatDecimal(1234.5)).toBe('1.234,50');
    expect(formatDecimal(2.675)).toBe('2,68');
    expect(formatDecimal(-0.001)).toBe('0,00');
    expect(formatDecimal(1e-7, 2)).toBe('0,00');
    expect(formatPercent(0.0249)).toBe('2,49%');
    expect(formatPercent(0.390412)).toBe('39,04%');
    expect(formatPercent(12.5)).toBe('1.250,00%');
  });

  it('writes days as dd/mm/aaaa and instants in São Paulo time', () => {
    expect(formatDay('2026-11-10')).toBe('10/11/2026');
    // 01:30 UTC on the 6th is still the 5th in São Paulo (UTC−3).
    expect(formatDate(new Date('2026-10-06T01:30:00Z'))).toBe('05/10/2026');
    expect(formatDateTime(new Date('2026-10-05T17:03:27Z'))).toBe('05/10/2026 às 14:03 (horário de Brasília)');
    expect(formatMonth('2026-03')).toBe('março de 2026');
    expect(() => formatDay('10/11/2026')).toThrow(RangeError);
  });

  it('writes an address on one line with the CEP masked', () => {
    expect(formatAddress({ street: 'Rua Augusta', number: '1500', complement: 'sala 42', district: 'Consolação', city: 'São Paulo', state: 'SP', postalCode: '01304001' })).toBe(
      'Rua Augusta, 1500, sala 42 — Consolação, São Paulo/SP, CEP 01304-001',
    );
  });
});

describe('the composer', () => {
  const meta = { title: 'Teste', subject: 'Teste', reference: 'REF-1', issuedAt: new Date('2026-10-05T12:00:00Z') };

  it('breaks long text across pages, numbers every page and repeats a table header on each page', async () => {
    const doc = await DocumentComposer.create(meta);
    doc.paragraph(Array.from({ length: 120 }, (_, index) => `Linha ${index + 1} de um texto longo.`).join('\n'));
    doc.table([{ header: 'Coluna A', width: 200 }, { header: 'Coluna B', width: 200, align: 'right' }], Array.from({ length: 90 }, (_, index) => [`a${index}`, `b${index}`]));
    const pages = await pdfPagesText((await doc.finish()).pdf);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    pages.forEach((text, index) => {
      expect(text).toContain(`Página ${index + 1} de ${pages.length}`);
      expect(text).toContain('Ref. REF-1');
    });
    const tablePages = pages.filter((text) => /\ba\d+\b/.test(text));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const text of tablePages) expect(text).toContain('Coluna A');
    expect(pages.join('\n')).toContain('Linha 120 de um texto longo.');
    expect(pages.join('\n')).toContain('b89');
  });

  it('refuses a table wider than the page', async () => {
    const doc = await DocumentComposer.create(meta);
    expect(() => doc.table([{ header: 'A', width: 400 }, { header: 'B', width: 400 }], [])).toThrow(/wide/);
  });
});
