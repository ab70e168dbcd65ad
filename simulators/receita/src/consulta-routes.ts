// Serpro's consultations: Consulta CPF v2 and Consulta CNPJ v2 (/basica). Behind the gateway's token
// check, each request is throttled per client (429 + Retry-After), counted per number, and answered
// by the backend: 503 during an outage, 400 for a malformed number or wrong check digits, 404 for a
// number the Receita does not know, 206 when fields Serpro treats as mandatory are missing, else 200.
import { isValidCnpj, isValidCpf } from '@medpay/br-documents';
import { json, SimError, type Reply, type Route, type SimRequest } from '@medpay/simulation';
import { bearerClient } from './auth-routes.js';
import type { SimulatorContext } from './context.js';

/** The gateway's throttling answer (WSO2's "message throttled out"). */
function throttled(retryAfterSeconds: number): Reply {
  return {
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: { fault: { code: 900802, message: 'Message throttled out', description: 'You have exceeded your quota', nextAccessTime: new Date(Date.now() + retryAfterSeconds * 1000).toISOString() } },
  };
}

export function consultaRoutes(context: SimulatorContext): Route[] {
  const { state, limits } = context;

  /** Throttling, counting and the outage, shared by both consultations; null when the backend may answer. */
  const gate = (request: SimRequest, api: string): Reply | null => {
    const admission = limits.admit(bearerClient(context, request.headers) ?? 'anonymous');
    if (!admission.admitted) return throttled(admission.retryAfterSeconds);
    state.countCall(request.params.ni!);
    if (state.outage) throw new SimError(503, 'SERVICE_UNAVAILABLE', `${api} indisponível no momento (simulated outage)`);
    return null;
  };

  return [
    {
      method: 'GET',
      pattern: '/consulta-cpf-df/v2/cpf/:ni',
      api: true,
      authenticated: true,
      handler: (request) => {
        const refused = gate(request, 'Consulta CPF');
        if (refused) return refused;
        const ni = request.params.ni!;
        if (!/^\d{11}$/.test(ni) || !isValidCpf(ni)) throw new SimError(400, 'NI_INVALIDO', 'O número de CPF informado não é válido');
        const record = state.cpf(ni);
        if (!record) throw new SimError(404, 'NI_NAO_ENCONTRADO', 'Não existe CPF com o número de inscrição informado');
        const complete = record.nome !== undefined && record.nascimento !== undefined && record.dataInscricao !== undefined;
        return json(complete ? 200 : 206, record);
      },
    },
    {
      method: 'GET',
      pattern: '/consulta-cnpj-df/v2/basica/:ni',
      api: true,
      authenticated: true,
      handler: (request) => {
        const refused = gate(request, 'Consulta CNPJ');
        if (refused) return refused;
        const ni = request.params.ni!.toUpperCase();
        if (!/^[0-9A-Z]{12}\d{2}$/.test(ni) || !isValidCnpj(ni)) throw new SimError(400, 'NI_INVALIDO', 'O número de CNPJ informado não é válido');
        const record = state.cnpj(ni);
        if (!record) throw new SimError(404, 'NI_NAO_ENCONTRADO', 'Não existe CNPJ com o número de inscrição informado');
        return json(200, record);
      },
    },
  ];
}
