import type { StaffRole, StatementEntryKind, TransferStatus, WebhookDeliveryStatus } from '@medpay/web/types';

export { clinicStatusLabel } from '@medpay/web/format';
export const staffRoleLabel: Record<StaffRole, string> = { ADMIN: 'Administrador(a)', STAFF: 'Equipe' };
export const statementKindLabel: Record<StatementEntryKind, string> = {
  ESCROW_IN: 'Recebido em garantia',
  RELEASE: 'Liberação da garantia',
  PAYOUT: 'Repasse à clínica',
  PAYOUT_RETURNED: 'Repasse devolvido pelo banco',
  REFUND: 'Reembolso ao paciente',
  REFUND_RETURNED: 'Reembolso não concluído (valor de volta)',
  CHARGEBACK: 'Chargeback (devolvido pelo banco do cartão)',
  ADJUSTMENT: 'Ajuste',
};
export const transferStatusLabel: Record<TransferStatus, string> = { REQUESTED: 'Solicitado', PENDING: 'Em processamento', CONFIRMED: 'Concluído', FAILED: 'Falhou' };

/** A webhook delivery's state, as the clinic's integrator reads it. */
export const webhookDeliveryStatusLabel: Record<WebhookDeliveryStatus, string> = { PENDING: 'Pendente', SUCCEEDED: 'Entregue', FAILED: 'Falhou' };

/** What each webhook event type means; a type not listed here is shown by its name alone. */
export const webhookEventLabel: Record<string, string> = {
  'payment.created': 'Pagamento criado (checkout)',
  'payment.status_changed': 'Mudança de status de um pagamento',
  'charge.issued': 'Cobrança emitida (PIX ou boleto)',
  'installment.paid': 'Parcela do crediário paga',
  'installment.overdue': 'Parcela do crediário vencida',
  'transfer.failed': 'Repasse ou reembolso recusado pelo banco',
};

/** HTTP answers of a delivery's attempts, oldest first: '500, sem resposta, 200'. */
export const responseCodesText = (codes: readonly number[]) => (codes.length ? codes.map((code) => (code === 0 ? 'sem resposta' : String(code))).join(', ') : '—');
