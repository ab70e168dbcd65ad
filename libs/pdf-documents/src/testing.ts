// Reading back what a generated PDF says, for tests (not exported by the package): loads it with pdf-lib,
// decodes each page's content streams and decodes the strings drawn with Helvetica (WinAnsi) to text.
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFObject } from 'pdf-lib';

/** WinAnsi's 0x80–0x9F, where it differs from Latin-1. */
const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž',
  0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

const decodeWinAnsi = (hex: string) =>
  (hex.match(/[0-9A-Fa-f]{2}/g) ?? []).map((pair) => {
    const code = parseInt(pair, 16);
    return WIN_ANSI_HIGH[code] ?? String.fromCharCode(code);
  }).join('');

function streamBytes(doc: PDFDocument, object: PDFObject | undefined): Uint8Array[] {
  const resolved = object ? doc.context.lookup(object) : undefined;
  if (resolved instanceof PDFArray) return resolved.asArray().flatMap((item) => streamBytes(doc, item));
  if (resolved instanceof PDFRawStream) return [decodePDFRawStream(resolved).decode()];
  return [];
}

/** Each page's drawn strings, one per line, in drawing order. */
export async function pdfPagesText(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return doc.getPages().map((page) =>
    streamBytes(doc, page.node.Contents())
      .map((bytes) => [...Buffer.from(bytes).toString('latin1').matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((match) => decodeWinAnsi(match[1]!)).join('\n'))
      .join('\n'),
  );
}

/** The whole document's text. */
export const pdfText = async (pdf: Uint8Array) => (await pdfPagesText(pdf)).join('\n');
