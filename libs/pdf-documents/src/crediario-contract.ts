// The crediário contract in the shape of a Cédula de Crédito Bancário: the parties (the patient with
// the full CPF: it is the legal instrument), the procedure it pays for, every figure disclosed before
// acceptance (principal, rate, IOF, CET a.m. and a.a.), the full schedule, late fees, early settlement,
// the right of withdrawal, and the terms the patient accepted, printed whole and hashed into the footer.
// The figures come from @medpay/financing (a checkout plan's schedule and CET) and must add up.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CONTENT_WIDTH, DocumentComposer, type RenderedDocument } from './composer.js';
import { formatAddress, formatBasisPoints, formatCnpjText, formatCpfFull, formatDate, formatDay, formatMoney, formatPercent } from './format.js';
import { address, centavos, cnpj, company, cpf, day, instant, longText, parseInput, rate, text } from './inputs.js';
import { MEDPAY } from './platform.js';

/** CDC art. 52 §1º: the late fine is at most 2 %. */
export const MAX_LATE_FINE_BASIS_POINTS = 200;
/** The product's late interest (domain rules): 1 % a month pro rata die, and never more. */
export const MAX_LATE_MONTHLY_INTEREST = 0.01;
/** CDC art. 49: days to withdraw from a contract made outside the establishment. */
export const WITHDRAWAL_DAYS = 7;

/** One row of the schedule, as a checkout plan carries it (ScheduledInstallment). */
const installment = z.object({
  number: z.number().int().min(1),
  dueDate: day,
  amountCentavos: centavos,
  interestCentavos: centavos,
  amortizationCentavos: centavos,
});

export const crediarioContractInput = z
  .object({
    /** the contract's number, printed in every footer */
    reference: text,
    issuedAt: instant,
    /** who lends; default MedPay */
    creditor: company.optional(),
    /** the address when the platform has one (the patient's account keeps none): the contract reaches them by e-mail */
    debtor: z.object({ name: text, cpf, address: address.optional(), email: z.email().optional(), phone: text.optional() }),
    clinic: z.object({ legalName: text, tradeName: text, cnpj }),
    procedure: z.object({ name: text }),
    /** the day the credit is released (paid to the clinic): interest and the CET count from it */
    releaseDate: day,
    /** what the patient receives: the procedure's price, paid to the clinic */
    releasedCentavos: centavos.positive(),
    /** the IOF, financed: added to the amount released */
    iofCentavos: centavos,
    /** the amount financed: released + IOF */
    principalCentavos: centavos.positive(),
    monthlyRate: rate,
    cet: z.object({ monthlyRate: rate, annualRate: rate }),
    schedule: z.array(installment).min(1).max(60),
    lateFees: z.object({
      fineBasisPoints: z.number().int().min(0).max(MAX_LATE_FINE_BASIS_POINTS, 'late fine above 2 % (CDC art. 52 §1º)'),
      monthlyInterestRate: rate.max(MAX_LATE_MONTHLY_INTEREST, 'late interest above 1 % a month'),
    }),
    /** the exact text the patient saw and accepted */
    terms: longText,
    /** the hash recorded at acceptance (SHA-256 hex of the terms' UTF-8); when given it must match the terms */
    termsSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    signingCity: text.default('São Paulo/SP'),
  })
  .superRefine((contract, context) => {
    const problem = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message });
    if (contract.releasedCentavos + contract.iofCentavos !== contract.principalCentavos) problem(['principalCentavos'], 'must equal releasedCentavos + iofCentavos');
    let amortized = 0;
    let previous = contract.releaseDate;
    contract.schedule.forEach((row, index) => {
      if (row.number !== index + 1) problem(['schedule', index, 'number'], `must be ${index + 1}`);
      if (row.interestCentavos + row.amortizationCentavos !== row.amountCentavos) problem(['schedule', index], 'amount must equal interest + amortization');
      if (row.dueDate <= previous) problem(['schedule', index, 'dueDate'], 'must be after the release and the previous due date');
      previous = row.dueDate;
      amortized += row.amortizationCentavos;
    });
    if (amortized !== contract.principalCentavos) problem(['schedule'], `amortizations add up to ${amortized}, not the principal ${contract.principalCentavos}`);
    if (contract.termsSha256 && contract.termsSha256 !== sha256Text(contract.terms)) problem(['termsSha256'], 'does not match the terms');
  });

export type CrediarioContractInput = z.input<typeof crediarioContractInput>;

const sha256Text = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');
/** Amounts in tables: the columns say R$. */
const amount = (value: number) => formatMoney(value).replace('R$ ', '');

