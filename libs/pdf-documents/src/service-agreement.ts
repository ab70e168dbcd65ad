// The clinic's service agreement with MedPay: who the parties are, what MedPay charges, how money is
// held in escrow and paid out, refunds and chargebacks, data protection, and the signature block.
import { z } from 'zod';
import { DocumentComposer, type RenderedDocument } from './composer.js';
import { formatAddress, formatBasisPoints, formatCnpjText, formatCpfFull, formatDate, formatMoney } from './format.js';
import { address, centavos, cnpj, company, cpf, instant, parseInput, text } from './inputs.js';
import { MEDPAY } from './platform.js';

export const serviceAgreementInput = z.object({
  /** the agreement's number, printed in every footer */
  reference: text,
  issuedAt: instant,
  clinic: z.object({
    legalName: text,
    tradeName: text,
    cnpj,
    address,
    email: z.email().optional(),
    /** the CPF when the platform has one (staff accounts may have none) */
    representative: z.object({ name: text, cpf: cpf.optional(), role: text }),
  }),
  /** MedPay's share of each payment, in basis points (400 = 4 %) */
  platformFeeBasisPoints: z.number().int().min(0).max(5000),
  /** processing costs passed on to the clinic, per payment */
  processingCosts: z
    .object({
      pixCentavos: centavos.optional(),
      boletoCentavos: centavos.optional(),
      /** the card acquirer's discount rate for a payment in one installment, basis points */
      cardBasisPoints: z.number().int().min(0).max(5000).optional(),
    })
    .default({}),
  payout: z.object({
    method: z.enum(['PIX', 'TED']),
    /** where payouts go, as the clinic registered it ('chave PIX CNPJ …', 'Banco 001, ag. 1234, c/c 56789-0') */
    destination: text,
    /** days after payment when escrow is released unless the patient disputes */
    escrowAutoReleaseDays: z.number().int().min(1).max(180),
    /** business days from release to the money in the clinic's account */
    businessDaysAfterRelease: z.number().int().min(0).max(30),
  }),
  terminationNoticeDays: z.number().int().min(0).max(365).default(30),
  signingCity: text.default('São Paulo/SP'),
  /** MedPay's own data; default MEDPAY */
  platform: company.optional(),
});

export type ServiceAgreementInput = z.input<typeof serviceAgreementInput>;

