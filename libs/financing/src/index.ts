// @medpay/financing: Tabela Price schedules, IOF, CET and card installment plans, all in centavos.
export { addMonths, assertDate, daysBetween, firstDueDateOnDay } from './calendar-dates.js';
export * from './price-table.js';
export * from './iof.js';
export * from './financed-iof.js';
export * from './cet.js';
export * from './card-installments.js';
