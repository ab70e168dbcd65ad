// Login throttling through the router, as the outside probe tried it: wrong passwords sent all at
// once, and one address trying many accounts. The tests speak through loopback, which the router
// trusts as a proxy by default (the apps' servers), so each sets the client address it stands for in
// X-Forwarded-For; entries a client wrote itself, left of the proxy's, are ignored.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpfFromBase } from '@medpay/br-documents';
import { randomInt } from 'node:crypto';
import { availableModes, signUpPatient, startStack, type Stack } from './stack.js';

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }';
const PASSWORD = 'Sorriso@2026';

describe.each(availableModes())('login throttling (%s)', (mode) => {
  let stack: Stack;
  const from = (address: string) => ({ 'x-forwarded-for': address });
  const login = (email: string, password: string, address: string) => stack.graphql(LOGIN, { input: { email, password } }, from(address));
  const codeOf = (answer: Awaited<ReturnType<typeof login>>) => answer.body.errors?.[0]?.extensions?.code ?? 'OK';

  /** A confirmed patient account (signed up and confirmed through its e-mail, as a person would). */
  async function newPatient(): Promise<string> {
    const email = `vitima.${Date.now()}.${randomInt(1e9)}@exemplo.com.br`;
    await signUpPatient(stack, { name: 'Vítima Teste', email, password: PASSWORD, cpf: cpfFromBase(String(randomInt(100_000_000, 999_999_999))) }, `198.51.100.${randomInt(1, 254)}`);
    return email;
  }

  beforeAll(async () => {
    stack = await startStack(mode, {}, { notifications: true });
  }, 120_000);
  afterAll(() => stack?.close());

  it('20 wrong passwords at once: at most five are checked, and the right one after them waits', async () => {
    const email = await newPatient();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login(email, `Errada@${i}000`, `203.0.113.${i + 1}`)));
    const codes = answers.map(codeOf);
    expect(codes.filter((code) => code === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((code) => code === 'TOO_MANY_ATTEMPTS')).toHaveLength(15);
    expect(codeOf(await login(email, PASSWORD, '203.0.113.99'))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('19 wrong passwords and the right one at once: never more than five wrong ones checked', async () => {
    const email = await newPatient();
    const attempts = [...Array.from({ length: 19 }, (_, i) => `Errada@${i}000`), PASSWORD];
    const codes = (await Promise.all(attempts.map((password, i) => login(email, password, `192.0.2.${i + 1}`)))).map(codeOf);
    // The right password, if it was among the first five, gives its place back: one more may be checked.
    expect(codes.filter((code) => code === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(5);
    expect(codes.filter((code) => code !== 'TOO_MANY_ATTEMPTS').length).toBeLessThanOrEqual(6);
  });

  it('one address trying twelve accounts is slowed after ten (password spraying), and a spoofed X-Forwarded-For does not help', async () => {
    const victims = await Promise.all(Array.from({ length: 12 }, () => newPatient()));
    const codes: string[] = [];
    for (const [i, email] of victims.entries()) {
      // The client's own header entry comes first; the proxy appends the address it saw.
      codes.push(codeOf(await stack.graphql(LOGIN, { input: { email, password: 'Errada@2026' } }, { 'x-forwarded-for': `10.9.9.${i}, 198.18.0.7` })));
    }
    expect(codes.slice(0, 10)).toEqual(Array(10).fill('INVALID_CREDENTIALS'));
    expect(codes.slice(10)).toEqual(['TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS']);
    // Another address still logs in to the same accounts.
    expect(codeOf(await login(victims[11]!, PASSWORD, '198.18.0.8'))).toBe('OK');
  });
});
