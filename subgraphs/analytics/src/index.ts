export { analyticsConfigShape, loadAnalyticsConfig, type AnalyticsConfig } from './config.js';
export { analyticsTypeDefs, startAnalyticsService } from './service.js';
