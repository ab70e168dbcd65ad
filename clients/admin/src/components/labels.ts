import type { AccountDeletionStatus, AccountDeletionStepStatus, DataAccessPurpose, FraudDecision, MessageStatus, Role } from '@medpay/web/types';

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

export const fraudDecisionLabel: Record<FraudDecision, string> = { APPROVE: 'Aprovado', REVIEW: 'Em análise', DECLINE: 'Recusado' };

/** The anti-fraud model's inputs, as the back office reads them. */
export const fraudFeatureLabel: Record<string, string> = {
  accountAgeDays: 'Idade da conta (dias)',
  deviceAgeDays: 'Uso deste dispositivo na conta (dias)',
  failedLogins1h: 'Logins sem sucesso na última hora',
  cpfPayments1h: 'Pagamentos do CPF na última hora',
  cpfPayments24h: 'Pagamentos do CPF em 24 h',
  cpfPayments7d: 'Pagamentos do CPF em 7 dias',
  cpfDeclines24h: 'Recusas do CPF em 24 h',
  devicePayments1h: 'Pagamentos do dispositivo na última hora',
  deviceDeclines1h: 'Recusas do dispositivo na última hora',
  deviceDeclines24h: 'Recusas do dispositivo em 24 h',
  deviceAccounts24h: 'Contas no dispositivo em 24 h',
  ipPayments1h: 'Pagamentos do IP na última hora',
  ipDeclines24h: 'Recusas do IP em 24 h',
  cardPayments24h: 'Tentativas com o cartão em 24 h',
  cardDeclines1h: 'Recusas do cartão na última hora',
  cardAccounts7d: 'Contas com o cartão em 7 dias',
  cardBinCountryMismatch: 'Cartão emitido fora do Brasil',
  amountCentavos: 'Valor (centavos)',
  amountToClinicNorm: 'Valor ÷ ticket habitual da clínica',
  amountToCategoryNorm: 'Valor ÷ ticket habitual da categoria',
  clinicAgeDays: 'Idade da clínica na plataforma (dias)',
  clinicDisputeRate: 'Taxa de contestações da clínica',
  cpfPaymentsSameClinic30d: 'Pagamentos do CPF à clínica em 30 dias',
  accountRefunds90d: 'Reembolsos da conta em 90 dias',
  patientClinicDistanceKm: 'Distância paciente–clínica (km)',
  methodPix: 'PIX',
  methodBoleto: 'Boleto',
  methodCard: 'Cartão',
  methodCrediario: 'Crediário',
};
