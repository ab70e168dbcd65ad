// The demo account: the ERP of "Sorriso Paulista" (the first demo clinic), whose services carry the
// ERP's own codes and names close to the clinic's MedPay catalog, a few patients (the demo patient Paula
// and others MedPay does not know yet) and upcoming appointments, days after the simulator's first start.
import { cpfFromBase, formatCpf } from '@medpay/br-documents';
import { demoClinics, demoPatients, demoNinSaude } from '@medpay/demo-data';
import { addMinutes, changeTime, emptyStats, localDateTime, nextId, type Account, type AppointmentStatus, type NinSaudeData } from './state.js';

const clinic = demoClinics[0]!;
const paula = demoPatients[0]!;

/** What the product's `npm start` connects the demo clinic with (development defaults, nothing secret). */
export const NINSAUDE_DEMO = {
  clinicId: clinic.id,
  clinicName: clinic.tradeName,
  /** NinSaúde's password grant: the login a clinic admin would type */
  login: { account: 'sorrisopaulista', username: 'integracao.medpay', password: 'Sorriso@NinSaude2026', accountUnit: 1 },
  /** a refresh token issued to the demo account at seed; single-use like any other (it rotates) */
  refreshToken: demoNinSaude.refreshToken,
} as const;

/** The ERP's services: [code, the ERP's name, duration] per MedPay catalog entry, in the catalog's order. */
const SERVICE_NAMES: Array<[string, number]> = [
  ['Clareamento Dental a Laser (2 sessões)', 90],
  ['Implante Dentário Unitário c/ Coroa', 120],
  ['Profilaxia e Limpeza', 45],
  ['Aparelho Autoligado - Instalação', 60],
  ['Endodontia Molar (Tratamento de Canal)', 90],
  ['Lente de Contato Dental - Unidade', 60],
];
const SERVICES: Array<[string, string, number]> = SERVICE_NAMES.map(([name, minutes], index) => [demoNinSaude.procedureCodes[index]!, name, minutes]);
/** A service the MedPay catalog does not have: its appointments stay unmapped. */
const UNMAPPED_SERVICE = { codigo: 'ODT-AVAL', descricao: 'Consulta de Avaliação Odontológica', valor: 150, duracaoMinutos: 30 };

export const DEMO_PATIENTS = [
  { nome: paula.name, cpf: paula.cpf!, email: paula.email, foneCelular: '(11) 98765-4321', dataNascimento: '1990-04-12' },
  { nome: 'Roberto Almeida', cpf: cpfFromBase('246813579'), email: 'roberto.almeida@example.com', foneCelular: '(11) 97654-3210', dataNascimento: '1978-09-30' },
  { nome: 'Luciana Ferreira', cpf: cpfFromBase('135792468'), email: 'luciana.ferreira@example.com', foneCelular: '(11) 96543-2109', dataNascimento: '1985-01-22' },
  { nome: 'Tiago Nascimento', cpf: cpfFromBase('314159265'), email: 'tiago.nascimento@example.com', foneCelular: '(11) 95432-1098', dataNascimento: '1996-07-03' },
];

/** [patient index, service code, days ahead, local time, professional index, status] */
const APPOINTMENTS: Array<[number, string, number, string, number, AppointmentStatus]> = [
  [0, 'ODT-CLAR', 3, '09:00', 0, 2],
  [1, 'ODT-IMPL', 5, '14:00', 1, 1],
  [2, 'ODT-PROF', 2, '10:30', 0, 1],
  [3, 'ODT-ENDO', 7, '08:00', 1, 1],
  [2, 'ODT-LENT', 12, '15:00', 0, 1],
  [0, 'ODT-AVAL', 10, '11:00', 1, 1],
];

const DAY_MS = 86_400_000;
const REFRESH_TOKEN_TTL_MS = 365 * DAY_MS;

export function emptyData(): NinSaudeData {
  return { version: 1, nextId: 1, accounts: {}, refreshTokens: {}, accessTokens: {}, revokedFamilies: [], stats: emptyStats() };
}

/** A new account with the demo services and patients (no appointments); the caller adds a user. */
export function createAccount(data: NinSaudeData, options: { account: string; name: string; users: Account['users'] }, now = Date.now()): Account {
  const account: Account = {
    account: options.account,
    unit: { id: 1, descricao: options.name, unidade: 'Matriz', cnpj: clinic.cnpj, cidade: clinic.city, uf: clinic.state },
    users: options.users,
    professionals: [
      { id: nextId(data), nome: 'Dra. Camila Rocha' },
      { id: nextId(data), nome: 'Dr. Marcos Tanaka' },
    ],
    services: [],
    patients: [],
    appointments: [],
    receivables: [],
    writeBacks: {},
    lastChangeAt: 0,
  };
  clinic.procedures.forEach((procedure, index) => {
    const [codigo, descricao, duracaoMinutos] = SERVICES[index]!;
    account.services.push({ id: nextId(data), codigo, descricao, valor: procedure.priceCentavos / 100, duracaoMinutos, ativo: 1 });
  });
  account.services.push({ id: nextId(data), ...UNMAPPED_SERVICE, ativo: 1 });
  for (const patient of DEMO_PATIENTS) {
    const at = changeTime(account, now);
    account.patients.push({ id: nextId(data), ...patient, cpf: formatCpf(patient.cpf), ativo: 1, dataCriacao: at, dataAlteracao: at });
  }
  data.accounts[account.account] = account;
  return account;
}

/** The demo account with its upcoming appointments and its seeded refresh token. */
export function seedDemo(data: NinSaudeData, now = Date.now()) {
  const account = createAccount(data, { account: NINSAUDE_DEMO.login.account, name: `Clínica ${clinic.tradeName}`, users: [{ username: NINSAUDE_DEMO.login.username, password: NINSAUDE_DEMO.login.password }] }, now);
  for (const [patientIndex, code, daysAhead, time, professionalIndex, status] of APPOINTMENTS) {
    const service = account.services.find((candidate) => candidate.codigo === code)!;
    const professional = account.professionals[professionalIndex]!;
    const { date } = localDateTime(new Date(now + daysAhead * DAY_MS));
    const at = changeTime(account, now);
    account.appointments.push({
      id: nextId(data),
      accountUnidade: account.unit.id,
      profissional: professional.id,
      profissionalNome: professional.nome,
      paciente: account.patients[patientIndex]!.id,
      servico: service.id,
      data: date,
      horaInicial: time,
      horaFinal: addMinutes(time, service.duracaoMinutos),
      status,
      observacao: null,
      dataCriacao: at,
      dataAlteracao: at,
    });
  }
  data.refreshTokens[NINSAUDE_DEMO.refreshToken] = { account: account.account, familyId: 'demo-seed', expiresAt: now + REFRESH_TOKEN_TTL_MS, successorUsed: false };
  return account;
}
