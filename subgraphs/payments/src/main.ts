import { runService } from '@medpay/runtime';
import { loadPaymentsConfig } from './config.js';
import { startPaymentsService } from './service.js';

await runService('payments', () => startPaymentsService(loadPaymentsConfig()));
