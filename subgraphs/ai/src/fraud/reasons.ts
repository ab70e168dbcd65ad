// The one table of anti-fraud reason codes: stable codes for payments, back office and logs, with
// the pt-BR text shown to people. Model explanations and hard rules both speak these codes.
import { reasonLookup, type CodedReason } from '../forest.js';
import type { FeatureName } from './features.js';

export const reasonTexts = {
  VELOCITY_CPF_24H: 'Muitas tentativas de pagamento com o mesmo CPF nas últimas 24 horas.',
  MANY_DECLINES_DEVICE: 'Muitas recusas de pagamento no mesmo dispositivo em pouco tempo.',
  VELOCITY_IP: 'Muitas tentativas de pagamento a partir do mesmo endereço IP.',
  CARD_DECLINES_FINGERPRINT: 'O mesmo cartão foi recusado várias vezes em pouco tempo.',
  CARD_SHARED_ACCOUNTS: 'O mesmo cartão foi usado por várias contas diferentes.',
  DEVICE_MANY_ACCOUNTS: 'Várias contas diferentes pagaram pelo mesmo dispositivo.',
  CARD_BIN_COUNTRY_MISMATCH: 'O cartão foi emitido fora do Brasil, diferente do país do paciente.',
  NEW_ACCOUNT: 'Conta criada há pouco tempo.',
  NEW_ACCOUNT_HIGH_TICKET: 'Conta criada há pouco tempo com um valor muito acima do habitual.',
  NEW_DEVICE: 'Primeiro uso deste dispositivo nesta conta.',
  FAILED_LOGINS_BEFORE_CHECKOUT: 'Várias tentativas de login sem sucesso antes do pagamento.',
  TICKET_FAR_ABOVE_CLINIC_NORM: 'Valor muito acima do ticket habitual da clínica para este tipo de procedimento.',
  TICKET_ABOVE_CATEGORY_NORM: 'Valor acima do habitual da plataforma para este tipo de procedimento.',
  HIGH_TICKET: 'Valor alto para um pagamento.',
  NEW_CLINIC: 'Clínica cadastrada há pouco tempo na plataforma.',
  CLINIC_HIGH_DISPUTE_RATE: 'Clínica com taxa de contestações acima do normal.',
  REPEAT_PAYMENTS_SAME_CLINIC: 'Muitos pagamentos do mesmo paciente para a mesma clínica em poucos dias.',
  REFUND_HISTORY: 'Histórico recente de vários estornos nesta conta.',
  DISTANT_CLINIC: 'A clínica fica muito longe da cidade do paciente.',
  PAYMENT_METHOD_RISK: 'Forma de pagamento com risco maior nesta combinação.',
} as const;

export type ReasonCode = keyof typeof reasonTexts;

export type Reason = CodedReason<ReasonCode>;

export const reason = reasonLookup(reasonTexts);

/** Which reason a feature's contribution to the fraud score speaks for; several features can share one. */
export const featureReasons: Record<FeatureName, ReasonCode> = {
  accountAgeDays: 'NEW_ACCOUNT',
  deviceAgeDays: 'NEW_DEVICE',
  failedLogins1h: 'FAILED_LOGINS_BEFORE_CHECKOUT',
  cpfPayments1h: 'VELOCITY_CPF_24H',
  cpfPayments24h: 'VELOCITY_CPF_24H',
  cpfPayments7d: 'VELOCITY_CPF_24H',
  cpfDeclines24h: 'VELOCITY_CPF_24H',
  devicePayments1h: 'MANY_DECLINES_DEVICE',
  deviceDeclines1h: 'MANY_DECLINES_DEVICE',
  deviceDeclines24h: 'MANY_DECLINES_DEVICE',
  deviceAccounts24h: 'DEVICE_MANY_ACCOUNTS',
  ipPayments1h: 'VELOCITY_IP',
  ipDeclines24h: 'VELOCITY_IP',
  cardPayments24h: 'CARD_DECLINES_FINGERPRINT',
  cardDeclines1h: 'CARD_DECLINES_FINGERPRINT',
  cardAccounts7d: 'CARD_SHARED_ACCOUNTS',
  cardBinCountryMismatch: 'CARD_BIN_COUNTRY_MISMATCH',
  amountCentavos: 'HIGH_TICKET',
  amountToClinicNorm: 'TICKET_FAR_ABOVE_CLINIC_NORM',
  amountToCategoryNorm: 'TICKET_ABOVE_CATEGORY_NORM',
  clinicAgeDays: 'NEW_CLINIC',
  clinicDisputeRate: 'CLINIC_HIGH_DISPUTE_RATE',
  cpfPaymentsSameClinic30d: 'REPEAT_PAYMENTS_SAME_CLINIC',
  accountRefunds90d: 'REFUND_HISTORY',
  patientClinicDistanceKm: 'DISTANT_CLINIC',
  methodPix: 'PAYMENT_METHOD_RISK',
  methodBoleto: 'PAYMENT_METHOD_RISK',
  methodCard: 'PAYMENT_METHOD_RISK',
  methodCrediario: 'PAYMENT_METHOD_RISK',
};
