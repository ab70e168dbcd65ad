import { runService } from '@medpay/runtime';
import { loadNotificationsConfig } from './config.js';
import { startNotificationsService } from './service.js';

await runService('notifications', () => startNotificationsService(loadNotificationsConfig()));
