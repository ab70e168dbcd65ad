// Where a clinic's payouts go: by PIX to its CNPJ key, or by TED to a bank account in its own name.
// Either way the holder is the clinic (its CNPJ goes with every TED, and a bank returns a TED whose
// holder does not match): a payout can never be pointed at somebody else's account or key.
import { ProvidersError } from './errors.js';

/** The banks a clinic can pick, by ISPB (what the SPB routes a TED by), with the names people know. */
export const BANKS: Readonly<Record<string, string>> = {
  '00000000': 'Banco do Brasil',
  '00360305': 'Caixa Econômica Federal',
  '60701190': 'Itaú Unibanco',
  '60746948': 'Bradesco',
  '90400888': 'Santander',
  '18236120': 'Nubank',
  '00416968': 'Banco Inter',
  '30306294': 'BTG Pactual',
  '31872495': 'C6 Bank',
  '02038232': 'Sicoob',
  '01181521': 'Sicredi',
  '92702067': 'Banrisul',
  '58160789': 'Safra',
};

export type BankAccountType = 'CHECKING' | 'SAVINGS' | 'PAYMENT';
export interface BankAccount {
  ispb: string;
  /** four digits */
  branch: string;
  /** the account number with its check digit, no separator */
  account: string;
  accountType: BankAccountType;
}

const invalid = (message: string, field: string) => new ProvidersError('BAD_USER_INPUT', message, { field });

/** A bank account as a clinic types it, checked and normalized (agência zero-padded, account without the hyphen). */
export function validateBankAccount(input: { ispb: string; branch: string; account: string; accountType: BankAccountType }): BankAccount {
  const ispb = input.ispb.trim();
  if (!(ispb in BANKS)) throw invalid('Escolha o banco da conta da clínica.', 'bankAccount.ispb');
  const branch = input.branch.trim();
  if (!/^\d{1,4}$/.test(branch)) throw invalid('Informe a agência com até 4 dígitos, sem o dígito verificador.', 'bankAccount.branch');
  const account = input.account.trim().replace(/[\s.-]/g, '').toUpperCase();
  if (!/^\d{1,12}[\dX]$/.test(account)) throw invalid('Informe o número da conta com o dígito (por exemplo, 12345-6).', 'bankAccount.account');
  return { ispb, branch: branch.padStart(4, '0'), account, accountType: input.accountType };
}

/** The same account (a JSON column may come back with its keys in another order). */
export const sameBankAccount = (a: BankAccount | null, b: BankAccount | null): boolean =>
  a === b || (a !== null && b !== null && a.ispb === b.ispb && a.branch === b.branch && a.account === b.account && a.accountType === b.accountType);