export async function crediarioContract(input: CrediarioContractInput): Promise<RenderedDocument> {
  const contract = parseInput('crediarioContract', crediarioContractInput, input);
  const creditor = contract.creditor ?? MEDPAY;
  const { debtor, clinic, schedule } = contract;
  const termsSha256 = sha256Text(contract.terms);
  const count = schedule.length;
  const total = schedule.reduce((sum, row) => sum + row.amountCentavos, 0);
  const interest = schedule.reduce((sum, row) => sum + row.interestCentavos, 0);
  const annualRate = Math.pow(1 + contract.monthlyRate, 12) - 1;
  const first = schedule[0]!;
  const last = schedule.at(-1)!;
  const regular = schedule[1]?.amountCentavos ?? first.amountCentavos;

  const doc = await DocumentComposer.create({
    title: 'Contrato de Crédito Pessoal — Crediário MedPay',
    subject: `Crediário de ${debtor.name} para ${contract.procedure.name}`,
    reference: contract.reference,
    issuedAt: contract.issuedAt,
    footerNote: `Termos aceitos pelo emitente — SHA-256: ${termsSha256}`,
  });

  doc.title('CONTRATO DE CRÉDITO PESSOAL — CREDIÁRIO MEDPAY', `Cédula de crédito nº ${contract.reference}, no modelo de Cédula de Crédito Bancário, emitida em ${formatDate(contract.issuedAt)}`);

  doc.heading('I. PARTES');
  doc.fields([
    ['CREDORA', `${creditor.legalName}, CNPJ ${formatCnpjText(creditor.cnpj)}, com sede em ${formatAddress(creditor.address)}.`],
    [
      'EMITENTE (PACIENTE)',
      `${debtor.name}, CPF ${formatCpfFull(debtor.cpf)}${debtor.address ? `, residente em ${formatAddress(debtor.address)}` : ''}${debtor.email ? `, e-mail ${debtor.email}` : ''}${debtor.phone ? `, telefone ${debtor.phone}` : ''}.`,
    ],
    ['CLÍNICA (BENEFICIÁRIA DO PAGAMENTO)', `${clinic.legalName} (nome fantasia ${clinic.tradeName}), CNPJ ${formatCnpjText(clinic.cnpj)}.`],
  ]);

  doc.heading('II. FINALIDADE');
  doc.paragraph(
    `O crédito paga o procedimento "${contract.procedure.name}" na ${clinic.tradeName}. A Credora paga o valor liberado diretamente à Clínica, por conta e ordem do Emitente, que não recebe o dinheiro em mãos.`,
  );

  doc.heading('III. CONDIÇÕES DO CRÉDITO');
  doc.fields(
    [
      ['Valor liberado (pago à Clínica)', formatMoney(contract.releasedCentavos)],
      ['IOF (financiado)', `${formatMoney(contract.iofCentavos)}, somado ao valor liberado`],
      ['Valor financiado', formatMoney(contract.principalCentavos)],
      ['Data da liberação', formatDay(contract.releaseDate)],
      ['Taxa de juros', `${formatPercent(contract.monthlyRate)} ao mês (${formatPercent(annualRate)} ao ano), pro rata die pelos dias corridos de cada período (mês de 30 dias)`],
      ['Custo Efetivo Total (CET)', `${formatPercent(contract.cet.monthlyRate)} ao mês — ${formatPercent(contract.cet.annualRate)} ao ano`],
      ['Sistema de amortização', 'Tabela Price (parcelas iguais; a última ajusta os centavos de arredondamento)'],
      ['Parcelas', `${count} mensais de ${formatMoney(regular)}${first.amountCentavos !== regular ? ` (a primeira de ${formatMoney(first.amountCentavos)})` : ''}${last.amountCentavos !== regular && count > 1 ? ` (a última de ${formatMoney(last.amountCentavos)})` : ''}`],
      ['Vencimentos', `de ${formatDay(first.dueDate)} a ${formatDay(last.dueDate)}`],
      ['Juros totais', formatMoney(interest)],
      ['Total a pagar', formatMoney(total)],
    ],
    190,
  );
  doc.paragraph('O CET inclui juros e IOF e foi calculado pelas datas reais da liberação e de cada vencimento, conforme a Resolução CMN nº 4.881/2020. Não há tarifa de cadastro nem seguro.', { color: 'muted' });

  doc.heading('IV. CRONOGRAMA DE PAGAMENTO');
  let balance = contract.principalCentavos;
  const width = CONTENT_WIDTH / 6;
  doc.table(
    [
      { header: 'Parcela', width: width * 0.7 },
      { header: 'Vencimento', width: width * 1.1 },
      { header: 'Valor (R$)', width: width * 1.05, align: 'right' },
      { header: 'Amortização (R$)', width: width * 1.05, align: 'right' },
      { header: 'Juros (R$)', width: width * 1.05, align: 'right' },
      { header: 'Saldo devedor (R$)', width: width * 1.05, align: 'right' },
    ],
    schedule.map((row) => {
      balance -= row.amortizationCentavos;
      return [`${row.number}/${count}`, formatDay(row.dueDate), amount(row.amountCentavos), amount(row.amortizationCentavos), amount(row.interestCentavos), amount(balance)];
    }),
    ['Total', '', amount(total), amount(contract.principalCentavos), amount(interest), ''],
  );

  doc.heading('V. PAGAMENTO DAS PARCELAS');
  doc.paragraph('Cada parcela é paga por PIX ou boleto, que a Credora envia ao Emitente antes de cada vencimento pelo aplicativo e por e-mail. Parcela que vence em dia sem expediente bancário pode ser paga no dia útil seguinte sem encargos.');

  doc.heading('VI. ATRASO');
  doc.paragraph(
    `Parcela paga depois do vencimento tem multa de ${formatBasisPoints(contract.lateFees.fineBasisPoints)} sobre o valor da parcela (CDC, art. 52, § 1º) e juros de mora de ${formatPercent(contract.lateFees.monthlyInterestRate)} ao mês, pro rata die, até o pagamento. Nenhum outro encargo é cobrado pelo atraso. A Credora avisa o Emitente antes e depois do vencimento.`,
  );

  doc.heading('VII. PAGAMENTO ANTECIPADO');
  doc.paragraph('O Emitente pode pagar antes do vencimento, no todo ou em parte, com redução proporcional dos juros: as parcelas antecipadas são descontadas à taxa deste contrato até a data do pagamento (CDC, art. 52, § 2º).');

  doc.heading('VIII. DIREITO DE ARREPENDIMENTO');
  doc.paragraph(
    `Contratado fora do estabelecimento da Credora, este crédito pode ser cancelado pelo Emitente em até ${WITHDRAWAL_DAYS} dias da assinatura, sem justificativa e sem custo (CDC, art. 49): a Credora devolve o que tiver sido pago, corrigido, e o pagamento à Clínica é desfeito conforme a política de cancelamento do procedimento. Basta pedir pelo aplicativo ou pelos canais de atendimento.`,
  );

  doc.heading('IX. DADOS PESSOAIS');
  doc.paragraph(
    'A Credora trata os dados do Emitente, inclusive o nome do procedimento (dado de saúde), somente para conceder e cobrar este crédito, prevenir fraudes e cumprir obrigações legais (Lei nº 13.709/2018, arts. 7º e 11), com CPF e dados de saúde guardados criptografados. O Emitente pode pedir acesso, correção, portabilidade e eliminação pelos canais da Credora.',
  );

  doc.heading('X. DECLARAÇÕES');
  doc.paragraph(
    `O Emitente declara que, antes de aceitar, recebeu e leu o valor financiado, a taxa de juros, o IOF, o CET, o cronograma e o total a pagar acima, e os termos reproduzidos no Anexo, cujo resumo criptográfico (SHA-256) é ${termsSha256}.`,
  );

  doc.keep(200);
  doc.heading('ASSINATURAS');
  doc.paragraph('Este contrato é assinado eletronicamente (MP nº 2.200-2/2001, art. 10, § 2º); a via eletrônica é o original.', { color: 'muted' });
  doc.signatures(
    [
      { role: 'EMITENTE', name: debtor.name, details: [`CPF ${formatCpfFull(debtor.cpf)}`] },
      { role: 'CREDORA', name: creditor.legalName, details: [`CNPJ ${formatCnpjText(creditor.cnpj)}`] },
      { role: 'CLÍNICA (BENEFICIÁRIA)', name: clinic.legalName, details: [`CNPJ ${formatCnpjText(clinic.cnpj)}`] },
    ],
    `${contract.signingCity}, ${formatDate(contract.issuedAt)}.`,
  );

  doc.pageBreak();
  doc.heading('ANEXO — TERMOS APRESENTADOS AO EMITENTE ANTES DA ACEITAÇÃO');
  doc.paragraph(contract.terms, { size: 8.5 });
  doc.paragraph(`SHA-256 do texto acima (UTF-8): ${termsSha256}`, { size: 7.5, color: 'muted' });
  return doc.finish();
}
