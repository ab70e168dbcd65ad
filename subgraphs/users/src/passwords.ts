// Passwords are hashed with scrypt (memory-hard, in Node's crypto: no native dependency).
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { UsersError } from './errors.js';


const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

const derive = (password: string, salt: Buffer, params: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, params, (error, key) => (error ? reject(error) : resolve(key))));

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem });
  return timingSafeEqual(expected, actual);
}

/** A hash to verify against when the account does not exist, so both cases take the same time. */
export const DECOY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const COMMON = new Set(['12345678', '123456789', '1234567890', 'password', 'password1', 'senha123', 'senha1234', 'qwerty123', 'medpay123']);

/** At least 8 characters with letters and digits, not a common password, not the e-mail. */
export function assertStrongPassword(password: string, email: string) {
  const weak =
    password.length < 8 ||
    password.length > 128 ||
    !/[A-Za-zÀ-ÿ]/.test(password) ||
    !/\d/.test(password) ||
    COMMON.has(password.toLowerCase()) ||
    password.toLowerCase().includes(email.split('@')[0]!.toLowerCase());
  if (weak) {
    throw new UsersError('WEAK_PASSWORD', 'A senha precisa ter ao menos 8 caracteres, com letras e números, e não pode ser óbvia nem conter seu e-mail.', { field: 'password' });
  }
}
