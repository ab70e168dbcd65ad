export { loadPaymentsConfig, paymentsConfigShape, type PaymentsConfig } from './config.js';
export { paymentsTypeDefs, startPaymentsService, type PaymentsService } from './service.js';
