export { loadProvidersConfig, providersConfigShape, type ProvidersConfig } from './config.js';
export { providersTypeDefs, startProvidersService, type ProvidersService } from './service.js';
