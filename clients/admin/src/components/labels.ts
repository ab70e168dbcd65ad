import type { MessageStatus, Role } from '@medpay/web/types';

export const roleLabel: Record<Role, string> = { PATIENT: 'Paciente', CLINIC_STAFF: 'Equipe de clínica', PLATFORM_ADMIN: 'Administração MedPay' };

export const messageStatusLabel: Record<MessageStatus, string> = {
  PENDING: 'Na fila',
  SENT: 'Enviada',
  DELIVERED: 'Entregue',
  FAILED: 'Falhou',
  CANCELED: 'Cancelada',
};
