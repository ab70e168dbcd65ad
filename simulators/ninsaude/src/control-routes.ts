// Test controls under /_sim (no auth, no faults, no rate limit): what the clinic's staff would do in the
// ERP (create, move, cancel an appointment), extra accounts for isolated tests, token expiry, faults,
// the rate limit, the write-backs per appointment, the whole state, and a reset to the demo seed.
import { randomUUID } from 'node:crypto';
import { isValidCpf, formatCpf } from '@medpay/br-documents';
import { faultRoutes, json, noFaults, parseJson, SimError, type Route } from '@medpay/simulation';
import { z } from 'zod';
import { appointmentView, notFound } from './api-routes.js';
import type { NinSaudeContext } from './context.js';
import { createAccount, emptyData, NINSAUDE_DEMO, seedDemo } from './seed.js';
import { addMinutes, changeTime, localDateTime, nextId, type Account, type AppointmentStatus, type Patient } from './state.js';

const status = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);

const patientInput = z.object({
  name: z.string().min(1),
  cpf: z.string().refine(isValidCpf, 'CPF inválido').optional(),
  email: z.email().optional(),
  /** as NinSaúde shows it, e.g. (11) 98765-4321 */
  phone: z.string().optional(),
  birthDate: z.iso.date().optional(),
});

const createAppointment = z
  .object({
    account: z.string().default(NINSAUDE_DEMO.login.account),
    patientId: z.number().int().optional(),
    patient: patientInput.optional(),
    procedureCode: z.string().min(1).nullable(),
    /** default: one day from now */
    startsAt: z.iso.datetime({ offset: true }).optional(),
    professionalId: z.number().int().optional(),
    status: status.default(1),
  })
  .refine((body) => body.patientId !== undefined || body.patient !== undefined, 'patientId or patient is required');

const updateAppointment = z.object({
  startsAt: z.iso.datetime({ offset: true }).optional(),
  procedureCode: z.string().min(1).nullable().optional(),
  status: status.optional(),
  patient: patientInput.partial().optional(),
});

const rateLimitInput = z.object({ requests: z.number().int().min(1), windowMs: z.number().int().min(100) });

