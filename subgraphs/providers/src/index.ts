export { loadProvidersConfig, providersConfigShape, type ProvidersConfig } from './config.js';
export { providersTypeDefs, startProvidersService } from './service.js';
