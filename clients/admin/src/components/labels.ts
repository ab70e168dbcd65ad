import type { AccountDeletionStatus, AccountDeletionStepStatus, DataAccessPurpose, MessageStatus, Role } from '@medpay/web/types';

export const roleLabel: Record<Role, string> = { PATIENT: 'Paciente', CLINIC_STAFF: 'Equipe de clínica', PLATFORM_ADMIN: 'Administração MedPay' };

export const messageStatusLabel: Record<MessageStatus, string> = {
  PENDING: 'Na fila',
  SENT: 'Enviada',
  DELIVERED: 'Entregue',
  FAILED: 'Falhou',
  CANCELED: 'Cancelada',
};

export const deletionStatusLabel: Record<AccountDeletionStatus, string> = { IN_PROGRESS: 'Em andamento', COMPLETED: 'Concluída' };

/** One service's part of an account deletion. */
export const deletionStepStatusLabel: Record<AccountDeletionStepStatus, string> = { PENDING: 'Pendente', DONE: 'Concluída' };

/** Why someone read a person's sensitive data (the access log). */
export const accessPurposeLabel: Record<DataAccessPurpose, string> = {
  CLINIC_SERVICE: 'Atendimento da clínica',
  CLINIC_INTEGRATION: 'Sistema da clínica (chave de API)',
  BACK_OFFICE_SUPPORT: 'Suporte MedPay',
  DISPUTE_DECISION: 'Decisão de disputa',
};

/** The fields the access log records, as people call them. */
export const accessFieldLabel: Record<string, string> = {
  'User.cpf': 'CPF completo',
  'User.cpfMasked': 'CPF (mascarado)',
  'User.name': 'Nome',
  'User.email': 'E-mail',
  'User.phone': 'Telefone',
  'Payment.procedure': 'Procedimento pago (dado de saúde)',
};
