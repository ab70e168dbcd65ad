// NinSaúde's resources under /v1: the account's units, professionals, services (cadastro_servico),
// patients (cadastro_paciente), appointments (atendimento_agenda, listed by date or "changed since")
// and the appointment's conta a receber, written back by MedPay and keyed by its external id.
import { json, parseJson, SimError, type Reply, type Route, type SimRequest } from '@medpay/simulation';
import { z } from 'zod';
import { accountOf } from './auth-routes.js';
import type { NinSaudeContext } from './context.js';
import { changeTime, nextId, STATUS_DESCRIPTION, type Account, type Appointment, type Receivable, type ReceivableMovement } from './state.js';

export const errorBody = (codigo: string, mensagem: string) => ({ result: null, error: [{ codigo, mensagem }] });

export const notFound = (what: string) => new SimError(404, 'NAO_ENCONTRADO', `${what} não encontrado`);

const MAX_LIMIT = 100;

function paging(request: SimRequest) {
  const limit = Number(request.query.get('limit') ?? 50);
  const offset = Number(request.query.get('offset') ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new SimError(400, 'PARAMETRO_INVALIDO', `limit deve ser um inteiro entre 1 e ${MAX_LIMIT}`);
  if (!Number.isInteger(offset) || offset < 0) throw new SimError(400, 'PARAMETRO_INVALIDO', 'offset deve ser um inteiro maior ou igual a zero');
  return { limit, offset };
}

const page = <Item>(items: Item[], request: SimRequest) => {
  const { limit, offset } = paging(request);
  return json(200, { result: items.slice(offset, offset + limit), total: items.length });
};

export const appointmentView = (appointment: Appointment) => ({ ...appointment, statusDescricao: STATUS_DESCRIPTION[appointment.status] });

const unitView = (account: Account) => ({
  id: account.unit.id,
  account: account.account,
  descricao: account.unit.descricao,
  unidade: account.unit.unidade,
  cnpj: account.unit.cnpj,
  enderecoCidadeTitle: account.unit.cidade,
  enderecoCidadeSig: account.unit.uf,
  ativo: 1,
});

function findAppointment(account: Account, id: string): Appointment {
  const appointment = account.appointments.find((candidate) => String(candidate.id) === id);
  if (!appointment) throw notFound(`Agendamento ${id}`);
  return appointment;
}

const receivableRequest = z.object({
  idExterno: z.string().min(1).max(200),
  situacao: z.enum(['RECEBIDO', 'REPASSADO', 'ESTORNADO']),
  valor: z.number().positive().max(10_000_000),
  dataMovimento: z.iso.datetime({ offset: true }),
  descricao: z.string().max(500).optional(),
  formaPagamento: z.enum(['PIX', 'BOLETO', 'CARTAO_CREDITO', 'CARTAO_DEBITO', 'DINHEIRO', 'OUTROS']).optional(),
  urlComprovante: z.url().optional(),
});

/**
 * Creates the appointment's conta a receber or moves it to a new situation. An external id already
 * recorded is a retry: the same content changes nothing (200), other content is a conflict (409).
 */
function writeReceivable(context: NinSaudeContext, account: Account, appointment: Appointment, request: SimRequest): Reply {
  const body = parseJson(receivableRequest, request);
  const writes = (account.writeBacks[appointment.id] ??= {});
  writes[body.idExterno] = (writes[body.idExterno] ?? 0) + 1;
  const recorded = account.receivables.flatMap((receivable) => receivable.movimentos.map((movement) => ({ receivable, movement }))).find(({ movement }) => movement.idExterno === body.idExterno);
  if (recorded) {
    const same = recorded.receivable.agendamento === appointment.id && recorded.movement.situacao === body.situacao && recorded.movement.valor === body.valor;
    if (!same) throw new SimError(409, 'ID_EXTERNO_DUPLICADO', `idExterno ${body.idExterno} já registrado com outro conteúdo`);
    return { status: 200, body: { result: recorded.receivable }, headers: { 'x-idempotent-replay': 'true' } };
  }
  const at = changeTime(account, context.now());
  const movement: ReceivableMovement = {
    idExterno: body.idExterno,
    situacao: body.situacao,
    valor: body.valor,
    dataMovimento: body.dataMovimento,
    descricao: body.descricao ?? null,
    formaPagamento: body.formaPagamento ?? null,
    urlComprovante: body.urlComprovante ?? null,
    registradoEm: at,
  };
  const existing = account.receivables.find((receivable) => receivable.agendamento === appointment.id);
  if (existing) {
    Object.assign(existing, { situacao: body.situacao, valor: body.valor, descricao: movement.descricao, formaPagamento: movement.formaPagamento ?? existing.formaPagamento, urlComprovante: movement.urlComprovante ?? existing.urlComprovante, dataAlteracao: at });
    existing.movimentos.push(movement);
    return json(200, { result: existing });
  }
  const receivable: Receivable = {
    id: nextId(context.data),
    agendamento: appointment.id,
    paciente: appointment.paciente,
    idExterno: body.idExterno,
    situacao: body.situacao,
    valor: body.valor,
    descricao: movement.descricao,
    formaPagamento: movement.formaPagamento,
    urlComprovante: movement.urlComprovante,
    dataCriacao: at,
    dataAlteracao: at,
    movimentos: [movement],
  };
  account.receivables.push(receivable);
  return json(201, { result: receivable });
}

export function apiRoutes(context: NinSaudeContext): Route[] {
  /** An authenticated NinSaúde endpoint, counted against the account's rate limit. */
  const route = (method: string, pattern: string, handler: (request: SimRequest, account: Account) => Reply): Route => ({
    method,
    pattern,
    api: true,
    authenticated: true,
    handler: (request) => {
      const account = accountOf(context, request);
      const waitSeconds = context.rateLimiter.take(account.account);
      if (waitSeconds) {
        context.data.stats.throttled += 1;
        return { status: 429, body: errorBody('LIMITE_REQUISICOES', `Limite de requisições excedido; tente novamente em ${waitSeconds} s`), headers: { 'retry-after': String(waitSeconds) } };
      }
      return handler(request, account);
    },
  });

  return [
    route('GET', '/v1/account_geral/listar', (_request, account) => json(200, { result: [unitView(account)], total: 1 })),
    route('GET', '/v1/cadastro_profissional/listar', (request, account) => page(account.professionals.map((professional) => ({ ...professional, ativo: 1 })), request)),
    route('GET', '/v1/cadastro_servico/listar', (request, account) => {
      const active = request.query.get('ativo');
      return page(active === null ? account.services : account.services.filter((service) => String(service.ativo) === active), request);
    }),
    route('GET', '/v1/cadastro_paciente/listar', (request, account) => {
      const ids = request.query.get('ids')?.split(',').filter(Boolean);
      const filter = request.query.get('filter')?.trim().toLowerCase();
      let patients = ids ? account.patients.filter((patient) => ids.includes(String(patient.id))) : account.patients;
      if (filter) {
        const digits = filter.replace(/\D/g, '');
        patients = patients.filter((patient) => patient.nome.toLowerCase().includes(filter) || (digits.length === 11 && patient.cpf?.replace(/\D/g, '') === digits));
      }
      return page(patients, request);
    }),
    route('GET', '/v1/cadastro_paciente/:id', (request, account) => {
      const patient = account.patients.find((candidate) => String(candidate.id) === request.params.id);
      if (!patient) throw notFound(`Paciente ${request.params.id}`);
      return json(200, { result: patient });
    }),
    route('GET', '/v1/atendimento_agenda/listar', (request, account) => {
      const changedSince = request.query.get('alteradoDesde');
      if (changedSince !== null) {
        const since = Date.parse(changedSince);
        if (Number.isNaN(since)) throw new SimError(400, 'PARAMETRO_INVALIDO', 'alteradoDesde deve ser uma data e hora ISO 8601');
        const changed = account.appointments
          .filter((appointment) => Date.parse(appointment.dataAlteracao) >= since)
          .sort((a, b) => Date.parse(a.dataAlteracao) - Date.parse(b.dataAlteracao) || a.id - b.id);
        return page(changed.map(appointmentView), request);
      }
      const from = request.query.get('dataInicial') ?? '0000-01-01';
      const to = request.query.get('dataFinal') ?? '9999-12-31';
      const inRange = account.appointments
        .filter((appointment) => appointment.data >= from && appointment.data <= to)
        .sort((a, b) => a.data.localeCompare(b.data) || a.horaInicial.localeCompare(b.horaInicial) || a.id - b.id);
      return page(inRange.map(appointmentView), request);
    }),
    route('GET', '/v1/atendimento_agenda/:id', (request, account) => json(200, { result: appointmentView(findAppointment(account, request.params.id!)) })),
    route('GET', '/v1/atendimento_agenda/:id/conta_receber', (request, account) => {
      const appointment = findAppointment(account, request.params.id!);
      const receivable = account.receivables.find((candidate) => candidate.agendamento === appointment.id);
      if (!receivable) throw new SimError(404, 'NAO_ENCONTRADO', `Conta a receber do agendamento ${appointment.id} não encontrada`);
      return json(200, { result: receivable });
    }),
    route('PUT', '/v1/atendimento_agenda/:id/conta_receber', (request, account) => writeReceivable(context, account, findAppointment(account, request.params.id!), request)),
    route('GET', '/v1/financeiro_conta_receber/listar', (request, account) => page(account.receivables, request)),
  ];
}
