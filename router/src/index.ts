export { loadRouterConfig, routerConfigShape, type RouterConfig } from './config.js';
export { startRouter } from './server.js';
