export * from './crc16.js';
export * from './money.js';
export * from './dates.js';
export * from './emv-tlv.js';
export * from './pix-br-code.js';
export * from './boleto.js';
