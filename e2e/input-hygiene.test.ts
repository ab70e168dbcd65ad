// Input the outside probe sent: a NUL byte in string arguments (literal or variable), bidirectional
// controls in a name, and LIKE wildcards in searches. Each is a client's mistake (400
// BAD_USER_INPUT, nothing changed) or matched literally — never an internal error.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpfFromBase } from '@medpay/br-documents';
import { randomInt } from 'node:crypto';
import { availableModes, bearer, startStack, type Stack } from './stack.js';

describe.each(availableModes())('input hygiene (%s)', (mode) => {
  let stack: Stack;
  let admin: { accessToken: string };
  beforeAll(async () => {
    stack = await startStack(mode);
    admin = await stack.login('admin@demo.medpay.com.br');
  }, 120_000);
  afterAll(() => stack?.close());

  const codeOf = (answer: { body: { errors?: { extensions?: { code?: string } }[] } }) => answer.body.errors?.[0]?.extensions?.code ?? 'OK';

  it('refuses a NUL byte in any string argument, in a variable or written in the document', async () => {
    const login = await stack.graphql('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', { input: { email: 'paciente@demo.medpay.com.br\u0000', password: 'x' } });
    expect([login.status, codeOf(login)]).toEqual([400, 'BAD_USER_INPUT']);
    const search = await stack.graphql('{ clinics(filter: { search: "Sorriso\\u0000" }) { edges { node { id } } } }');
    expect([search.status, codeOf(search)]).toEqual([400, 'BAD_USER_INPUT']);
    const users = await stack.graphql('query($s: String) { users(filter: { search: $s }) { totalCount } }', { s: 'a\u0000' }, bearer(admin.accessToken));
    expect([users.status, codeOf(users)]).toEqual([400, 'BAD_USER_INPUT']);
  });

  it('refuses bidirectional controls in a name: "Paula \\u202Eadnaraf\\u202C Souza" registers no one', async () => {
    const email = `bidi.${Date.now()}.${randomInt(1e9)}@exemplo.com.br`;
    const input = { name: 'Paula \u202Eadnaraf\u202C Souza', email, password: 'Consulta2026', cpf: cpfFromBase(String(randomInt(100_000_000, 999_999_999))) };
    const answer = await stack.graphql('mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { message } }', { input });
    expect([answer.status, codeOf(answer)]).toEqual([400, 'BAD_USER_INPUT']);
    const found = await stack.graphql<{ users: { totalCount: number } }>('query($s: String) { users(filter: { search: $s }) { totalCount } }', { s: email }, bearer(admin.accessToken));
    expect(found.body.data?.users.totalCount).toBe(0);
  });

  it('matches % and _ in searches literally, not as wildcards', async () => {
    const count = async (search: string) => {
      const { body } = await stack.graphql<{ clinics: { edges: unknown[] }; procedures: { edges: unknown[] } }>(
        'query($s: String) { clinics(filter: { search: $s }) { edges { node { id } } } procedures(filter: { search: $s }, first: 50) { edges { node { id } } } }', { s: search });
      return [body.data!.clinics.edges.length, body.data!.procedures.edges.length];
    };
    expect((await count('Sorriso'))[0]).toBeGreaterThan(0);
    expect(await count('%')).toEqual([0, 0]);
    expect(await count('_')).toEqual([0, 0]);
    const users = await stack.graphql<{ users: { totalCount: number } }>('query($s: String) { users(filter: { search: $s }) { totalCount } }', { s: '%' }, bearer(admin.accessToken));
    expect(users.body.data?.users.totalCount).toBe(0);
  });
});
