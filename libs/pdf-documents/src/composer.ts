// A small flowing layout over pdf-lib for the platform's documents: A4 pages, Helvetica, wrapped text,
// field lists, tables whose header repeats on each page, signature blocks, and a footer with the
// document's reference and page numbers. The same input gives the same bytes: dates come from the
// document, pdf-lib's resource names come from its seeded generator, and nothing reads the clock.
import { createHash } from 'node:crypto';
import { PageSizes, PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

export interface DocumentMeta {
  /** the document's title, also its PDF title and the running header of later pages */
  title: string;
  subject: string;
  /** the reference printed in every footer (payment id, contract number, statement number) */
  reference: string;
  /** when the document was issued: its creation and modification dates */
  issuedAt: Date;
  /** a second footer line on every page (the contract prints the hash of the terms there) */
  footerNote?: string;
}

export interface RenderedDocument {
  pdf: Uint8Array;
  /** SHA-256 of the PDF's bytes, hex */
  sha256: string;
}

export interface Column {
  header: string;
  /** points */
  width: number;
  align?: 'left' | 'right';
}

export interface SignatureParty {
  /** what the party signs as ('EMITENTE', 'CREDORA') */
  role: string;
  name: string;
  details: string[];
}

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const MARGIN_X = 56;
const MARGIN_TOP = 56;
/** room kept at the bottom for the footer */
const MARGIN_BOTTOM = 72;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;

const BODY_SIZE = 9.5;
const TABLE_SIZE = 7.5;
const FOOTER_SIZE = 7;
const LEADING = 1.35;
const CELL_PADDING = 3;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);
const RULE = rgb(0.75, 0.75, 0.78);
const SHADE = rgb(0.93, 0.94, 0.96);

/** Characters Helvetica's WinAnsi encoding lacks, spelled with ones it has. */
const SUBSTITUTES: Record<string, string> = {
  '\u00a0': ' ', '\u2007': ' ', '\u2009': ' ', '\u202f': ' ', '\t': ' ',
  '\u2264': '<=', '\u2265': '>=', '\u2192': '->', '\u2190': '<-', '\u2212': '-', '\u2010': '-', '\u2011': '-',
  '\u2032': "'", '\u2033': '"', '\u00ad': '',
};

/**
 * Text that Helvetica can draw: accented Portuguese stays as it is (WinAnsi has it); other characters
 * lose their accents when that is enough ('ő' → 'o'), take a spelled substitute ('≤' → '<='), or
 * become '?'. Line breaks stay; other control characters are dropped.
 */
export function foldToWinAnsi(text: string, drawable: ReadonlySet<number>): string {
  let folded = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if (char === '\n') folded += char;
    else if (SUBSTITUTES[char] !== undefined) folded += SUBSTITUTES[char];
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else if (drawable.has(code)) folded += char;
    else {
      const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
      folded += bare && [...bare].every((part) => drawable.has(part.codePointAt(0)!)) ? bare : '?';
    }
  }
  return folded;
}

