import type { StaffRole, StatementEntryKind, TransferStatus } from '@medpay/web/types';

export { clinicStatusLabel } from '@medpay/web/format';
export const staffRoleLabel: Record<StaffRole, string> = { ADMIN: 'Administrador(a)', STAFF: 'Equipe' };
export const statementKindLabel: Record<StatementEntryKind, string> = {
  ESCROW_IN: 'Recebido em garantia',
  RELEASE: 'Liberação da garantia',
  PAYOUT: 'Repasse à clínica',
  PAYOUT_RETURNED: 'Repasse devolvido pelo banco',
  REFUND: 'Reembolso ao paciente',
  REFUND_RETURNED: 'Reembolso não concluído (valor de volta)',
  ADJUSTMENT: 'Ajuste',
};
export const transferStatusLabel: Record<TransferStatus, string> = { REQUESTED: 'Solicitado', PENDING: 'Em processamento', CONFIRMED: 'Concluído', FAILED: 'Falhou' };
