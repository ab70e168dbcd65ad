// The clinic's monthly statement: the opening balance, each movement of the month (payment, platform
// fee, refunds, chargebacks, net, payout), totals, and the closing balance — figures that must add up
// (net = gross − fee − refunds − chargebacks; closing = opening + Σ net − Σ payouts), or nothing is printed.
import { z } from 'zod';
import { CONTENT_WIDTH, DocumentComposer, type RenderedDocument } from './composer.js';
import { formatCnpjText, formatDate, formatDay, formatMoney, formatMonth } from './format.js';
import { centavos, cnpj, day, instant, parseInput, signedCentavos, text } from './inputs.js';

const line = z.object({
  date: day,
  /** the payment the line is about; null for a movement of the balance alone (a payout) */
  paymentId: text.nullable(),
  /** shown when there is no payment id ('Repasse PIX') */
  description: text.optional(),
  grossCentavos: centavos,
  platformFeeCentavos: centavos,
  refundsCentavos: centavos,
  chargebacksCentavos: centavos,
  /** what the line adds to (or, negative, takes from) the clinic's balance */
  netCentavos: signedCentavos,
  /** what was paid out to the clinic's account */
  payoutCentavos: centavos,
});

export const monthlyStatementInput = z
  .object({
    /** the statement's number, printed in every footer */
    reference: text,
    issuedAt: instant,
    /** YYYY-MM */
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
    clinic: z.object({ legalName: text, tradeName: text, cnpj }),
    openingBalanceCentavos: signedCentavos,
    lines: z.array(line).max(20_000),
    /** when given, it must equal opening + Σ net − Σ payouts */
    closingBalanceCentavos: signedCentavos.optional(),
  })
  .superRefine((statement, context) => {
    const problem = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message });
    statement.lines.forEach((row, index) => {
      if (!row.date.startsWith(`${statement.month}-`)) problem(['lines', index, 'date'], `outside ${statement.month}`);
      const net = row.grossCentavos - row.platformFeeCentavos - row.refundsCentavos - row.chargebacksCentavos;
      if (row.netCentavos !== net) problem(['lines', index, 'netCentavos'], `must be gross − fee − refunds − chargebacks = ${net}`);
      if (row.paymentId === null && !row.description) problem(['lines', index, 'description'], 'a line without a payment needs a description');
    });
    if (statement.closingBalanceCentavos !== undefined) {
      const closing = closingBalance(statement.openingBalanceCentavos, statement.lines);
      if (closing !== statement.closingBalanceCentavos) problem(['closingBalanceCentavos'], `must be opening + Σ net − Σ payouts = ${closing}`);
    }
  });

export type MonthlyStatementInput = z.input<typeof monthlyStatementInput>;

type Line = z.infer<typeof line>;
const sum = (lines: readonly Line[], field: keyof Pick<Line, 'grossCentavos' | 'platformFeeCentavos' | 'refundsCentavos' | 'chargebacksCentavos' | 'netCentavos' | 'payoutCentavos'>) =>
  lines.reduce((total, row) => total + row[field], 0);
const closingBalance = (opening: number, lines: readonly Line[]) => opening + sum(lines, 'netCentavos') - sum(lines, 'payoutCentavos');
/** Amounts in the table: the header says R$. */
const amount = (value: number) => formatMoney(value).replace('R$ ', '');

const lastDayOf = (month: string) => {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(year, monthNumber, 0)).getUTCDate()).padStart(2, '0')}`;
};

export async function monthlyStatement(input: MonthlyStatementInput): Promise<RenderedDocument> {
  const statement = parseInput('monthlyStatement', monthlyStatementInput, input);
  // By date; lines of one day keep the order they were given in (Array.prototype.sort is stable).
  const lines = [...statement.lines].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const closing = closingBalance(statement.openingBalanceCentavos, lines);
  const { clinic } = statement;

  const doc = await DocumentComposer.create({
    title: `Extrato mensal — ${formatMonth(statement.month)}`,
    subject: `Extrato de ${clinic.tradeName} em ${formatMonth(statement.month)}`,
    reference: statement.reference,
    issuedAt: statement.issuedAt,
  });
  doc.title('EXTRATO MENSAL DA CLÍNICA', `${formatMonth(statement.month)} — emitido em ${formatDate(statement.issuedAt)}`);
  doc.fields([
    ['Clínica', `${clinic.tradeName} (${clinic.legalName})`],
    ['CNPJ', formatCnpjText(clinic.cnpj)],
    ['Período', `${formatDay(`${statement.month}-01`)} a ${formatDay(lastDayOf(statement.month))}`],
  ]);

  doc.heading('RESUMO');
  doc.fields(
    [
      ['Saldo inicial', formatMoney(statement.openingBalanceCentavos)],
      ['Pagamentos recebidos (bruto)', formatMoney(sum(lines, 'grossCentavos'))],
      ['(−) Tarifa da plataforma', formatMoney(sum(lines, 'platformFeeCentavos'))],
      ['(−) Estornos', formatMoney(sum(lines, 'refundsCentavos'))],
      ['(−) Chargebacks', formatMoney(sum(lines, 'chargebacksCentavos'))],
      ['(=) Líquido do mês', formatMoney(sum(lines, 'netCentavos'))],
      ['(−) Repasses à clínica', formatMoney(sum(lines, 'payoutCentavos'))],
      ['Saldo final', formatMoney(closing)],
    ],
    200,
  );

  doc.heading('MOVIMENTAÇÃO');
  const money = (CONTENT_WIDTH - 46 - 97) / 6;
  doc.table(
    [
      { header: 'Data', width: 46 },
      { header: 'Pagamento', width: 97 },
      { header: 'Bruto (R$)', width: money, align: 'right' },
      { header: 'Tarifa (R$)', width: money, align: 'right' },
      { header: 'Estornos (R$)', width: money, align: 'right' },
      { header: 'Chargebacks (R$)', width: money, align: 'right' },
      { header: 'Líquido (R$)', width: money, align: 'right' },
      { header: 'Repasse (R$)', width: money, align: 'right' },
    ],
    lines.map((row) => [
      formatDay(row.date),
      row.paymentId ?? row.description ?? '',
      amount(row.grossCentavos),
      amount(row.platformFeeCentavos),
      amount(row.refundsCentavos),
      amount(row.chargebacksCentavos),
      amount(row.netCentavos),
      amount(row.payoutCentavos),
    ]),
    [
      'Total',
      `${lines.length} lançamento(s)`,
      amount(sum(lines, 'grossCentavos')),
      amount(sum(lines, 'platformFeeCentavos')),
      amount(sum(lines, 'refundsCentavos')),
      amount(sum(lines, 'chargebacksCentavos')),
      amount(sum(lines, 'netCentavos')),
      amount(sum(lines, 'payoutCentavos')),
    ],
  );
  if (lines.length === 0) doc.paragraph('Nenhuma movimentação no período.', { color: 'muted' });
  doc.paragraph(`Saldo final: ${formatMoney(statement.openingBalanceCentavos)} + ${formatMoney(sum(lines, 'netCentavos'))} − ${formatMoney(sum(lines, 'payoutCentavos'))} = ${formatMoney(closing)}`, { bold: true });
  doc.paragraph('Tarifa: a tarifa da plataforma e os custos de processamento do pagamento. Os repasses são feitos à conta registrada da clínica.', { color: 'muted', size: 8 });
  return doc.finish();
}
