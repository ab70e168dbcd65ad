// Test and development controls under /_sim (no auth, no faults, no throttling): register or override
// CPF and CNPJ records, take the consultations down, revoke tokens, change the rate limit, inject
// faults, and read the state (tokens issued, calls per number, throttling) for assertions.
import { isValidCnpj, isValidCpf } from '@medpay/br-documents';
import { faultRoutes, json, noFaults, notFound, parseJson, type Route } from '@medpay/simulation';
import { z } from 'zod';
import type { SimulatorContext } from './context.js';
import { CNPJ_SITUATIONS, CPF_SITUATIONS, cnpjRecord, genericCpfRecord, inventedClinic, receitaName, serproDate, type CnpjSituation, type CpfSituation, type SerproCnpj, type SerproCpf } from './records.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

const cpfRequest = z.strictObject({
  cpf: z.string().transform((value) => value.replace(/\D/g, '')).refine(isValidCpf, 'not a valid CPF'),
  status: z.enum(Object.keys(CPF_SITUATIONS) as [CpfSituation, ...CpfSituation[]]).optional(),
  /** null removes the name on record */
  name: z.string().min(1).nullable().optional(),
  socialName: z.string().min(1).nullable().optional(),
  birthDate: isoDate.optional(),
  registeredOn: isoDate.optional(),
  deathYear: z.string().regex(/^\d{4}$/).optional(),
  /** the Receita has no such CPF: consultations answer 404 */
  notFound: z.boolean().optional(),
});

const cnpjRequest = z.strictObject({
  cnpj: z.string().transform((value) => value.replace(/[.\/\-\s]/g, '').toUpperCase()).refine(isValidCnpj, 'not a valid CNPJ'),
  status: z.enum(Object.keys(CNPJ_SITUATIONS) as [CnpjSituation, ...CnpjSituation[]]).optional(),
  legalName: z.string().min(1).optional(),
  /** empty: no trade name */
  tradeName: z.string().optional(),
  mainCnae: z.strictObject({ code: z.string().transform((code) => code.replace(/\D/g, '')).pipe(z.string().length(7)), description: z.string().min(1) }).optional(),
  address: z
    .strictObject({
      streetType: z.string(),
      street: z.string().min(1),
      number: z.string().min(1),
      complement: z.string(),
      district: z.string().min(1),
      cityCode: z.string(),
      city: z.string().min(1),
      state: z.string().length(2),
      zipCode: z.string().regex(/^\d{8}$/),
    })
    .partial()
    .optional(),
  statusSince: isoDate.optional(),
  statusReason: z.string().optional(),
  notFound: z.boolean().optional(),
});

function withCpfChanges(current: SerproCpf, changes: z.infer<typeof cpfRequest>): SerproCpf {
  const next: SerproCpf = { ...current, situacao: changes.status ? { ...CPF_SITUATIONS[changes.status] } : current.situacao };
  if (changes.name === null) delete next.nome;
  else if (changes.name) next.nome = receitaName(changes.name);
  if (changes.socialName === null) delete next.nomeSocial;
  else if (changes.socialName) next.nomeSocial = receitaName(changes.socialName);
  if (changes.birthDate) next.nascimento = serproDate(changes.birthDate);
  if (changes.registeredOn) next.dataInscricao = serproDate(changes.registeredOn);
  // Registered at 18, like the fixed people, unless told otherwise.
  else if (changes.birthDate && !next.dataInscricao) next.dataInscricao = serproDate(`${Number(changes.birthDate.slice(0, 4)) + 18}${changes.birthDate.slice(4)}`);
  if (changes.deathYear) next.obito = changes.deathYear;
  return next;
}

function withCnpjChanges(current: SerproCnpj, changes: z.infer<typeof cnpjRequest>): SerproCnpj {
  const address = changes.address ?? {};
  const municipio = address.city ? { codigo: address.cityCode ?? '', descricao: receitaName(address.city) } : current.endereco.municipio;
  return {
    ...current,
    nomeEmpresarial: changes.legalName ? receitaName(changes.legalName) : current.nomeEmpresarial,
    nomeFantasia: changes.tradeName !== undefined ? receitaName(changes.tradeName) : current.nomeFantasia,
    situacaoCadastral: {
      codigo: changes.status ? CNPJ_SITUATIONS[changes.status] : current.situacaoCadastral.codigo,
      data: changes.statusSince ?? (changes.status ? new Date().toISOString().slice(0, 10) : current.situacaoCadastral.data),
      motivo: changes.statusReason ?? (changes.status ? '' : current.situacaoCadastral.motivo),
    },
    cnaePrincipal: changes.mainCnae ? { codigo: changes.mainCnae.code, descricao: changes.mainCnae.description } : current.cnaePrincipal,
    endereco: {
      ...current.endereco,
      ...(address.streetType !== undefined ? { tipoLogradouro: receitaName(address.streetType) } : {}),
      ...(address.street ? { logradouro: receitaName(address.street) } : {}),
      ...(address.number ? { numero: address.number } : {}),
      ...(address.complement !== undefined ? { complemento: receitaName(address.complement) } : {}),
      ...(address.district ? { bairro: receitaName(address.district) } : {}),
      ...(address.state ? { uf: address.state.toUpperCase() } : {}),
      ...(address.zipCode ? { cep: address.zipCode } : {}),
      municipio,
    },
    municipioJurisdicao: municipio,
  };
}

