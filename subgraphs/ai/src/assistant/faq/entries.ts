/**
 * The patient FAQ (pt-BR). Answers must stay true to the product rules (docs/domain.md) and to the
 * payments subgraph's settings: PIX charges expire after 1 hour (PIX_EXPIRATION_SECONDS), a boleto à
 * vista is due in 3 days (BOLETO_DUE_DAYS), escrow auto-releases 30 days after payment unless disputed
 * (ESCROW_AUTO_RELEASE_DAYS), card up to 12×, crediário up to 24×, late fee 2 % + 1 % a month pro rata die.
 */
import type { KnownIntent } from '../intents/intent.js';

export interface FaqEntry {
  id: string;
  question: string;
  answer: string;
  tags: string[];
  /** intents this entry answers; the first entry listed for an intent is its default answer */
  intents: KnownIntent[];
}

export const FAQ: readonly FaqEntry[] = [
  {
    id: 'escrow-how-it-works',
    question: 'Como funciona a custódia do meu pagamento?',
    answer:
      'Quando você paga, o dinheiro não vai direto para a clínica: ele fica em custódia (guardado) na MedPay. ' +
      'Só depois que a clínica confirma que o procedimento foi realizado o valor é liberado e a clínica é paga. ' +
      'Se a clínica não confirmar e você não abrir uma disputa, a liberação acontece automaticamente 30 dias após o pagamento. ' +
      'Se o procedimento não for feito, você pode pedir o cancelamento e o valor volta para você a partir da custódia.',
    tags: ['custódia', 'escrow', 'retido', 'liberação', 'repasse', 'clínica recebe', 'segurança'],
    intents: ['HOW_ESCROW_WORKS'],
  },
  {
    id: 'escrow-when-clinic-is-paid',
    question: 'Quando a clínica recebe o dinheiro?',
    answer:
      'A clínica recebe a parte dela depois de confirmar que o procedimento foi realizado (ou, sem disputa sua, 30 dias após o pagamento). ' +
      'Aí o valor sai da custódia e é transferido por PIX ou TED para a conta cadastrada da clínica. Até lá, seu dinheiro fica protegido na MedPay.',
    tags: ['clínica', 'repasse', 'liberação', 'custódia', 'pagamento da clínica'],
    intents: ['HOW_ESCROW_WORKS'],
  },
  {
    id: 'pix-how-to-pay',
    question: 'Como pago com PIX?',
    answer:
      'Escolha PIX no pagamento ou na parcela: mostramos um QR Code e o código "copia e cola". ' +
      'Abra o app do seu banco, escolha pagar com PIX e leia o QR Code ou cole o código. ' +
      'O código é de uso único e vale por 1 hora; se expirar, toque em "Gerar PIX" no app da MedPay para ter um novo. ' +
      'O PIX é confirmado na hora, normalmente em poucos segundos.',
    tags: ['pix', 'qr code', 'copia e cola', 'código', 'expirou', 'chave pix'],
    intents: ['HOW_TO_PAY_PIX'],
  },
  {
    id: 'pix-expired',
    question: 'O código PIX expirou. E agora?',
    answer:
      'Cada código PIX é dinâmico e vale por 1 hora. Se ele expirou, nenhum valor foi cobrado: volte ao pagamento no app e toque em "Gerar PIX". ' +
      'Não use uma chave PIX avulsa: só o código gerado para o seu pagamento é reconhecido automaticamente.',
    tags: ['pix', 'expirado', 'venceu', 'novo código', 'chave pix'],
    intents: ['HOW_TO_PAY_PIX'],
  },
  {
    id: 'boleto-how-to-pay',
    question: 'Como pago com boleto e quanto tempo demora para compensar?',
    answer:
      'Escolha boleto no pagamento ou na parcela e copie a linha digitável ou baixe o PDF. ' +
      'Você pode pagar no app ou internet banking, em caixas eletrônicos, lotéricas ou correspondentes bancários até a data de vencimento. ' +
      'O boleto à vista vence em 3 dias. A compensação não é imediata: o banco confirma o pagamento em até 3 dias úteis, e então o status é atualizado aqui. ' +
      'Se tiver pressa, o PIX é confirmado na hora.',
    tags: ['boleto', 'linha digitável', 'código de barras', 'compensação', 'compensar', 'demora', 'lotérica', 'vencimento'],
    intents: ['HOW_TO_PAY_BOLETO'],
  },
  {
    id: 'boleto-second-copy',
    question: 'Como tiro a segunda via de um boleto vencido?',
    answer:
      'No app, abra o pagamento ou a parcela e toque em "Gerar boleto" para ter uma segunda via com nova data de vencimento. ' +
      'Para parcelas do crediário pagas com atraso, o novo boleto já inclui a multa de 2 % e os juros de 1 % ao mês proporcionais aos dias de atraso.',
    tags: ['boleto', 'segunda via', '2ª via', 'vencido', 'atualizar boleto'],
    intents: ['HOW_TO_PAY_BOLETO'],
  },
  {
    id: 'crediario-how-it-works',
    question: 'Como funciona o crediário MedPay?',
    answer:
      'O crediário é o financiamento da própria MedPay: você parcela o procedimento em até 24 vezes mensais, pagas por PIX ou boleto. ' +
      'Ele passa por uma análise de crédito e por um contrato assinado digitalmente antes da primeira cobrança. ' +
      'Você escolhe o dia de vencimento; cada parcela é emitida 10 dias antes do vencimento. ' +
      'Você pode quitar antes, no todo ou em parte, com redução proporcional dos juros.',
    tags: ['crediário', 'financiamento', 'parcelas', 'parcelamento', '24 vezes', 'quitar', 'antecipar'],
    intents: ['FEES_AND_CET', 'REMAINING_BALANCE'],
  },
  {
    id: 'cet-explained',
    question: 'O que é o CET e por que o total é maior que o preço?',
    answer:
      'O CET (Custo Efetivo Total) é a taxa que reúne tudo o que você paga no crediário: juros, IOF e demais encargos, ao ano e ao mês. ' +
      'Ele é mostrado na simulação, antes de você aceitar, para que você compare os planos pelo custo real. ' +
      'O total a pagar é maior que o preço à vista por causa desses juros e do IOF. Os juros são contados pelos dias corridos de cada período.',
    tags: ['cet', 'custo efetivo total', 'juros', 'taxa', 'total', 'simulação'],
    intents: ['FEES_AND_CET'],
  },
  {
    id: 'iof-explained',
    question: 'O que é o IOF do crediário?',
    answer:
      'O IOF é um imposto federal sobre operações de crédito a pessoas físicas: 0,38 % sobre o valor financiado mais 0,0082 % ao dia sobre cada parcela de amortização, até 365 dias. ' +
      'Ele aparece separado na simulação e entra no cálculo do CET.',
    tags: ['iof', 'imposto', 'crédito', 'taxa'],
    intents: ['FEES_AND_CET'],
  },
  {
    id: 'late-payment',
    question: 'O que acontece se eu atrasar uma parcela?',
    answer:
      'A parcela em atraso tem multa de 2 % (o máximo permitido pelo Código de Defesa do Consumidor) mais juros de 1 % ao mês, proporcionais aos dias de atraso. ' +
      'Enviamos lembretes antes e depois do vencimento. Você pode pagar a qualquer momento gerando um novo PIX ou boleto no app.',
    tags: ['atraso', 'multa', 'juros de mora', 'vencida', 'encargos', 'atrasada'],
    intents: ['FEES_AND_CET', 'NEXT_INSTALLMENT'],
  },
  {
    id: 'card-installments',
    question: 'Posso parcelar no cartão? Tem juros?',
    answer:
      'Sim, no cartão de crédito em até 12 vezes. Até o limite "sem juros" definido pela clínica, você paga o preço à vista dividido nas parcelas e a clínica assume o custo. ' +
      'Acima desse limite há juros do parcelamento, mostrados antes da confirmação. Os dados do cartão não passam pelos nossos servidores: usamos um token do emissor.',
    tags: ['cartão', 'crédito', 'parcelado', 'sem juros', '12 vezes', 'parcelar'],
    intents: ['FEES_AND_CET'],
  },
  {
    id: 'payment-status',
    question: 'Paguei e o pagamento ainda não aparece. O que faço?',
    answer:
      'PIX é confirmado em segundos; boleto leva até 3 dias úteis para compensar; cartão é aprovado ou recusado na hora. ' +
      'Se o PIX já saiu da sua conta e o pagamento segue pendente depois de alguns minutos, ou o boleto passou de 3 dias úteis, fale com uma pessoa do atendimento com o comprovante em mãos.',
    tags: ['status', 'pagamento', 'pendente', 'não caiu', 'confirmado', 'compensação', 'comprovante'],
    intents: ['PAYMENT_STATUS'],
  },
  {
    id: 'cancel-before-procedure',
    question: 'Como cancelo um pagamento?',
    answer:
      'Se o procedimento ainda não foi realizado, o valor está em custódia e o reembolso sai de lá, integral ou parcial. ' +
      'No app, abra o pagamento e toque em "Cancelar e pedir reembolso", ou fale com o atendimento. Se o procedimento já foi realizado e a clínica já recebeu, o estorno é cobrado da clínica. ' +
      'Reembolsos parciais devolvem o valor proporcionalmente.',
    tags: ['cancelar', 'cancelamento', 'reembolso', 'estorno', 'devolução', 'dinheiro de volta', 'desistir'],
    intents: ['CANCEL_OR_DISPUTE'],
  },
  {
    id: 'dispute',
    question: 'A clínica não fez o procedimento ou fui cobrado errado. Como abro uma disputa?',
    answer:
      'No app, abra o pagamento e escolha "Abrir contestação", contando o que aconteceu. Enquanto a contestação está aberta o valor não é liberado para a clínica. ' +
      'Nossa equipe analisa e decide a favor do paciente (com reembolso) ou da clínica. Abra a contestação antes da liberação automática, 30 dias após o pagamento.',
    tags: ['disputa', 'contestar', 'contestação', 'cobrança indevida', 'cobrado duas vezes', 'reclamação', 'não fez'],
    intents: ['CANCEL_OR_DISPUTE'],
  },
  {
    id: 'crediario-withdrawal',
    question: 'Posso desistir do crediário depois de assinar?',
    answer:
      'Sim. Pelo direito de arrependimento (CDC art. 49), um contrato assinado pela internet pode ser cancelado em até 7 dias após a assinatura, com devolução de tudo o que foi pago. ' +
      'Depois desse prazo, você pode quitar antecipadamente com redução proporcional dos juros.',
    tags: ['arrependimento', 'desistir', 'cancelar crediário', 'contrato', '7 dias'],
    intents: ['CANCEL_OR_DISPUTE'],
  },
  {
    id: 'lgpd-privacy',
    question: 'O que vocês fazem com os meus dados?',
    answer:
      'Tratamos seus dados conforme a LGPD. Dados de saúde são sensíveis e só são usados para o seu atendimento, os pagamentos e a prevenção a fraudes; ' +
      'CPF e dados de saúde são guardados criptografados e todo acesso a eles fica registrado. ' +
      'Você pode pedir acesso, correção, portabilidade e exclusão dos seus dados e revogar consentimentos; respondemos em até 15 dias. ' +
      'Em "Meus dados" você baixa uma cópia ou exclui a conta; para corrigir um dado, fale com o atendimento.',
    tags: ['lgpd', 'privacidade', 'dados pessoais', 'dados de saúde', 'consentimento', 'corrigir', 'segurança'],
    intents: ['PRIVACY_DATA'],
  },
  {
    id: 'lgpd-export',
    question: 'Como peço uma cópia dos meus dados?',
    answer:
      'Pela LGPD você pode acessar, corrigir e levar seus dados (portabilidade). No app, em "Meus dados", use "Baixar meus dados (JSON)"; pedidos pela LGPD são respondidos em até 15 dias.',
    tags: ['lgpd', 'privacidade', 'meus dados', 'exportar', 'baixar', 'portabilidade', 'cópia', 'corrigir'],
    intents: ['PRIVACY_DATA'],
  },
  {
    id: 'lgpd-deletion',
    question: 'Como excluo minha conta e meus dados?',
    answer:
      'Pela LGPD você pode pedir a exclusão dos seus dados e revogar consentimentos. No app, em "Meus dados", use "Excluir minha conta". ' +
      'Apagamos nome, e-mail, telefone, CPF, notificações e aparelhos cadastrados; pagamentos, contratos e registros contábeis ficam guardados por 5 anos, como exige a lei, sem nada que identifique você. ' +
      'Não é possível excluir a conta enquanto houver pagamento aguardando confirmação, valor em custódia, contestação, reembolso ou parcelas em aberto.',
    tags: ['lgpd', 'excluir conta', 'apagar dados', 'deletar', 'encerrar conta', 'exclusão', 'privacidade', 'consentimento'],
    intents: ['PRIVACY_DATA'],
  },
  {
    id: 'talk-to-person',
    question: 'Como falo com uma pessoa?',
    answer: 'Posso passar a conversa para uma pessoa do nosso atendimento, que vê o histórico desta conversa. É só confirmar.',
    tags: ['atendente', 'pessoa', 'humano', 'suporte', 'atendimento', 'contato'],
    intents: ['TALK_TO_PERSON'],
  },
];
