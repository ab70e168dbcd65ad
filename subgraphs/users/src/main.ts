import { runService } from '@medpay/runtime';
import { loadUsersConfig } from './config.js';
import { startUsersService } from './service.js';

await runService('users', () => startUsersService(loadUsersConfig()));
