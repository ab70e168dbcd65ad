// @medpay/money: integer centavos, half-up rounding, splits with explicit remainder rules, BRL text.
export * from './centavos.js';
export * from './allocation.js';
export * from './payment-split.js';
export * from './brl-format.js';
