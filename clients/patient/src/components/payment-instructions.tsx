'use client';
// How to pay what is due: PIX (QR code, copia-e-cola, time left) or boleto (linha digitável, barcode, due date).
import { formatDate, formatDateTime } from '@medpay/web/format';
import { CopyButton } from '@medpay/web/ui';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export function Countdown({ until }: { until: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.floor((new Date(until).getTime() - now) / 1000));
  if (left === 0) return <span className="badge badge-off">Código expirado</span>;
  const minutes = Math.floor(left / 60);
  const text = minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes}:${String(left % 60).padStart(2, '0')}`;
  return <span role="timer" aria-label={`Expira em ${text}`}>Expira em <strong>{text}</strong></span>;
}

export function PixInstructions({ pix }: { pix: { copiaECola: string; qrCodePayload: string; expiresAt: string } }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    QRCode.toString(pix.qrCodePayload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then(setSvg, () => setSvg(null));
  }, [pix.qrCodePayload]);
  return (
    <section className="card pix" aria-labelledby="pix-title">
      <h2 id="pix-title">Pague com PIX</h2>
      <p className="muted">Abra o app do seu banco, escolha PIX › Ler QR code, ou copie o código abaixo. <Countdown until={pix.expiresAt} /></p>
      {/* The SVG is drawn locally from our own payload. */}
      {svg ? <div className="qr" role="img" aria-label="QR code do PIX" dangerouslySetInnerHTML={{ __html: svg }} /> : null}
      <label htmlFor="copia-e-cola">PIX copia e cola</label>
      <textarea id="copia-e-cola" className="mono" readOnly rows={4} value={pix.copiaECola} onFocus={(e) => e.target.select()} />
      <p><CopyButton text={pix.copiaECola} label="Copiar código PIX" /></p>
      <p className="hint">Válido até {formatDateTime(pix.expiresAt)}.</p>
    </section>
  );
}

// Interleaved 2 of 5, as FEBRABAN prints boleto barcodes: each digit is five elements, two of them wide.
const ITF_PATTERNS = ['nnwwn', 'wnnnw', 'nwnnw', 'wwnnn', 'nnwnw', 'wnwnn', 'nwwnn', 'nnnww', 'wnnwn', 'nwnwn'];

/** The bar widths (in narrow units, wide = 3) alternating bar, space, bar… for an even-length digit string. */
export function itfWidths(digits: string): number[] {
  if (!/^(\d\d)+$/.test(digits)) throw new RangeError('ITF needs an even number of digits');
  const widths = [1, 1, 1, 1];
  for (let index = 0; index < digits.length; index += 2) {
    const bars = ITF_PATTERNS[Number(digits[index])]!;
    const spaces = ITF_PATTERNS[Number(digits[index + 1])]!;
    for (let element = 0; element < 5; element++) widths.push(bars[element] === 'w' ? 3 : 1, spaces[element] === 'w' ? 3 : 1);
  }
  return [...widths, 3, 1, 1];
}

export function Barcode({ digits }: { digits: string }) {
  const widths = itfWidths(digits);
  const total = widths.reduce((sum, width) => sum + width, 0);
  let x = 0;
  const bars = widths.map((width, index) => {
    const bar = index % 2 === 0 ? <rect key={index} x={x} y={0} width={width} height={50} /> : null;
    x += width;
    return bar;
  });
  return (
    <svg className="barcode" viewBox={`0 0 ${total} 50`} preserveAspectRatio="none" role="img" aria-label={`Código de barras do boleto: ${digits}`}>
      {bars}
    </svg>
  );
}

/** 47 digits as the bank writes them: 00000.00000 00000.000000 00000.000000 0 00000000000000 */
export function formatBoletoLine(line: string): string {
  const d = line.replace(/\D/g, '');
  if (d.length !== 47) return line;
  return `${d.slice(0, 5)}.${d.slice(5, 10)} ${d.slice(10, 15)}.${d.slice(15, 21)} ${d.slice(21, 26)}.${d.slice(26, 32)} ${d[32]} ${d.slice(33)}`;
}

export function BoletoInstructions({ boleto }: { boleto: { line: string; barcode: string; dueDate: string } }) {
  return (
    <section className="card boleto" aria-labelledby="boleto-title">
      <h2 id="boleto-title">Boleto</h2>
      <p>Vencimento: <strong>{formatDate(boleto.dueDate)}</strong></p>
      <p><strong>Linha digitável</strong></p>
      <p className="mono line">{formatBoletoLine(boleto.line)}</p>
      <p><CopyButton text={boleto.line} label="Copiar linha digitável" /></p>
      <Barcode digits={boleto.barcode} />
      <p className="hint">A compensação do boleto leva até 3 dias úteis.</p>
    </section>
  );
}
