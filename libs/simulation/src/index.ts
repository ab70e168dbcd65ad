export * from './faults.js';
export * from './http-router.js';
export * from './persisted-state.js';
export * from './rate-limit.js';
export * from './server.js';
export * from './webhooks.js';
