import { runService } from '@medpay/runtime';
import { loadProvidersConfig } from './config.js';
import { startProvidersService } from './service.js';

await runService('providers', () => startProvidersService(loadProvidersConfig()));
