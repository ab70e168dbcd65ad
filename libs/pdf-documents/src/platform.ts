// MedPay as a party to the documents it issues.
import type { Address } from './format.js';

export interface Company {
  legalName: string;
  /** 14 characters, unmasked */
  cnpj: string;
  address: Address;
}

/**
 * MedPay Saúde Ltda. The CNPJ and address are placeholders (the CNPJ is the Receita Federal's
 * published example, valid but nobody's) until the company's registration is final: replace them
 * here, and every document follows.
 */
export const MEDPAY: Company = {
  legalName: 'MedPay Saúde Ltda',
  cnpj: '11222333000181',
  address: { street: 'Avenida Paulista', number: '1000', complement: 'conj. 101', district: 'Bela Vista', city: 'São Paulo', state: 'SP', postalCode: '01310100' },
};
