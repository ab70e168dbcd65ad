import { runService } from '@medpay/runtime';
import { loadAiConfig } from './config.js';
import { startAiService } from './service.js';

await runService('ai', () => startAiService(loadAiConfig()));
