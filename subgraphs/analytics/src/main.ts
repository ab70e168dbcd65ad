import { runService } from '@medpay/runtime';
import { loadAnalyticsConfig } from './config.js';
import { startAnalyticsService } from './service.js';

await runService('analytics', () => startAnalyticsService(loadAnalyticsConfig()));
