export * from './receita-federal.js';
export { ReceitaFederalClient, type ReceitaFederalClientOptions } from './receita-federal-client.js';
export { namesMatch } from './names-match.js';
export { formatCnae } from './serpro-mapping.js';
export { ProviderUnavailableError } from '@medpay/runtime';
export { receitaFederalConfigShape, receitaFederalFrom, type ReceitaFederalConfig } from './config.js';
