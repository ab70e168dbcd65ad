import type { Role } from '@medpay/web/types';

export const roleLabel: Record<Role, string> = { PATIENT: 'Paciente', CLINIC_STAFF: 'Equipe de clínica', PLATFORM_ADMIN: 'Administração MedPay' };
