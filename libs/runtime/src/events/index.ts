// Domain events: the bus, the outbox relay and the Redis Stream consumer every service shares.
export * from './bus.js';
export * from './relay.js';
export * from './stream-consumer.js';
export * from './intake.js';
