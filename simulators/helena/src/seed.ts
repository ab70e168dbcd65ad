// The demo account: the Helena CRM of "Olhos Carioca" (the second demo clinic), whose services carry
// Helena's own codes and names close to the clinic's MedPay catalog, a few contacts (the demo patient
// Paula and others MedPay does not know yet) and upcoming appointments, days after the first start.
import { randomUUID } from 'node:crypto';
import { cpfFromBase } from '@medpay/br-documents';
import { demoClinics, demoPatients } from '@medpay/demo-data';
import type { Account, AppointmentStatus, HelenaData } from './state.js';

const clinic = demoClinics[1]!;
const paula = demoPatients[0]!;

/** What the product's `npm start` connects the demo clinic with (development defaults, nothing secret). */
export const HELENA_DEMO = {
  clinicId: clinic.id,
  clinicName: clinic.tradeName,
  accountId: '5f0c2d1e-0b7a-4c3e-9a51-3d2f6b8e4a10',
  apiToken: 'hl_demo_olhos_carioca_7f3a9c21',
} as const;

/** Helena's services: [code, Helena's name, duration] per MedPay catalog entry, in the catalog's order. */
const SERVICES: Array<[string, string, number]> = [
  ['LASIK', 'Cirurgia Refrativa LASIK - Ambos os Olhos', 60],
  ['FACO-LIO', 'Cirurgia de Catarata (Facoemulsificação + LIO)', 45],
  ['CONS-OFT', 'Consulta Oftalmológica Completa', 40],
  ['CXL', 'Crosslinking de Córnea', 60],
  ['SLT', 'Trabeculoplastia Seletiva a Laser (SLT)', 30],
];
/** A service the MedPay catalog does not have: its appointments stay unmapped. */
const UNMAPPED_SERVICE = { code: 'MAPA-RET', name: 'Mapeamento de Retina', price: 250, durationMinutes: 20 };

export const DEMO_CONTACTS = [
  { name: paula.name, document: paula.cpf!, email: paula.email, phoneNumber: paula.phone!, birthDate: '1990-04-12' },
  { name: 'Carlos Eduardo Lima', document: cpfFromBase('271828182'), email: 'carlos.lima@example.com', phoneNumber: '+5521987651234', birthDate: '1961-11-05' },
  { name: 'Fernanda Souza', document: cpfFromBase('161803398'), email: 'fernanda.souza@example.com', phoneNumber: '+5521976542345', birthDate: '1988-03-17' },
  { name: 'Ricardo Gomes', document: cpfFromBase('141421356'), email: 'ricardo.gomes@example.com', phoneNumber: '+5521965433456', birthDate: '1994-08-29' },
];

/** [contact index, service code, days ahead, local time, professional index, status] */
const APPOINTMENTS: Array<[number, string, number, string, number, AppointmentStatus]> = [
  [0, 'LASIK', 4, '08:30', 0, 'confirmed'],
  [1, 'FACO-LIO', 6, '13:00', 0, 'scheduled'],
  [2, 'CONS-OFT', 1, '16:00', 1, 'scheduled'],
  [3, 'CXL', 9, '10:00', 1, 'scheduled'],
  [2, 'SLT', 14, '09:30', 0, 'scheduled'],
  [0, 'MAPA-RET', 8, '11:00', 1, 'scheduled'],
];

const DAY_MS = 86_400_000;

/** The instant of a local time (UTC−3, Rio de Janeiro) `daysAhead` days after `now`. */
export function localInstant(now: number, daysAhead: number, time: string): Date {
  const day = new Date(now + daysAhead * DAY_MS - 3 * 3_600_000).toISOString().slice(0, 10);
  return new Date(`${day}T${time}:00-03:00`);
}

/** A new account with the demo services and contacts (no appointments). */
export function createAccount(data: HelenaData, options: { id?: string; name: string; apiToken: string }, now = Date.now()): Account {
  const at = new Date(now).toISOString();
  const account: Account = {
    id: options.id ?? randomUUID(),
    name: options.name,
    document: clinic.cnpj,
    timezone: 'America/Sao_Paulo',
    apiTokens: [options.apiToken],
    services: [],
    contacts: DEMO_CONTACTS.map((contact) => ({ id: randomUUID(), ...contact, createdAt: at, updatedAt: at })),
    professionals: [
      { id: randomUUID(), name: 'Dr. André Vasconcelos' },
      { id: randomUUID(), name: 'Dra. Juliana Pires' },
    ],
    appointments: [],
    sequence: 0,
    payments: {},
    writeBacks: {},
  };
  clinic.procedures.forEach((procedure, index) => {
    const entry = SERVICES[index];
    if (entry) account.services.push({ id: randomUUID(), code: entry[0], name: entry[1], price: procedure.priceCentavos / 100, durationMinutes: entry[2], active: true });
  });
  account.services.push({ id: randomUUID(), ...UNMAPPED_SERVICE, active: true });
  data.accounts[account.id] = account;
  return account;
}

/** The demo account with its upcoming appointments. */
export function seedDemo(data: HelenaData, now = Date.now()) {
  const account = createAccount(data, { id: HELENA_DEMO.accountId, name: clinic.legalName, apiToken: HELENA_DEMO.apiToken }, now);
  const at = new Date(now).toISOString();
  for (const [contactIndex, code, daysAhead, time, professionalIndex, status] of APPOINTMENTS) {
    const service = account.services.find((candidate) => candidate.code === code)!;
    const startAt = localInstant(now, daysAhead, time);
    account.sequence += 1;
    account.appointments.push({
      id: randomUUID(),
      status,
      startAt: startAt.toISOString(),
      endAt: new Date(startAt.getTime() + service.durationMinutes * 60_000).toISOString(),
      serviceId: service.id,
      professionalId: account.professionals[professionalIndex]!.id,
      contactId: account.contacts[contactIndex]!.id,
      payment: null,
      notes: [],
      createdAt: at,
      updatedAt: at,
      sequence: account.sequence,
    });
  }
  return account;
}
