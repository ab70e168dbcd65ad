export { analyticsConfigShape, loadAnalyticsConfig, type AnalyticsConfig } from './config.js';
export { analyticsTypeDefs, startAnalyticsService, type AnalyticsService } from './service.js';