export async function serviceAgreement(input: ServiceAgreementInput): Promise<RenderedDocument> {
  const agreement = parseInput('serviceAgreement', serviceAgreementInput, input);
  const medpay = agreement.platform ?? MEDPAY;
  const { clinic, payout } = agreement;
  const fee = formatBasisPoints(agreement.platformFeeBasisPoints);
  const doc = await DocumentComposer.create({
    title: 'Contrato de Prestação de Serviços de Pagamento',
    subject: `Contrato entre ${medpay.legalName} e ${clinic.legalName}`,
    reference: agreement.reference,
    issuedAt: agreement.issuedAt,
  });

  doc.title('CONTRATO DE PRESTAÇÃO DE SERVIÇOS DE PAGAMENTO', `Contrato nº ${agreement.reference}, emitido em ${formatDate(agreement.issuedAt)}`);

  doc.heading('PARTES');
  doc.fields([
    ['MEDPAY', `${medpay.legalName}, CNPJ ${formatCnpjText(medpay.cnpj)}, com sede em ${formatAddress(medpay.address)}.`],
    [
      'CLÍNICA',
      `${clinic.legalName} (nome fantasia ${clinic.tradeName}), CNPJ ${formatCnpjText(clinic.cnpj)}, com sede em ${formatAddress(clinic.address)}${clinic.email ? `, e-mail ${clinic.email}` : ''}.`,
    ],
    ['REPRESENTANTE LEGAL DA CLÍNICA', `${clinic.representative.name}${clinic.representative.cpf ? `, CPF ${formatCpfFull(clinic.representative.cpf)}` : ''}, ${clinic.representative.role}.`],
  ]);

  doc.heading('1. OBJETO');
  doc.paragraph(
    'A MedPay oferece à Clínica uma plataforma para receber dos seus pacientes o pagamento de procedimentos de saúde por PIX, boleto, cartão de crédito e crediário MedPay, guardar esses valores em custódia até a realização do procedimento e repassá-los à Clínica nas condições deste contrato.',
  );

  const costs = [
    agreement.processingCosts.pixCentavos !== undefined ? `PIX: ${formatMoney(agreement.processingCosts.pixCentavos)} por pagamento` : null,
    agreement.processingCosts.boletoCentavos !== undefined ? `boleto: ${formatMoney(agreement.processingCosts.boletoCentavos)} por boleto pago` : null,
    agreement.processingCosts.cardBasisPoints !== undefined ? `cartão de crédito: ${formatBasisPoints(agreement.processingCosts.cardBasisPoints)} do valor, à vista (parcelado conforme a tabela vigente da adquirente)` : null,
  ].filter((cost): cost is string => cost !== null);
  doc.heading('2. REMUNERAÇÃO DA MEDPAY');
  doc.clauses([
    `Tarifa da plataforma: ${fee} do valor bruto de cada pagamento recebido, descontada no repasse. Nenhum outro valor é cobrado da Clínica pelo uso da plataforma.`,
    costs.length > 0
      ? `Custos de processamento repassados à Clínica, descontados no repasse: ${costs.join('; ')}.`
      : 'Os custos de processamento dos meios de pagamento são absorvidos pela MedPay e não são descontados da Clínica.',
    'No crediário MedPay, a MedPay paga à Clínica o preço integral do procedimento, descontada a tarifa da plataforma, e assume o risco de o paciente não pagar as parcelas. Juros, IOF e encargos do crediário são cobrados do paciente e não afetam o repasse.',
    'A MedPay pode alterar a tarifa mediante aviso por escrito com pelo menos 30 dias de antecedência; a Clínica que não concordar pode encerrar o contrato sem multa antes da nova tarifa valer.',
  ]);

  doc.heading('3. CUSTÓDIA DOS VALORES (ESCROW)');
  doc.clauses([
    'O dinheiro pago pelo paciente não vai direto para a conta da Clínica: ele fica guardado pela MedPay, em conta separada, até a Clínica informar na plataforma que o procedimento foi realizado.',
    `Se a Clínica não informar a realização e o paciente não abrir uma contestação, o valor é liberado automaticamente ${payout.escrowAutoReleaseDays} dias após o pagamento.`,
    'Se o paciente contestar antes da liberação, o valor continua guardado até a contestação ser resolvida. A Clínica é avisada e pode enviar comprovantes de que o procedimento foi realizado.',
    'Enquanto está em custódia, o valor não pode ser usado pela MedPay nem pela Clínica. A MedPay não paga rendimentos sobre ele.',
  ]);

  doc.heading('4. REPASSE À CLÍNICA');
  doc.clauses([
    `Liberado o valor, a MedPay transfere à Clínica o valor bruto menos a tarifa da plataforma e os custos de processamento, por ${payout.method === 'PIX' ? 'PIX' : 'TED'} para ${payout.destination}, em até ${payout.businessDaysAfterRelease} dia(s) útil(eis).`,
    'A Clínica recebe todo mês um extrato com cada pagamento, a tarifa, os estornos, as contestações e os repasses do período, para conferir com os seus registros.',
    'A conta de destino só pode ser alterada pela própria Clínica na plataforma, com confirmação do representante legal; a conta deve ser de titularidade da Clínica (mesmo CNPJ).',
  ]);

  doc.heading('5. ESTORNOS E CONTESTAÇÕES (CHARGEBACKS)');
  doc.clauses([
    'Estorno antes da liberação: o valor é devolvido ao paciente a partir da custódia, e a Clínica nada recebe por aquele pagamento.',
    'Estorno depois da liberação: o valor devolvido ao paciente é descontado dos próximos repasses à Clínica; se não houver repasses suficientes em 30 dias, a Clínica paga a diferença à MedPay.',
    'Estorno parcial: a tarifa da plataforma e o valor da Clínica são reduzidos na mesma proporção do valor estornado.',
    'Contestação de cartão (chargeback) aceita pela emissora do cartão segue as mesmas regras de um estorno depois da liberação, acrescida da tarifa de contestação cobrada pela adquirente, quando houver.',
  ]);

  doc.heading('6. OBRIGAÇÕES DA CLÍNICA');
  doc.clauses([
    'Informar ao paciente o preço real do procedimento, sem acréscimo para pagamento pela plataforma, e não cobrar novamente um procedimento já pago pela MedPay.',
    'Marcar na plataforma a realização do procedimento somente depois de realizado, e responder às contestações de pacientes em até 5 dias úteis.',
    'Emitir ao paciente o documento fiscal do procedimento, que é de sua responsabilidade.',
  ]);

  doc.heading('7. PROTEÇÃO DE DADOS PESSOAIS (LGPD)');
  doc.clauses([
    'Cada parte é controladora dos dados pessoais que coleta para as próprias finalidades e cumpre a Lei nº 13.709/2018 (LGPD).',
    'A MedPay trata os dados dos pacientes, inclusive o nome do procedimento, que é dado pessoal sensível de saúde, somente para processar pagamentos, analisar crédito, prevenir fraudes e cumprir obrigações legais e regulatórias (LGPD, arts. 7º e 11), e não os vende nem os usa para publicidade.',
    'CPF e dados de saúde são guardados criptografados; o acesso a eles é restrito e registrado. Números de cartão não são recebidos nem guardados pela MedPay ou pela Clínica na plataforma.',
    'As partes se comunicam em até 2 dias úteis qualquer incidente de segurança que envolva os dados da outra parte ou dos pacientes, e colaboram na comunicação à ANPD e aos titulares quando exigida.',
    'Pedidos de titulares (acesso, correção, portabilidade, eliminação, revogação de consentimento) recebidos por uma parte que digam respeito à outra são encaminhados a ela em até 2 dias úteis, para resposta no prazo legal.',
    'Ao fim do contrato, cada parte elimina os dados recebidos da outra, salvo os que a lei obriga a guardar (como registros de transações financeiras).',
  ]);

  doc.heading('8. PRAZO E ENCERRAMENTO');
  doc.clauses([
    `Este contrato vale por prazo indeterminado a partir da assinatura. Qualquer parte pode encerrá-lo com aviso por escrito de ${agreement.terminationNoticeDays} dias.`,
    'Valores em custódia na data do encerramento continuam sujeitos às regras de liberação, estorno e repasse deste contrato até serem liquidados.',
    'A MedPay pode suspender novos pagamentos imediatamente em caso de fraude, de ordem de autoridade ou de CNPJ da Clínica em situação diferente de ativa na Receita Federal.',
  ]);

  doc.heading('9. FORO');
  doc.paragraph('Fica eleito o foro da comarca de São Paulo/SP para resolver questões deste contrato, sem prejuízo do foro do domicílio do consumidor nas relações de consumo com os pacientes.');

  doc.keep(200);
  doc.heading('ASSINATURAS');
  doc.paragraph('As partes assinam este contrato eletronicamente, e reconhecem a validade da assinatura eletrônica (MP nº 2.200-2/2001, art. 10, § 2º).', { color: 'muted' });
  doc.signatures(
    [
      { role: 'MEDPAY', name: medpay.legalName, details: [`CNPJ ${formatCnpjText(medpay.cnpj)}`] },
      { role: 'CLÍNICA', name: clinic.legalName, details: [`CNPJ ${formatCnpjText(clinic.cnpj)}`, `por ${clinic.representative.name}${clinic.representative.cpf ? `, CPF ${formatCpfFull(clinic.representative.cpf)}` : ''}`] },
    ],
    `${agreement.signingCity}, ${formatDate(agreement.issuedAt)}.`,
  );
  return doc.finish();
}
