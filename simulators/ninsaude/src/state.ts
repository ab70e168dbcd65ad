// What the simulated NinSaúde holds: accounts (one unit each) with their services, patients,
// appointments and contas a receber, and the OAuth2 tokens issued for them. Plain JSON, so the whole of
// it is saved after each change and read back at start (persistedState).

/** 1 agendado, 2 confirmado, 3 atendido, 4 cancelado, 5 faltou */
export type AppointmentStatus = 1 | 2 | 3 | 4 | 5;
export const STATUS_DESCRIPTION: Record<AppointmentStatus, string> = { 1: 'Agendado', 2: 'Confirmado', 3: 'Atendido', 4: 'Cancelado', 5: 'Faltou' };

export interface Service {
  id: number;
  codigo: string;
  descricao: string;
  /** reais */
  valor: number;
  duracaoMinutos: number;
  ativo: 0 | 1;
}

export interface Patient {
  id: number;
  nome: string;
  /** as NinSaúde shows it: 000.000.000-00 */
  cpf: string | null;
  email: string | null;
  /** (11) 98765-4321 */
  foneCelular: string | null;
  dataNascimento: string | null;
  ativo: 0 | 1;
  dataCriacao: string;
  dataAlteracao: string;
}

export interface Professional {
  id: number;
  nome: string;
}

export interface Appointment {
  id: number;
  accountUnidade: number;
  profissional: number;
  profissionalNome: string;
  paciente: number;
  servico: number | null;
  /** the clinic's local date and times (UTC−3) */
  data: string;
  horaInicial: string;
  horaFinal: string;
  status: AppointmentStatus;
  observacao: string | null;
  dataCriacao: string;
  dataAlteracao: string;
}

export type ReceivableSituation = 'RECEBIDO' | 'REPASSADO' | 'ESTORNADO';

export interface ReceivableMovement {
  idExterno: string;
  situacao: ReceivableSituation;
  valor: number;
  dataMovimento: string;
  descricao: string | null;
  formaPagamento: string | null;
  urlComprovante: string | null;
  registradoEm: string;
}

/** The appointment's conta a receber: one per appointment, its history one movement per external id. */
export interface Receivable {
  id: number;
  agendamento: number;
  paciente: number;
  /** the external id of the movement that created it */
  idExterno: string;
  situacao: ReceivableSituation;
  valor: number;
  descricao: string | null;
  formaPagamento: string | null;
  urlComprovante: string | null;
  dataCriacao: string;
  dataAlteracao: string;
  movimentos: ReceivableMovement[];
}

export interface Account {
  /** the account's login name (conta), e.g. sorrisopaulista */
  account: string;
  unit: { id: number; descricao: string; unidade: string; cnpj: string; cidade: string; uf: string };
  users: Array<{ username: string; password: string }>;
  professionals: Professional[];
  services: Service[];
  patients: Patient[];
  appointments: Appointment[];
  receivables: Receivable[];
  /** every conta a receber write received, per appointment and external id, retries included */
  writeBacks: Record<string, Record<string, number>>;
  /** the last change time handed out (ms), so that change times strictly increase */
  lastChangeAt: number;
}

export interface RefreshTokenRecord {
  account: string;
  familyId: string;
  expiresAt: number;
  /** the refresh token exchanged for this one */
  parent?: string;
  /** what this token was exchanged for; replayed to a retry until the successor is used */
  successor?: { refreshToken: string; accessToken: string; rotatedAt: number };
  successorUsed: boolean;
}

export interface AccessTokenRecord {
  account: string;
  familyId: string;
  expiresAt: number;
  /** the refresh token exchanged for it, if any: its use retires that one */
  parent?: string;
}

export interface Stats {
  passwordGrants: number;
  refreshGrants: number;
  /** a retried refresh (lost response) answered with the same new tokens */
  refreshReplays: number;
  /** an old refresh token used again: the whole family was revoked */
  reuseDetections: number;
  refusedTokenRequests: number;
  throttled: number;
}

export interface NinSaudeData {
  version: 1;
  nextId: number;
  accounts: Record<string, Account>;
  refreshTokens: Record<string, RefreshTokenRecord>;
  accessTokens: Record<string, AccessTokenRecord>;
  revokedFamilies: string[];
  stats: Stats;
}

export const emptyStats = (): Stats => ({ passwordGrants: 0, refreshGrants: 0, refreshReplays: 0, reuseDetections: 0, refusedTokenRequests: 0, throttled: 0 });

export function isNinSaudeData(value: unknown): value is NinSaudeData {
  return typeof value === 'object' && value !== null && (value as { version?: unknown }).version === 1 && typeof (value as { accounts?: unknown }).accounts === 'object';
}

export function nextId(data: NinSaudeData): number {
  return data.nextId++;
}

/** A change time after every earlier one of the account (ISO), as NinSaúde's dataAlteracao. */
export function changeTime(account: Account, now = Date.now()): string {
  account.lastChangeAt = Math.max(now, account.lastChangeAt + 1);
  return new Date(account.lastChangeAt).toISOString();
}

const CLINIC_OFFSET_MS = -3 * 3_600_000;

/** The clinic's local date and time (UTC−3) of an instant. */
export function localDateTime(at: Date): { date: string; time: string } {
  const local = new Date(at.getTime() + CLINIC_OFFSET_MS).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

export function addMinutes(time: string, minutes: number): string {
  const [hours, mins] = time.split(':').map(Number) as [number, number];
  const total = (hours * 60 + mins + minutes) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
