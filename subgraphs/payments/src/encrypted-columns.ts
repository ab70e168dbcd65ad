// The columns payments encrypts at rest: after a data key rotation the re-encryption job rewrites them.
import type { EncryptedColumns } from '@medpay/runtime';

export const encryptedColumns: EncryptedColumns[] = [
  { table: 'payments', id: 'id', columns: ['procedure_name_encrypted', 'contract_acceptance_encrypted'] },
  { table: 'contract_signatures', id: 'payment_id', columns: ['signing_url_encrypted'] },
  { table: 'payment_links', id: 'id', columns: ['patient_encrypted'] },
];
