// How the apps write money, dates, rates and statuses: pt-BR, times in America/Sao_Paulo.
import { formatBRL, parseBRL } from '@medpay/money';
import type { AgreementStatus, ClinicStatus, CnpjStatus, CpfStatus, EscrowState, InstallmentStatus, PaymentLinkStatus, PaymentMethod, PaymentStatus, PlanKind, PracticeConnectionStatus, PracticeSystemKind, SignatureStatus } from './graphql/graphql';

/** Keeps a CPF's digits (at most 11) and writes them as 000.000.000-00 while typing. */
export function maskCpfInput(text: string): string {
  const digits = text.replace(/\D/g, '').slice(0, 11);
  return digits
    .replace(/^(\d{3})(\d)/, '$1.$2')
    .replace(/^(\d{3})\.(\d{3})(\d)/, '$1.$2.$3')
    .replace(/\.(\d{3})(\d{1,2})$/, '.$1-$2');
}

/** parseBRL reads an amount typed the Brazilian way ('1.234,56') into centavos, throwing otherwise. */
export { formatBRL, parseBRL };

const zone = 'America/Sao_Paulo';
const dateFormat = new Intl.DateTimeFormat('pt-BR', { timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('pt-BR', { timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** dd/mm/aaaa. A calendar date (YYYY-MM-DD, e.g. a due date) is written as is, never shifted by a time zone. */
export function formatDate(value: string): string {
  const calendar = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (calendar) return `${calendar[3]}/${calendar[2]}/${calendar[1]}`;
  return dateFormat.format(new Date(value));
}

/** dd/mm/aaaa hh:mm in São Paulo time. */
export function formatDateTime(value: string): string {
  return dateTimeFormat.format(new Date(value)).replace(',', ' às');
}

/** 0.3449 → '34,49 %' */
export function formatRate(rate: number, digits = 2): string {
  return `${(rate * 100).toLocaleString('pt-BR', { minimumFractionDigits: digits, maximumFractionDigits: digits })} %`;
}

export const paymentStatusLabel: Record<PaymentStatus, string> = {
  AWAITING_SIGNATURE: 'Aguardando assinatura',
  AWAITING_PAYMENT: 'Aguardando pagamento',
  PAID: 'Pago',
  IN_ESCROW: 'Pago — em garantia',
  RELEASED: 'Liberado à clínica',
  PAID_OUT: 'Repassado à clínica',
  EXPIRED: 'Expirado',
  CANCELED: 'Cancelado',
  DECLINED: 'Recusado',
  REFUNDED: 'Reembolsado',
  PARTIALLY_REFUNDED: 'Reembolsado em parte',
  DISPUTED: 'Em contestação',
  CHARGED_BACK: 'Chargeback (contestado no cartão)',
};

/** Statuses in which the patient's money has reached us: what "Pago" means to a patient. */
export const paidStatuses: ReadonlySet<PaymentStatus> = new Set(['PAID', 'IN_ESCROW', 'RELEASED', 'PAID_OUT']);

/** Statuses the payments subgraph accepts a refund in (crediário aside, refunded through MedPay's central). */
export const refundableStatuses: ReadonlySet<PaymentStatus> = new Set(['PAID', 'IN_ESCROW', 'DISPUTED', 'PARTIALLY_REFUNDED', 'RELEASED', 'PAID_OUT']);

export const escrowStateLabel: Record<EscrowState, string> = {
  NONE: 'Nada recebido',
  HELD: 'Em garantia',
  RELEASED: 'Liberado',
  PAID_OUT: 'Repassado',
  RETURNED: 'Devolvido ao paciente',
};

export const methodLabel: Record<PaymentMethod, string> = { PIX: 'PIX', BOLETO: 'Boleto', CARD: 'Cartão de crédito' };

export const planKindLabel: Record<PlanKind, string> = { A_VISTA: 'À vista', CARD_INSTALLMENTS: 'Cartão parcelado', CREDIARIO: 'Crediário MedPay' };

export const installmentStatusLabel: Record<InstallmentStatus, string> = {
  SCHEDULED: 'Agendada',
  ISSUED: 'Em aberto',
  PAID: 'Paga',
  OVERDUE: 'Vencida',
};

/** The services that each do their part of an account deletion (AccountDeletionStep.service), as people call them. */
export const deletionServiceLabel: Record<string, string> = {
  users: 'Cadastro e acesso',
  payments: 'Pagamentos (pseudonimizados)',
  providers: 'Clínicas',
  notifications: 'Notificações e aparelhos',
  analytics: 'Estatísticas',
  ai: 'Assistente e atendimentos',
};

export const clinicStatusLabel: Record<ClinicStatus, string> = {
  PENDING_REVIEW: 'Em análise',
  AWAITING_AGREEMENT: 'Aguardando contrato',
  ACTIVE: 'Ativa',
  SUSPENDED: 'Suspensa',
  REJECTED: 'Recusada',
};
/** A crediário contract's signature at ClickSign, as the patient reads it. */
export const signatureStatusLabel: Record<SignatureStatus, string> = {
  PENDING: 'Preparando o contrato',
  SENT: 'Aguardando sua assinatura',
  SIGNED: 'Assinado',
  REFUSED: 'Recusado',
  EXPIRED: 'Prazo de assinatura encerrado',
  CANCELED: 'Assinatura cancelada',
};

/** The clinic's service agreement with MedPay. */
export const agreementStatusLabel: Record<AgreementStatus, string> = {
  PENDING: 'Preparando o contrato',
  SENT: 'Enviado para assinatura',
  SIGNED: 'Assinado',
  REFUSED: 'Recusado',
  EXPIRED: 'Expirado sem assinatura',
  CANCELED: 'Cancelado',
};

/** A CNPJ's situação cadastral, as the Receita Federal writes it. */
export const cnpjStatusLabel: Record<CnpjStatus, string> = { ATIVA: 'Ativa', SUSPENSA: 'Suspensa', INAPTA: 'Inapta', BAIXADA: 'Baixada', NULA: 'Nula' };

/** A CPF's situação cadastral at the Receita Federal. */
export const cpfStatusLabel: Record<CpfStatus, string> = {
  UNVERIFIED: 'Em verificação',
  REGULAR: 'Regular',
  PENDENTE_DE_REGULARIZACAO: 'Pendente de regularização',
  SUSPENSA: 'Suspensa',
  CANCELADA: 'Cancelada',
  TITULAR_FALECIDO: 'Titular falecido',
  NULA: 'Nula',
};

export const paymentLinkStatusLabel: Record<PaymentLinkStatus, string> = { ACTIVE: 'Ativo', USED: 'Pago', CANCELED: 'Cancelado', EXPIRED: 'Expirado' };

export const practiceSystemLabel: Record<PracticeSystemKind, string> = { HELENA: 'Helena', NINSAUDE: 'NinSaúde' };

export const practiceConnectionStatusLabel: Record<PracticeConnectionStatus, string> = { ACTIVE: 'Conectado', FAILED: 'Falhou: conecte de novo', DISCONNECTED: 'Desconectado' };

// Calendar days in São Paulo for the period pickers (YYYY-MM-DD, as the graph takes them).
export const todayInSaoPaulo = (now = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(now);
export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
export const startOfMonth = (day: string) => `${day.slice(0, 8)}01`;
