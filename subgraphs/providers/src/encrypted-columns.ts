// The columns providers encrypts at rest: after a data key rotation the re-encryption job rewrites them.
import type { EncryptedColumns } from '@medpay/runtime';

export const encryptedColumns: EncryptedColumns[] = [
  { table: 'practice_connections', id: 'id', columns: ['credentials_encrypted'] },
  { table: 'practice_appointments', id: 'id', columns: ['patient_encrypted'] },
];