export function controlRoutes(context: SimulatorContext): Route[] {
  const { state, limits, faults } = context;
  return [
    { method: 'GET', pattern: '/_sim/health', handler: () => json(200, { status: 'ok' }) },
    {
      method: 'POST',
      pattern: '/_sim/cpfs',
      handler: (request) => {
        const body = parseJson(cpfRequest, request);
        if (body.notFound) {
          state.cpfs.set(body.cpf, null);
          return json(201, { cpf: body.cpf, record: null });
        }
        const record = withCpfChanges(state.cpf(body.cpf) ?? genericCpfRecord(body.cpf), body);
        state.cpfs.set(body.cpf, record);
        return json(201, { cpf: body.cpf, record });
      },
    },
    {
      method: 'DELETE',
      pattern: '/_sim/cpfs/:cpf',
      handler: (request) => {
        if (!state.cpfs.delete(request.params.cpf!)) throw notFound(`Registered CPF ${request.params.cpf}`);
        return json(200, { cpf: request.params.cpf, record: state.cpf(request.params.cpf!) });
      },
    },
    {
      method: 'POST',
      pattern: '/_sim/cnpjs',
      handler: (request) => {
        const body = parseJson(cnpjRequest, request);
        if (body.notFound) {
          state.cnpjs.set(body.cnpj, null);
          return json(201, { cnpj: body.cnpj, record: null });
        }
        const record = withCnpjChanges(state.cnpj(body.cnpj) ?? cnpjRecord(inventedClinic(body.cnpj)), body);
        state.cnpjs.set(body.cnpj, record);
        return json(201, { cnpj: body.cnpj, record });
      },
    },
    {
      method: 'DELETE',
      pattern: '/_sim/cnpjs/:cnpj',
      handler: (request) => {
        const cnpj = request.params.cnpj!.toUpperCase();
        if (!state.cnpjs.delete(cnpj)) throw notFound(`Registered CNPJ ${cnpj}`);
        return json(200, { cnpj, record: state.cnpj(cnpj) });
      },
    },
    {
      method: 'POST',
      pattern: '/_sim/outage',
      handler: (request) => {
        state.outage = parseJson(z.strictObject({ down: z.boolean() }), request).down;
        return json(200, { down: state.outage });
      },
    },
    {
      // Every issued token stops working (as when the gateway revokes them): the next call gets 401.
      method: 'POST',
      pattern: '/_sim/tokens/revoke',
      handler: () => {
        const revoked = state.tokens.size;
        state.tokens.clear();
        return json(200, { revoked });
      },
    },
    {
      method: 'POST',
      pattern: '/_sim/rate-limit',
      handler: (request) => {
        limits.requestsPerSecond = parseJson(z.strictObject({ requestsPerSecond: z.number().int().min(1) }), request).requestsPerSecond;
        limits.reset();
        return json(200, limits.snapshot());
      },
    },
    ...faultRoutes(faults),
    {
      method: 'GET',
      pattern: '/_sim/state',
      handler: () =>
        json(200, {
          tokenRequests: state.tokenRequests,
          activeTokens: [...state.tokens.values()].filter((grant) => grant.expiresAt > Date.now()).length,
          outage: state.outage,
          rateLimit: limits.snapshot(),
          calls: Object.fromEntries(state.calls),
          cpfs: Object.fromEntries(state.cpfs),
          cnpjs: Object.fromEntries(state.cnpjs),
        }),
    },
    {
      method: 'POST',
      pattern: '/_sim/reset',
      handler: () => {
        state.reset();
        limits.reset(true);
        Object.assign(faults, noFaults());
        return json(200, { reset: true });
      },
    },
  ];
}
