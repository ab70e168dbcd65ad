// The columns notifications encrypts at rest: after a data key rotation the re-encryption job rewrites them.
import type { EncryptedColumns } from '@medpay/runtime';

export const encryptedColumns: EncryptedColumns[] = [
  { table: 'notifications', id: 'id', columns: ['title_encrypted', 'body_encrypted'] },
  { table: 'messages', id: 'id', columns: ['data_encrypted'] },
  { table: 'webhook_endpoints', id: 'id', columns: ['secret_encrypted', 'previous_secret_encrypted'] },
];