export function controlRoutes(context: NinSaudeContext, apiCalls: () => number): Route[] {
  const { data } = context;

  const accountNamed = (name: string): Account => {
    const account = data.accounts[name];
    if (!account) throw notFound(`Conta ${name}`);
    return account;
  };

  const locate = (id: string) => {
    for (const account of Object.values(data.accounts)) {
      const appointment = account.appointments.find((candidate) => String(candidate.id) === id);
      if (appointment) return { account, appointment };
    }
    throw notFound(`Agendamento ${id}`);
  };

  const serviceId = (account: Account, code: string | null) => {
    if (code === null) return null;
    const service = account.services.find((candidate) => candidate.codigo === code);
    if (!service) throw new SimError(422, 'SERVICO_INEXISTENTE', `Serviço ${code} não existe nesta conta`);
    return service.id;
  };

  const patientFor = (account: Account, input: z.infer<typeof patientInput>): Patient => {
    const cpf = input.cpf ? formatCpf(input.cpf.replace(/\D/g, '')) : null;
    const known = cpf ? account.patients.find((patient) => patient.cpf === cpf) : undefined;
    if (known) return known;
    const at = changeTime(account, context.now());
    const patient: Patient = { id: nextId(data), nome: input.name, cpf, email: input.email ?? null, foneCelular: input.phone ?? null, dataNascimento: input.birthDate ?? null, ativo: 1, dataCriacao: at, dataAlteracao: at };
    account.patients.push(patient);
    return patient;
  };

  const describe = (account: Account, id: number) => {
    const appointment = account.appointments.find((candidate) => candidate.id === id)!;
    return {
      account: account.account,
      appointment: appointmentView(appointment),
      patient: account.patients.find((patient) => patient.id === appointment.paciente) ?? null,
      receivable: account.receivables.find((receivable) => receivable.agendamento === id) ?? null,
      writeBacks: Object.entries(account.writeBacks[id] ?? {}).map(([reference, times]) => ({ reference, times })),
    };
  };

  return [
    { method: 'GET', pattern: '/_sim/health', handler: () => json(200, { status: 'ok' }) },
    {
      method: 'POST',
      pattern: '/_sim/accounts',
      handler: (request) => {
        const body = parseJson(z.object({ name: z.string().min(1).default('Clínica de Testes') }), request);
        const login = { account: `conta-${randomUUID().slice(0, 8)}`, username: 'integracao', password: randomUUID(), accountUnit: 1 };
        createAccount(data, { account: login.account, name: body.name, users: [{ username: login.username, password: login.password }] }, context.now());
        return json(201, { account: login.account, login });
      },
    },
    {
      method: 'POST',
      pattern: '/_sim/appointments',
      handler: (request) => {
        const body = parseJson(createAppointment, request);
        const account = accountNamed(body.account);
        const patient = body.patientId !== undefined ? account.patients.find((candidate) => candidate.id === body.patientId) : patientFor(account, body.patient!);
        if (!patient) throw notFound(`Paciente ${body.patientId}`);
        const professional = body.professionalId !== undefined ? account.professionals.find((candidate) => candidate.id === body.professionalId) : account.professionals[0];
        if (!professional) throw notFound(`Profissional ${body.professionalId}`);
        const servico = serviceId(account, body.procedureCode);
        const { date, time } = localDateTime(body.startsAt ? new Date(body.startsAt) : new Date(context.now() + 86_400_000));
        const duration = account.services.find((service) => service.id === servico)?.duracaoMinutos ?? 30;
        const at = changeTime(account, context.now());
        const id = nextId(data);
        account.appointments.push({
          id, accountUnidade: account.unit.id, profissional: professional.id, profissionalNome: professional.nome, paciente: patient.id, servico,
          data: date, horaInicial: time, horaFinal: addMinutes(time, duration), status: body.status as AppointmentStatus, observacao: null, dataCriacao: at, dataAlteracao: at,
        });
        return json(201, describe(account, id));
      },
    },
    { method: 'GET', pattern: '/_sim/appointments/:id', handler: (request) => {
      const { account, appointment } = locate(request.params.id!);
      return json(200, describe(account, appointment.id));
    } },
    {
      method: 'PATCH',
      pattern: '/_sim/appointments/:id',
      handler: (request) => {
        const body = parseJson(updateAppointment, request);
        const { account, appointment } = locate(request.params.id!);
        if (body.startsAt) {
          const { date, time } = localDateTime(new Date(body.startsAt));
          const duration = account.services.find((service) => service.id === appointment.servico)?.duracaoMinutos ?? 30;
          Object.assign(appointment, { data: date, horaInicial: time, horaFinal: addMinutes(time, duration) });
        }
        if (body.procedureCode !== undefined) appointment.servico = serviceId(account, body.procedureCode);
        if (body.status) appointment.status = body.status as AppointmentStatus;
        if (body.patient) {
          const patient = account.patients.find((candidate) => candidate.id === appointment.paciente)!;
          const { name, cpf, email, phone, birthDate } = body.patient;
          Object.assign(patient, { ...(name ? { nome: name } : {}), ...(cpf ? { cpf: formatCpf(cpf.replace(/\D/g, '')) } : {}), ...(email ? { email } : {}), ...(phone ? { foneCelular: phone } : {}), ...(birthDate ? { dataNascimento: birthDate } : {}) });
          patient.dataAlteracao = changeTime(account, context.now());
        }
        appointment.dataAlteracao = changeTime(account, context.now());
        return json(200, describe(account, appointment.id));
      },
    },
    {
      method: 'POST',
      pattern: '/_sim/appointments/:id/cancel',
      handler: (request) => {
        const { account, appointment } = locate(request.params.id!);
        appointment.status = 4;
        appointment.dataAlteracao = changeTime(account, context.now());
        return json(200, describe(account, appointment.id));
      },
    },
    {
      // Every access token (of one account, or all) expires now: the next API call is refused with 401.
      method: 'POST',
      pattern: '/_sim/tokens/expire',
      handler: (request) => {
        const body = parseJson(z.object({ account: z.string().optional() }), request);
        let expired = 0;
        for (const record of Object.values(data.accessTokens)) {
          if (body.account && record.account !== body.account) continue;
          if (record.expiresAt > context.now()) expired += 1;
          record.expiresAt = Math.min(record.expiresAt, context.now());
        }
        return json(200, { expired });
      },
    },
    { method: 'GET', pattern: '/_sim/rate-limit', handler: () => json(200, context.rateLimiter.settings) },
    {
      method: 'POST',
      pattern: '/_sim/rate-limit',
      handler: (request) => {
        context.rateLimiter.update(parseJson(rateLimitInput, request));
        return json(200, context.rateLimiter.settings);
      },
    },
    ...faultRoutes(context.faults),
    {
      method: 'GET',
      pattern: '/_sim/state',
      handler: () =>
        json(200, {
          stats: { ...data.stats, apiCalls: apiCalls() },
          rateLimit: context.rateLimiter.settings,
          tokens: { refreshTokens: Object.keys(data.refreshTokens).length, accessTokens: Object.keys(data.accessTokens).length, revokedFamilies: data.revokedFamilies.length },
          accounts: Object.values(data.accounts).map(({ users: _users, ...account }) => account),
        }),
    },
    {
      method: 'POST',
      pattern: '/_sim/reset',
      handler: () => {
        Object.assign(data, emptyData());
        seedDemo(data, context.now());
        Object.assign(context.faults, noFaults());
        context.rateLimiter.update(context.rateLimiter.settings);
        return json(200, { reset: true });
      },
    },
  ];
}
