export * from './cpf.js';
export * from './cnpj.js';
