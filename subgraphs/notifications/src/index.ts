export { loadNotificationsConfig, notificationsConfigShape, type NotificationsConfig } from './config.js';
export { notificationsTypeDefs, startNotificationsService, type NotificationsService } from './service.js';
