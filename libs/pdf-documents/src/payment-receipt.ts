// The patient's "comprovante de pagamento": what was paid, when, how, to which clinic and for which
// procedure (the patient's own receipt names it). The payer's CPF is masked, and the split (platform
// fee, clinic share) is not the patient's business: the input has no place for it.
import { z } from 'zod';
import { DocumentComposer, type RenderedDocument } from './composer.js';
import { formatCnpjText, formatCpfMasked, formatDateTime, formatMoney } from './format.js';
import { centavos, cnpj, company, cpf, instant, parseInput, text } from './inputs.js';
import { MEDPAY } from './platform.js';

const method = z.discriminatedUnion('kind', [
  /** the end-to-end id BACEN's PIX gives every transfer (E + ISPB + date + sequence, 32 characters) */
  z.object({ kind: z.literal('PIX'), endToEndId: z.string().regex(/^[A-Za-z0-9]{32}$/, 'a PIX end-to-end id has 32 letters and digits').optional() }),
  z.object({ kind: z.literal('BOLETO'), digitableLine: z.string().transform((value) => value.replace(/\D/g, '')).pipe(z.string().regex(/^\d{47,48}$/)).optional() }),
  z.object({
    kind: z.literal('CARD'),
    brand: text.optional(),
    lastFour: z.string().regex(/^\d{4}$/, 'the last four digits of the card'),
    installments: z.number().int().min(1).max(24).default(1),
  }),
  z.object({ kind: z.literal('CREDIARIO_INSTALLMENT'), number: z.number().int().min(1), count: z.number().int().min(1).max(60), contractReference: text }),
]);

export const paymentReceiptInput = z
  .object({
    paymentId: text,
    paidAt: instant,
    /** when the receipt was issued; default the moment of payment */
    issuedAt: instant.optional(),
    method,
    amountCentavos: centavos.positive(),
    payer: z.object({ name: text, cpf }),
    clinic: z.object({ tradeName: text, cnpj }),
    procedure: z.object({ name: text }),
    platform: company.optional(),
  })
  .superRefine((receipt, context) => {
    if (receipt.method.kind === 'CREDIARIO_INSTALLMENT' && receipt.method.number > receipt.method.count) {
      context.addIssue({ code: 'custom', path: ['method', 'number'], message: 'installment number above the count' });
    }
  });

export type PaymentReceiptInput = z.input<typeof paymentReceiptInput>;

/** The digitable line in its five printed groups. */
const groupDigitableLine = (digits: string) =>
  digits.length === 47 ? digits.replace(/^(\d{5})(\d{5})(\d{5})(\d{6})(\d{5})(\d{6})(\d)(\d{14})$/, '$1.$2 $3.$4 $5.$6 $7 $8') : digits;

function describeMethod(paid: z.infer<typeof method>): Array<[string, string]> {
  switch (paid.kind) {
    case 'PIX':
      return [['Forma de pagamento', 'PIX'], ...(paid.endToEndId ? [['ID da transação PIX (E2E)', paid.endToEndId] as [string, string]] : [])];
    case 'BOLETO':
      return [['Forma de pagamento', 'Boleto bancário'], ...(paid.digitableLine ? [['Linha digitável', groupDigitableLine(paid.digitableLine)] as [string, string]] : [])];
    case 'CARD':
      return [['Forma de pagamento', `Cartão de crédito${paid.brand ? ` ${paid.brand}` : ''} final ${paid.lastFour}${paid.installments > 1 ? `, em ${paid.installments} parcelas` : ', à vista'}`]];
    case 'CREDIARIO_INSTALLMENT':
      return [['Forma de pagamento', `Crediário MedPay — parcela ${paid.number} de ${paid.count}`], ['Contrato', paid.contractReference]];
  }
}

export async function paymentReceipt(input: PaymentReceiptInput): Promise<RenderedDocument> {
  const receipt = parseInput('paymentReceipt', paymentReceiptInput, input);
  const medpay = receipt.platform ?? MEDPAY;
  const doc = await DocumentComposer.create({
    title: 'Comprovante de Pagamento',
    subject: `Pagamento ${receipt.paymentId} a ${receipt.clinic.tradeName}`,
    reference: receipt.paymentId,
    issuedAt: receipt.issuedAt ?? receipt.paidAt,
  });
  doc.title('COMPROVANTE DE PAGAMENTO', `Pagamento nº ${receipt.paymentId}`);
  doc.paragraph(`Valor pago: ${formatMoney(receipt.amountCentavos)}`, { bold: true, size: 16 });
  doc.fields([['Data e hora do pagamento', formatDateTime(receipt.paidAt)], ...describeMethod(receipt.method), ['Identificador do pagamento', receipt.paymentId]]);

  doc.heading('PAGADOR');
  doc.fields([
    ['Nome', receipt.payer.name],
    ['CPF', formatCpfMasked(receipt.payer.cpf)],
  ]);

  doc.heading('RECEBEDOR');
  doc.fields([
    ['Clínica', receipt.clinic.tradeName],
    ['CNPJ', formatCnpjText(receipt.clinic.cnpj)],
    ['Procedimento', receipt.procedure.name],
  ]);

  doc.heading('INTERMEDIAÇÃO');
  doc.paragraph(
    `Pagamento processado por ${medpay.legalName}, CNPJ ${formatCnpjText(medpay.cnpj)}, que guarda o valor até a clínica confirmar a realização do procedimento. Este comprovante não substitui o documento fiscal, que é emitido pela clínica.`,
    { color: 'muted' },
  );
  return doc.finish();
}