/** Lines of at most `width` points: words kept whole where they fit, a word wider than a line cut by characters. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = 1;
        while (cut < rest.length && font.widthOfTextAtSize(rest.slice(0, cut + 1), size) <= width) cut++;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

export class DocumentComposer {
  private readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly drawable: ReadonlySet<number>,
    private readonly meta: DocumentMeta,
  ) {
    this.newPage();
  }

  static async create(meta: DocumentMeta): Promise<DocumentComposer> {
    // updateMetadata: false keeps pdf-lib from stamping the current time; the dates are the document's.
    const doc = await PDFDocument.create({ updateMetadata: false });
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    return new DocumentComposer(doc, regular, bold, new Set(regular.getCharacterSet()), meta);
  }

  /** Text as it will be drawn (folded to what the font can encode). */
  fold(text: string): string {
    return foldToWinAnsi(text, this.drawable);
  }

  private newPage() {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.page);
    this.y = PAGE_HEIGHT - MARGIN_TOP;
    if (this.pages.length > 1) {
      this.draw(this.fold(this.meta.title), MARGIN_X, PAGE_HEIGHT - MARGIN_TOP + 18, FOOTER_SIZE, this.regular, MUTED);
      this.page.drawLine({ start: { x: MARGIN_X, y: PAGE_HEIGHT - MARGIN_TOP + 12 }, end: { x: PAGE_WIDTH - MARGIN_X, y: PAGE_HEIGHT - MARGIN_TOP + 12 }, thickness: 0.5, color: RULE });
    }
  }

  /** Starts a new page unless `height` points still fit on this one. */
  private ensure(height: number) {
    if (this.y - height < MARGIN_BOTTOM) this.newPage();
  }

  private draw(text: string, x: number, y: number, size: number, font: PDFFont, color = INK) {
    if (text) this.page.drawText(text, { x, y, size, font, color });
  }

  private lines(text: string, font: PDFFont, size: number, width: number): string[] {
    return wrapText(this.fold(text), font, size, width);
  }

  /** Starts a new page unless `points` still fit: keeps a short section (a signature block) whole. */
  keep(points: number) {
    this.ensure(points);
  }

  /** Continues on a new page (an annex starts on its own). */
  pageBreak() {
    this.newPage();
  }

  space(points = BODY_SIZE) {
    this.y -= points;
  }

  /** The document's title (and an optional line under it), centred. */
  title(text: string, subtitle?: string) {
    for (const [line, size, font] of [
      ...this.lines(text, this.bold, 14, CONTENT_WIDTH).map((line) => [line, 14, this.bold] as const),
      ...(subtitle ? this.lines(subtitle, this.regular, BODY_SIZE, CONTENT_WIDTH).map((line) => [line, BODY_SIZE, this.regular] as const) : []),
    ]) {
      this.ensure(size * LEADING);
      this.y -= size;
      this.draw(line, MARGIN_X + (CONTENT_WIDTH - font.widthOfTextAtSize(line, size)) / 2, this.y, size, font);
      this.y -= size * (LEADING - 1);
    }
    this.space(8);
  }

  /** A section heading, kept on the same page as the first lines under it. */
  heading(text: string) {
    const size = 10.5;
    this.space(6);
    this.ensure(size * LEADING + 3 * BODY_SIZE * LEADING);
    for (const line of this.lines(text, this.bold, size, CONTENT_WIDTH)) {
      this.y -= size;
      this.draw(line, MARGIN_X, this.y, size, this.bold);
      this.y -= size * (LEADING - 1);
    }
    this.space(2);
  }

  /** Wrapped text; '\n' starts a new line. */
  paragraph(text: string, options: { bold?: boolean; size?: number; indent?: number; color?: 'ink' | 'muted' } = {}) {
    const size = options.size ?? BODY_SIZE;
    const font = options.bold ? this.bold : this.regular;
    const indent = options.indent ?? 0;
    for (const line of this.lines(text, font, size, CONTENT_WIDTH - indent)) {
      this.ensure(size * LEADING);
      this.y -= size;
      this.draw(line, MARGIN_X + indent, this.y, size, font, options.color === 'muted' ? MUTED : INK);
      this.y -= size * (LEADING - 1);
    }
    this.space(size * 0.5);
  }

  /** Numbered clauses: '1. …', each wrapped under its own number. */
  clauses(items: string[], prefix = '') {
    items.forEach((item, index) => {
      const label = `${prefix}${index + 1}.`;
      const lines = this.lines(item, this.regular, BODY_SIZE, CONTENT_WIDTH - 22);
      lines.forEach((line, lineIndex) => {
        this.ensure(BODY_SIZE * LEADING);
        this.y -= BODY_SIZE;
        if (lineIndex === 0) this.draw(label, MARGIN_X, this.y, BODY_SIZE, this.bold);
        this.draw(line, MARGIN_X + 22, this.y, BODY_SIZE, this.regular);
        this.y -= BODY_SIZE * (LEADING - 1);
      });
      this.space(3);
    });
    this.space(BODY_SIZE * 0.3);
  }

  /** Label–value rows: the label in bold on the left, the value wrapped beside it. */
  fields(rows: Array<[label: string, value: string]>, labelWidth = 150) {
    for (const [label, value] of rows) {
      const labelLines = this.lines(label, this.bold, BODY_SIZE, labelWidth - 8);
      const valueLines = this.lines(value, this.regular, BODY_SIZE, CONTENT_WIDTH - labelWidth);
      const count = Math.max(labelLines.length, valueLines.length);
      this.ensure(count * BODY_SIZE * LEADING);
      for (let index = 0; index < count; index++) {
        this.y -= BODY_SIZE;
        this.draw(labelLines[index] ?? '', MARGIN_X, this.y, BODY_SIZE, this.bold);
        this.draw(valueLines[index] ?? '', MARGIN_X + labelWidth, this.y, BODY_SIZE, this.regular);
        this.y -= BODY_SIZE * (LEADING - 1);
      }
      this.space(2);
    }
    this.space(BODY_SIZE * 0.4);
  }

  /**
   * A table: cells wrap within their column, a row never splits across pages, and the header row is
   * drawn again at the top of each page the table continues on. `totals` is drawn in bold after a rule.
   */
  table(columns: Column[], rows: string[][], totals?: string[]) {
    const width = columns.reduce((sum, column) => sum + column.width, 0);
    if (width > CONTENT_WIDTH + 0.01) throw new RangeError(`table is ${width} points wide, the page has ${CONTENT_WIDTH}`);
    const lineHeight = TABLE_SIZE * LEADING;
    const cellLines = (cells: string[], font: PDFFont) => columns.map((column, index) => this.lines(cells[index] ?? '', font, TABLE_SIZE, column.width - 2 * CELL_PADDING));
    const rowHeight = (lines: string[][]) => Math.max(...lines.map((cell) => cell.length)) * lineHeight + 2 * CELL_PADDING;
    const drawRow = (lines: string[][], font: PDFFont, shaded: boolean) => {
      const height = rowHeight(lines);
      if (shaded) this.page.drawRectangle({ x: MARGIN_X, y: this.y - height, width, height, color: SHADE });
      let x = MARGIN_X;
      columns.forEach((column, index) => {
        lines[index]!.forEach((line, lineIndex) => {
          const baseline = this.y - CELL_PADDING - TABLE_SIZE - lineIndex * lineHeight + 1;
          const textX = column.align === 'right' ? x + column.width - CELL_PADDING - font.widthOfTextAtSize(line, TABLE_SIZE) : x + CELL_PADDING;
          this.draw(line, textX, baseline, TABLE_SIZE, font);
        });
        x += column.width;
      });
      this.y -= height;
      this.page.drawLine({ start: { x: MARGIN_X, y: this.y }, end: { x: MARGIN_X + width, y: this.y }, thickness: 0.4, color: RULE });
    };
    const header = cellLines(columns.map((column) => column.header), this.bold);
    const drawHeader = () => drawRow(header, this.bold, true);
    this.ensure(rowHeight(header) + lineHeight * 2);
    drawHeader();
    for (const row of rows) {
      const lines = cellLines(row, this.regular);
      if (this.y - rowHeight(lines) < MARGIN_BOTTOM) {
        this.newPage();
        drawHeader();
      }
      drawRow(lines, this.regular, false);
    }
    if (totals) {
      const lines = cellLines(totals, this.bold);
      this.ensure(rowHeight(lines));
      this.page.drawLine({ start: { x: MARGIN_X, y: this.y }, end: { x: MARGIN_X + width, y: this.y }, thickness: 1, color: INK });
      drawRow(lines, this.bold, true);
    }
    this.space(BODY_SIZE);
  }

  /** Signature lines, two to a row, each kept whole on one page. */
  signatures(parties: SignatureParty[], place: string) {
    const columnWidth = (CONTENT_WIDTH - 24) / 2;
    const rows: string[][][] = [];
    for (let index = 0; index < parties.length; index += 2) {
      rows.push(
        parties.slice(index, index + 2).map((party) => [
          ...this.lines(party.name, this.bold, BODY_SIZE, columnWidth),
          ...party.details.flatMap((detail) => this.lines(detail, this.regular, BODY_SIZE, columnWidth)),
          ...this.lines(party.role, this.regular, BODY_SIZE, columnWidth),
        ]),
      );
    }
    const heightOf = (pair: string[][]) => 36 + Math.max(...pair.map((lines) => lines.length)) * BODY_SIZE * LEADING;
    // The place and date stay on the page of the first signatures.
    this.ensure(2 * BODY_SIZE * LEADING + heightOf(rows[0] ?? [[]]));
    this.paragraph(place);
    for (const pair of rows) {
      const height = heightOf(pair);
      this.ensure(height);
      this.y -= 30;
      pair.forEach((lines, column) => {
        const x = MARGIN_X + column * (columnWidth + 24);
        this.page.drawLine({ start: { x, y: this.y }, end: { x: x + columnWidth, y: this.y }, thickness: 0.6, color: INK });
        lines.forEach((line, lineIndex) => this.draw(line, x, this.y - 4 - BODY_SIZE - lineIndex * BODY_SIZE * LEADING, BODY_SIZE, lineIndex === 0 ? this.bold : this.regular, lineIndex === lines.length - 1 ? MUTED : INK));
      });
      this.y -= height - 30;
    }
  }

  /** Draws every footer, stamps the metadata and returns the bytes with their hash. */
  async finish(): Promise<RenderedDocument> {
    const total = this.pages.length;
    const left = this.fold(`MedPay Saúde · ${this.meta.title} · Ref. ${this.meta.reference}`);
    const note = this.meta.footerNote ? this.fold(this.meta.footerNote) : '';
    this.pages.forEach((page, index) => {
      this.page = page;
      const right = `Página ${index + 1} de ${total}`;
      const rightWidth = this.regular.widthOfTextAtSize(this.fold(right), FOOTER_SIZE);
      const leftLine = wrapText(left, this.regular, FOOTER_SIZE, CONTENT_WIDTH - rightWidth - 12)[0] ?? '';
      page.drawLine({ start: { x: MARGIN_X, y: MARGIN_BOTTOM - 22 }, end: { x: PAGE_WIDTH - MARGIN_X, y: MARGIN_BOTTOM - 22 }, thickness: 0.5, color: RULE });
      this.draw(leftLine, MARGIN_X, MARGIN_BOTTOM - 32, FOOTER_SIZE, this.regular, MUTED);
      this.draw(this.fold(right), PAGE_WIDTH - MARGIN_X - rightWidth, MARGIN_BOTTOM - 32, FOOTER_SIZE, this.regular, MUTED);
      wrapText(note, this.regular, FOOTER_SIZE, CONTENT_WIDTH)
        .slice(0, 2)
        .forEach((line, lineIndex) => this.draw(line, MARGIN_X, MARGIN_BOTTOM - 42 - lineIndex * FOOTER_SIZE * LEADING, FOOTER_SIZE, this.regular, MUTED));
    });
    // Metadata strings are UTF-16 in the PDF: no folding needed there.
    this.doc.setTitle(this.meta.title);
    this.doc.setSubject(this.meta.subject);
    this.doc.setAuthor('MedPay Saúde Ltda');
    this.doc.setCreator('MedPay Saúde');
    this.doc.setProducer('@medpay/pdf-documents (pdf-lib)');
    this.doc.setKeywords([this.meta.reference]);
    this.doc.setLanguage('pt-BR');
    this.doc.setCreationDate(this.meta.issuedAt);
    this.doc.setModificationDate(this.meta.issuedAt);
    const pdf = await this.doc.save({ useObjectStreams: false });
    return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
  }
}
