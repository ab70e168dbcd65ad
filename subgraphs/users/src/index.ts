export { loadUsersConfig, usersConfigShape, type UsersConfig } from './config.js';
export { startUsersService, usersTypeDefs } from './service.js';
