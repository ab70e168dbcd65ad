export { loadUsersConfig, type UsersConfig } from './config.js';
export { startUsersService, usersTypeDefs } from './service.js';
