// Where "Meus dados" leaves the deletion's answer for /conta-excluida: the session has ended by then,
// so the page shows what the request said rather than asking the API.
export const DELETION_KEY = 'medpay:account-deletion';

export interface DeletionSummary {
  status: 'IN_PROGRESS' | 'COMPLETED';
  requestedAt: string;
  steps: { service: string; status: 'PENDING' | 'DONE' }[];
}
