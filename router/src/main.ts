import { runService } from '@medpay/runtime';
import { loadRouterConfig } from './config.js';
import { startRouter } from './server.js';

await runService('router', () => startRouter(loadRouterConfig()));
