// The columns users encrypts at rest: after a data key rotation the re-encryption job rewrites them.
import type { EncryptedColumns } from '@medpay/runtime';

export const encryptedColumns: EncryptedColumns[] = [
  { table: 'users', id: 'id', columns: ['cpf_encrypted'] },
  { table: 'sign_ups', id: 'id', columns: ['cpf_encrypted'] },
];
