// What each notification says, in pt-BR: one template per kind, versioned here (the version is kept
// on every message). A template renders from the facts fetched when the message goes out (the payment
// as payments shows it now, the recipient's own contact), so a reminder tells today's amount and a
// message no longer due (an installment paid) is not sent. Health data (procedure names) appears only
// in `body`, which goes to authenticated channels (in-app, e-mail to the account's own address);
// `preview` is what SMS, WhatsApp and lock-screen push show, and never names a procedure. A sign-up's
// confirmation link is rendered into the e-mail alone: it is never stored here.
import type { contacts, paymentFacts } from '@medpay/contracts';
import { formatBRL } from '@medpay/money';
import type { z } from 'zod';
import type { Channel } from './generated/prisma/enums.js';

export type Contact = z.output<typeof contacts.response>['contacts'][number];
export type PaymentFacts = z.output<typeof paymentFacts.response>;

/** What an occurrence carries from its event to the message (ids, amounts, dates; no personal data). */
export interface OccurrenceData {
  paymentId?: string;
  clinicId?: string;
  installmentNumber?: number | null;
  amountCentavos?: number;
  dueDate?: string | null;
  expiresAt?: string | null;
  discrepancies?: string[];
  endpointUrl?: string;
  kind?: string;
  /** a sign-up waiting for its e-mail (its address and link are asked of users when the e-mail goes out) */
  signUpId?: string;
  /** a payment link for a patient (their address and the link are asked of payments when it goes out) */
  paymentLinkId?: string;
  /** how a clinic's payouts now go */
  payoutMethod?: 'PIX' | 'TED';
  /** which of an account's keys a sign-up gave */
  matched?: Array<'EMAIL' | 'CPF'>;
}

/** Everything a template may use; what it declares in `needs` is present. */
export interface MessageFacts {
  recipient: Contact;
  data: OccurrenceData;
  payment?: PaymentFacts;
  procedureName?: string;
  clinicName?: string;
  /** a sign-up's confirmation: the token minted for this e-mail (null: its CPF already has an account) */
  signUp?: { token: string | null; expiresAt: string };
  /** a payment link: its page in the patient app and until when it may be paid */
  paymentLink?: { path: string; expiresAt: string };
}

export interface Rendered {
  title: string;
  /** the full text: in-app and e-mail */
  body: string;
  /** SMS, WhatsApp and push: no health data */
  preview: string;
  /** a path in the recipient's app */
  link: string | null;
  /** the e-mail's words for the link ('Ver no app' unless told) */
  linkLabel?: string;
}

export type Audience = 'patient' | 'clinic' | 'admin';

export interface Template {
  version: number;
  audience: Audience;
  channels: readonly Channel[];
  /** sent even in quiet hours (21:00–08:00) on SMS and WhatsApp */
  urgent: boolean;
  needs: { payment?: boolean; procedure?: boolean; clinic?: boolean; signUp?: boolean; paymentLink?: boolean };
  /**
   * about the safety of an account or a sign-up: sent on its channels whatever the person chose
   * (preferences do not apply), with a footer that says so
   */
  security?: boolean;
  /** false when, by the time it goes out, the message has nothing left to say (it is canceled) */
  stillDue?: (facts: MessageFacts) => boolean;
  render: (facts: MessageFacts) => Rendered;
}

const PATIENT_CHANNELS: readonly Channel[] = ['IN_APP', 'EMAIL', 'PUSH', 'SMS', 'WHATSAPP'];
const STAFF_CHANNELS: readonly Channel[] = ['IN_APP', 'EMAIL'];

const day = (iso: string) => {
  const [year, month, date] = iso.slice(0, 10).split('-');
  return `${date}/${month}/${year}`;
};
const time = (iso: string) => new Intl.DateTimeFormat('pt-BR', { timeZone: 'America/Sao_Paulo', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
const firstName = (contact: Contact) => contact.name.split(' ')[0] ?? contact.name;
const paymentLink = (facts: MessageFacts) => `/pagamentos/${facts.data.paymentId}`;
const clinicPaymentLink = (facts: MessageFacts) => `/clinicas/${facts.payment?.clinicId ?? facts.data.clinicId}/pagamentos/${facts.data.paymentId}`;
const payment = (facts: MessageFacts) => facts.payment!;
const installment = (facts: MessageFacts) => payment(facts).installments.find((entry) => entry.number === facts.data.installmentNumber);
const installmentOpen = (facts: MessageFacts) => ['SCHEDULED', 'ISSUED', 'OVERDUE'].includes(installment(facts)?.status ?? '');
const awaiting = (facts: MessageFacts) => payment(facts).status === 'AWAITING_PAYMENT';
const escrowHeld = (facts: MessageFacts) => payment(facts).escrowState === 'HELD';

const patient = (template: Omit<Template, 'audience' | 'channels' | 'urgent'> & { urgent?: boolean }): Template => ({ audience: 'patient', channels: PATIENT_CHANNELS, urgent: false, ...template });
const staff = (audience: 'clinic' | 'admin', template: Omit<Template, 'audience' | 'channels' | 'urgent'>): Template => ({ audience, channels: STAFF_CHANNELS, urgent: false, ...template });

export const templates = {
  'payment.confirmed': patient({
    version: 1,
    needs: { payment: true, procedure: true },
    render: (facts) => ({
      title: 'Pagamento confirmado',
      body: `Recebemos ${formatBRL(payment(facts).patientTotalCentavos)} pelo procedimento ${facts.procedureName}. O valor fica em custódia com a MedPay até a clínica confirmar a realização do procedimento.`,
      preview: `Recebemos seu pagamento de ${formatBRL(payment(facts).patientTotalCentavos)}. Detalhes no app MedPay.`,
      link: paymentLink(facts),
    }),
  }),
  'payment.in_escrow': patient({
    version: 1,
    needs: { payment: true, procedure: true },
    render: (facts) => ({
      title: 'Valor em custódia',
      body: `Seu pagamento de ${formatBRL(payment(facts).patientTotalCentavos)} pelo procedimento ${facts.procedureName} está em custódia: a clínica só recebe depois de confirmar que o procedimento foi realizado. Se algo der errado, você pode abrir uma contestação pelo app.`,
      preview: `Seu pagamento de ${formatBRL(payment(facts).patientTotalCentavos)} está em custódia até o procedimento. Detalhes no app MedPay.`,
      link: paymentLink(facts),
    }),
  }),
  'payment.released': patient({
    version: 1,
    needs: { payment: true, procedure: true, clinic: true },
    render: (facts) => ({
      title: 'Procedimento confirmado',
      body: `${facts.clinicName} confirmou a realização do procedimento ${facts.procedureName}, e o valor em custódia foi liberado para a clínica.`,
      preview: 'A clínica confirmou seu procedimento e o valor em custódia foi liberado. Detalhes no app MedPay.',
      link: paymentLink(facts),
    }),
  }),
  'payment.refunded': patient({
    version: 1,
    needs: { payment: true, procedure: true },
    render: (facts) => ({
      title: 'Reembolso realizado',
      body: `Devolvemos ${formatBRL(facts.data.amountCentavos ?? payment(facts).refundedCentavos)} do pagamento pelo procedimento ${facts.procedureName}. O prazo para o valor aparecer depende do meio de pagamento.`,
      preview: `Reembolso de ${formatBRL(facts.data.amountCentavos ?? payment(facts).refundedCentavos)} realizado. Detalhes no app MedPay.`,
      link: paymentLink(facts),
    }),
  }),
  'payment.dispute_opened': patient({
    version: 1,
    needs: { payment: true, procedure: true },
    render: (facts) => ({
      title: 'Contestação aberta',
      body: `Recebemos sua contestação do pagamento pelo procedimento ${facts.procedureName}. O valor continua em custódia enquanto analisamos; avisaremos quando houver uma decisão.`,
      preview: 'Recebemos sua contestação. O valor continua em custódia enquanto analisamos.',
      link: paymentLink(facts),
    }),
  }),
  'payment.charged_back': patient({
    version: 1,
    needs: { payment: true, procedure: true },
    render: (facts) => ({
      title: 'Contestação no cartão registrada',
      body: `O banco do seu cartão nos informou a contestação (chargeback) do pagamento pelo procedimento ${facts.procedureName}, e o valor foi devolvido por ele. Se você não reconhece essa contestação, fale com o banco do cartão.`,
      preview: 'O banco do seu cartão registrou uma contestação de pagamento. Detalhes no app MedPay.',
      link: paymentLink(facts),
    }),
  }),
  'payment.dispute_decided': patient({
    version: 1,
    needs: { payment: true, procedure: true },
    render: (facts) => {
      const refunded = ['REFUNDED', 'PARTIALLY_REFUNDED'].includes(payment(facts).status);
      const outcome = refunded ? `decidida a seu favor: ${formatBRL(payment(facts).refundedCentavos)} serão devolvidos` : 'encerrada, e o valor segue para a clínica';
      return {
        title: 'Contestação decidida',
        body: `A contestação do pagamento pelo procedimento ${facts.procedureName} foi ${outcome}.`,
        preview: `Sua contestação foi ${outcome}. Detalhes no app MedPay.`,
        link: paymentLink(facts),
      };
    },
  }),
  'pix.expiring': patient({
    version: 1,
    urgent: true,
    needs: { payment: true },
    stillDue: awaiting,
    render: (facts) => ({
      title: 'Seu PIX vence em 10 minutos',
      body: `O código PIX de ${formatBRL(facts.data.amountCentavos ?? payment(facts).patientTotalCentavos)} vale até ${time(facts.data.expiresAt!)}. Depois disso, será preciso gerar outro.`,
      preview: `Seu PIX de ${formatBRL(facts.data.amountCentavos ?? payment(facts).patientTotalCentavos)} vence às ${time(facts.data.expiresAt!)}. Pague pelo app MedPay.`,
      link: paymentLink(facts),
    }),
  }),
  'boleto.due_tomorrow': patient({
    version: 1,
    needs: { payment: true },
    stillDue: (facts) => (facts.data.installmentNumber ? installmentOpen(facts) : awaiting(facts)),
    render: (facts) => ({
      title: 'Seu boleto vence amanhã',
      body: `O boleto de ${formatBRL(facts.data.amountCentavos!)} vence em ${day(facts.data.dueDate!)}. A segunda via está no app.`,
      preview: `Seu boleto de ${formatBRL(facts.data.amountCentavos!)} vence amanhã (${day(facts.data.dueDate!)}). Segunda via no app MedPay.`,
      link: paymentLink(facts),
    }),
  }),
  'installment.due_soon': patient({
    version: 1,
    needs: { payment: true },
    stillDue: installmentOpen,
    render: (facts) => ({
      title: `Parcela ${facts.data.installmentNumber} vence em 3 dias`,
      body: `A parcela ${facts.data.installmentNumber} do seu crediário, de ${formatBRL(installment(facts)!.amountDueCentavos)}, vence em ${day(installment(facts)!.dueDate)}.`,
      preview: `Sua parcela ${facts.data.installmentNumber} de ${formatBRL(installment(facts)!.amountDueCentavos)} vence em ${day(installment(facts)!.dueDate)}. Pague pelo app MedPay.`,
      link: '/parcelas',
    }),
  }),
  'installment.due_today': patient({
    version: 1,
    needs: { payment: true },
    stillDue: installmentOpen,
    render: (facts) => ({
      title: `Parcela ${facts.data.installmentNumber} vence hoje`,
      body: `A parcela ${facts.data.installmentNumber} do seu crediário, de ${formatBRL(installment(facts)!.amountDueCentavos)}, vence hoje. Pague por PIX ou boleto pelo app para evitar multa e juros.`,
      preview: `Sua parcela ${facts.data.installmentNumber} de ${formatBRL(installment(facts)!.amountDueCentavos)} vence hoje. Pague pelo app MedPay.`,
      link: '/parcelas',
    }),
  }),
  'installment.overdue': patient({
    version: 1,
    needs: { payment: true },
    stillDue: (facts) => installment(facts)?.status === 'OVERDUE',
    render: (facts) => {
      const due = installment(facts)!;
      const charges = due.lateChargesCentavos > 0 ? `, com ${formatBRL(due.lateChargesCentavos)} de multa e juros,` : '';
      return {
        title: `Parcela ${due.number} em atraso`,
        body: `A parcela ${due.number} do seu crediário venceu em ${day(due.dueDate)}. O valor atualizado${charges} é ${formatBRL(due.amountDueCentavos)}.`,
        preview: `Sua parcela ${due.number} venceu em ${day(due.dueDate)}. Valor atualizado: ${formatBRL(due.amountDueCentavos)}. Pague pelo app MedPay.`,
        link: '/parcelas',
      };
    },
  }),

  'payment_link.sent': {
    version: 1,
    audience: 'patient',
    // To the address the clinic gave: the patient may have no account yet.
    channels: ['EMAIL'],
    urgent: false,
    security: true,
    needs: { paymentLink: true },
    render: (facts) => ({
      title: `${facts.clinicName} enviou um link para você pagar`,
      body: `${facts.clinicName} pede o pagamento de ${facts.procedureName} pela MedPay Saúde. Abra o link para ver os valores e escolher como pagar: PIX, boleto, cartão ou crediário. O link vale até ${day(facts.paymentLink!.expiresAt)} às ${time(facts.paymentLink!.expiresAt)} e pode ser usado uma vez. Se você não reconhece esta cobrança, ignore esta mensagem.`,
      preview: `${facts.clinicName} enviou um link de pagamento pela MedPay Saúde.`,
      link: facts.paymentLink!.path,
      linkLabel: 'Ver e pagar',
    }),
  },

  'sign_up.confirmation': {
    version: 1,
    audience: 'patient',
    // To the address the sign-up gave, and nowhere else: it is not an account yet.
    channels: ['EMAIL'],
    urgent: false,
    security: true,
    needs: { signUp: true },
    render: (facts) => {
      const { token, expiresAt } = facts.signUp!;
      if (token === null) {
        return {
          title: 'Não foi possível concluir seu cadastro',
          body: 'Recebemos um pedido de cadastro na MedPay Saúde com este e-mail, mas o CPF informado já tem uma conta. Se a conta é sua, entre com o e-mail e a senha dela. Se você não reconhece essa conta, fale com o suporte da MedPay. Se não foi você que pediu o cadastro, ignore esta mensagem.',
          preview: 'Não foi possível concluir seu cadastro na MedPay Saúde.',
          link: '/entrar',
          linkLabel: 'Entrar na MedPay',
        };
      }
      return {
        title: 'Confirme seu e-mail para criar sua conta',
        body: `Para criar sua conta na MedPay Saúde, abra o link abaixo e digite a senha que você escolheu no cadastro. O link vale até ${day(expiresAt)} às ${time(expiresAt)} e funciona uma vez. Se não foi você que pediu o cadastro, ignore esta mensagem: nenhuma conta é criada sem a confirmação.`,
        preview: 'Confirme seu e-mail para criar sua conta na MedPay Saúde.',
        link: `/cadastro/confirmar?token=${encodeURIComponent(token)}`,
        linkLabel: 'Confirmar meu e-mail',
      };
    },
  },
  'account.sign_up_attempted': {
    version: 1,
    audience: 'patient',
    channels: ['EMAIL'],
    urgent: false,
    security: true,
    needs: {},
    render: (facts) => {
      const matched = facts.data.matched ?? [];
      const what = matched.includes('EMAIL') && matched.includes('CPF') ? 'seu e-mail e seu CPF' : matched.includes('CPF') ? 'seu CPF' : 'seu e-mail';
      return {
        title: 'Tentativa de cadastro com seus dados',
        body: `Alguém tentou criar uma conta na MedPay Saúde com ${what}, que já ${matched.length > 1 ? 'estão' : 'está'} na sua conta. Nenhuma conta nova foi criada. Se foi você, é só entrar com seu e-mail e senha (esqueceu a senha? Fale com o suporte da MedPay). Se não foi você, não é preciso fazer nada.`,
        preview: 'Alguém tentou criar uma conta na MedPay Saúde com seus dados. Nenhuma conta nova foi criada.',
        link: '/entrar',
        linkLabel: 'Entrar na MedPay',
      };
    },
  },

  'clinic.payment_in_escrow': staff('clinic', {
    version: 1,
    needs: { payment: true, procedure: true },
    render: (facts) => ({
      title: 'Novo pagamento em custódia',
      body: `Um paciente pagou ${formatBRL(payment(facts).patientTotalCentavos)} pelo procedimento ${facts.procedureName}. Confirme a realização do procedimento para liberar ${formatBRL(payment(facts).clinicNetCentavos)} à clínica.`,
      preview: `Novo pagamento em custódia: ${formatBRL(payment(facts).patientTotalCentavos)}.`,
      link: clinicPaymentLink(facts),
    }),
  }),
  'clinic.escrow_released': staff('clinic', {
    version: 1,
    needs: { payment: true, procedure: true },
    render: (facts) => ({
      title: 'Custódia liberada',
      body: `${formatBRL(payment(facts).clinicNetCentavos)} do procedimento ${facts.procedureName} foram liberados para a clínica e entram no próximo repasse.`,
      preview: `Custódia liberada: ${formatBRL(payment(facts).clinicNetCentavos)}.`,
      link: clinicPaymentLink(facts),
    }),
  }),
  'clinic.payout_done': staff('clinic', {
    version: 1,
    needs: { payment: true },
    render: (facts) => ({
      title: 'Repasse realizado',
      body: `Transferimos ${formatBRL(payment(facts).clinicNetCentavos)} para a conta da clínica.`,
      preview: `Repasse realizado: ${formatBRL(payment(facts).clinicNetCentavos)}.`,
      link: clinicPaymentLink(facts),
    }),
  }),
  'clinic.payout_failed': staff('clinic', {
    version: 1,
    needs: {},
    render: (facts) => ({
      title: 'Repasse não concluído',
      body: `A transferência de ${formatBRL(facts.data.amountCentavos!)} para a conta da clínica falhou. Vamos tentar novamente; confira os dados bancários cadastrados.`,
      preview: `Repasse de ${formatBRL(facts.data.amountCentavos!)} não concluído.`,
      link: clinicPaymentLink(facts),
    }),
  }),
  'clinic.dispute_opened': staff('clinic', {
    version: 1,
    needs: { payment: true, procedure: true },
    render: (facts) => ({
      title: 'Contestação aberta',
      body: `O paciente contestou o pagamento de ${formatBRL(payment(facts).patientTotalCentavos)} pelo procedimento ${facts.procedureName}. O valor fica em custódia até a decisão.`,
      preview: `Contestação aberta: ${formatBRL(payment(facts).patientTotalCentavos)}.`,
      link: clinicPaymentLink(facts),
    }),
  }),
  'clinic.chargeback_received': staff('clinic', {
    version: 1,
    needs: { payment: true, procedure: true },
    render: (facts) => ({
      title: 'Chargeback recebido',
      body: `O banco do cartão do paciente devolveu a ele o pagamento de ${formatBRL(payment(facts).patientTotalCentavos)} pelo procedimento ${facts.procedureName} (chargeback). ${['RELEASED', 'PAID_OUT'].includes(payment(facts).escrowState) ? 'A parte já liberada à clínica será descontada dos próximos repasses.' : 'O valor estava em custódia e não será repassado.'}`,
      preview: 'Chargeback recebido em um pagamento com cartão. Detalhes no painel MedPay.',
      link: clinicPaymentLink(facts),
    }),
  }),
  'clinic.confirmation_pending': staff('clinic', {
    version: 1,
    needs: { payment: true, procedure: true },
    stillDue: escrowHeld,
    render: (facts) => ({
      title: 'Procedimento aguardando confirmação',
      body: `O pagamento de ${formatBRL(payment(facts).patientTotalCentavos)} pelo procedimento ${facts.procedureName} está em custódia desde ${day(payment(facts).createdAt)}. Confirme a realização para liberar o valor.`,
      preview: 'Há um procedimento aguardando confirmação.',
      link: clinicPaymentLink(facts),
    }),
  }),
  // A payout redirected is a classic fraud: the whole team hears of it, whatever they chose.
  'clinic.payout_account_changed': {
    ...staff('clinic', {
      version: 1,
      needs: { clinic: true },
      render: (facts) => ({
        title: 'Dados de repasse alterados',
        body: `Os repasses de ${facts.clinicName} passam a ser feitos ${facts.data.payoutMethod === 'TED' ? 'por TED para a conta bancária cadastrada' : 'por PIX para a chave CNPJ da clínica'}. Se ninguém da equipe fez esta alteração, fale com a MedPay imediatamente.`,
        preview: 'Os dados de repasse da clínica foram alterados. Confira no painel MedPay.',
        link: `/clinicas/${facts.data.clinicId}/repasse`,
      }),
    }),
    security: true,
  },
  'clinic.approved': staff('clinic', {
    version: 1,
    needs: { clinic: true },
    render: (facts) => ({
      title: 'Clínica aprovada',
      body: `${facts.clinicName} foi aprovada e já pode receber pagamentos pela MedPay.`,
      preview: 'Sua clínica foi aprovada na MedPay.',
      link: `/clinicas/${facts.data.clinicId}`,
    }),
  }),
  'clinic.suspended': staff('clinic', {
    version: 1,
    needs: { clinic: true },
    render: (facts) => ({
      title: 'Clínica suspensa',
      body: `${facts.clinicName} foi suspensa e não recebe novos pagamentos até a reativação. Fale com o suporte da MedPay.`,
      preview: 'Sua clínica foi suspensa na MedPay.',
      link: `/clinicas/${facts.data.clinicId}`,
    }),
  }),

  'admin.ledger_discrepancy': staff('admin', {
    version: 1,
    needs: {},
    render: (facts) => ({
      title: 'Divergência na conciliação',
      body: `A conciliação encontrou ${facts.data.discrepancies!.length} divergência(s): ${facts.data.discrepancies!.join('; ')}.`,
      preview: 'A conciliação encontrou divergências no livro-razão.',
      link: '/livro-razao',
    }),
  }),
  'admin.transfer_failed': staff('admin', {
    version: 1,
    needs: {},
    render: (facts) => ({
      title: facts.data.kind === 'REFUND' ? 'Reembolso com falha' : 'Repasse com falha',
      body: `Uma transferência de ${formatBRL(facts.data.amountCentavos!)} (${facts.data.kind === 'REFUND' ? 'reembolso' : 'repasse'}) falhou no gateway.`,
      preview: 'Uma transferência falhou no gateway.',
      link: `/pagamentos/${facts.data.paymentId}`,
    }),
  }),
  'admin.webhook_failing': staff('admin', {
    version: 1,
    needs: { clinic: true },
    render: (facts) => ({
      title: 'Webhook de parceiro falhando',
      body: `As entregas para ${facts.data.endpointUrl} (${facts.clinicName}) falham há mais de uma hora.`,
      preview: 'Um webhook de parceiro falha há mais de uma hora.',
      link: '/clinicas',
    }),
  }),
  'admin.clinic_waiting_review': staff('admin', {
    version: 1,
    needs: { clinic: true },
    render: (facts) => ({
      title: 'Clínica aguardando análise',
      body: `${facts.clinicName} se cadastrou e aguarda a análise do back office.`,
      preview: 'Uma clínica aguarda análise.',
      link: '/clinicas',
    }),
  }),
} satisfies Record<string, Template>;

export type TemplateKind = keyof typeof templates;
export const templateOf = (kind: string): Template | null => (templates as Record<string, Template>)[kind] ?? null;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The e-mail of a rendered message: to the account's own address, so the full text; the CPF masked. */
export function emailOf(rendered: Rendered, facts: MessageFacts, appUrl: string, template?: Pick<Template, 'security' | 'needs'>) {
  const link = rendered.link ? new URL(rendered.link, appUrl).toString() : appUrl;
  const greeting = `Olá, ${firstName(facts.recipient)}!`;
  const identity = template?.needs.paymentLink
    ? 'Você recebe este e-mail porque a clínica informou este endereço para o pagamento.'
    : template?.needs.signUp
    ? 'Você recebe este e-mail porque este endereço foi informado em um cadastro na MedPay Saúde.'
    : facts.recipient.maskedCpf ? `Este aviso é da conta MedPay do CPF ${facts.recipient.maskedCpf}.` : 'Este aviso é da sua conta MedPay.';
  const footer = template?.security
    ? 'É um aviso de segurança: ele é enviado mesmo a quem escolheu não receber e-mails.'
    : 'Você recebe este e-mail porque ele é transacional. Escolha seus canais em Preferências de notificação.';
  return {
    subject: `MedPay Saúde: ${rendered.title}`,
    text: [greeting, '', rendered.body, '', `${rendered.linkLabel ?? 'Veja no app'}: ${link}`, '', identity, footer].join('\n'),
    html: `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(rendered.body)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(rendered.linkLabel ?? 'Ver no app')}</a></p><p style="color:#666;font-size:12px">${escapeHtml(identity)} ${escapeHtml(footer)}</p>`,
  };
}

/** WhatsApp template messages: the approved template per kind, its one body parameter the preview. */
export const whatsappTemplateOf = (kind: string, rendered: Rendered) => ({ name: `medpay_${kind.replace(/[^a-z0-9]+/g, '_')}`, parameters: [rendered.preview] });
