// Sign-up through the router with the e-mail it sends, in both database modes: the answer never tells
// whether an e-mail or CPF has an account (the owner is told by e-mail instead), no session exists
// until the link e-mailed through the messaging simulator is confirmed, the link works once, sign-ups
// from one address are limited even when they arrive all at once, and the link's secret is never in
// the event log. Each request says the client address it stands for in X-Forwarded-For (the router
// trusts loopback as a proxy), so that the suites' sign-ups do not share one address's limit.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpfFromBase } from '@medpay/br-documents';
import * as contracts from '@medpay/contracts';
import { InternalClient } from '@medpay/runtime';
import { eventually } from '@medpay/runtime/testing';
import { randomInt, randomUUID } from 'node:crypto';
import { availableModes, bearer, CONFIRM_SIGN_UP, confirmationToken, demoCast, emailsTo, SIGN_UP, signUpPatient, startStack, type Stack } from './stack.js';

const PASSWORD = 'Consulta2026';
const MESSAGE = 'Enviamos um e-mail para continuar o cadastro.';
const uniqueCpf = () => cpfFromBase(String(randomInt(100_000_000, 999_999_999)));
const uniqueEmail = (tag: string) => `${tag}.${Date.now()}.${randomInt(1e9)}@exemplo.com.br`;
const from = (address: string) => ({ 'x-forwarded-for': address });
const someAddress = () => `198.51.100.${randomInt(1, 254)}`;
const newInput = (overrides: Record<string, string> = {}) => ({ name: 'Renata Moraes', email: uniqueEmail('renata'), password: PASSWORD, cpf: uniqueCpf(), ...overrides });

describe.each(availableModes())('sign-up through the router (%s)', (mode) => {
  let stack: Stack;
  const signUp = (input: Record<string, string>, address = someAddress()) => stack.graphql(SIGN_UP, { input }, from(address));
  const confirm = (token: string, password = PASSWORD) => stack.graphql<{ confirmSignUp: { accessToken: string; refreshToken: string; user: { id: string; email: string; roles: string[] } } }>(CONFIRM_SIGN_UP, { token, password }, from(someAddress()));
  const login = (email: string, password = PASSWORD) => stack.graphql<{ login: { accessToken: string } }>('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', { input: { email, password } }, from(someAddress()));
  const codeOf = (answer: { body: { errors?: { extensions?: { code?: string } }[] } }) => answer.body.errors?.[0]?.extensions?.code ?? 'OK';

  beforeAll(async () => {
    stack = await startStack(mode, {}, { notifications: true });
  }, 120_000);
  afterAll(() => stack?.close());

  it('answers a taken e-mail and a taken CPF exactly as a new sign-up, opens no session, and tells the account\'s owner by e-mail', async () => {
    const fresh = newInput();
    const cpfTaken = newInput({ cpf: '529.982.247-25' });
    const answers = [
      await signUp(fresh),
      await signUp(newInput({ email: 'paciente@demo.medpay.com.br' })),
      await signUp(cpfTaken),
      await signUp(newInput({ email: 'PACIENTE@demo.medpay.com.br', cpf: '52998224725' })),
    ];
    // The whole answers, status and body (the router's cost extension included), are one and the same.
    expect(answers[0]).toMatchObject({ status: 200, body: { data: { registerPatient: { message: MESSAGE } } } });
    expect(answers[0]!.body.errors).toBeUndefined();
    expect(answers).toEqual([answers[0], answers[0], answers[0], answers[0]]);
    // Not even asked for, a session could not be in the answer: the type has none.
    const asked = await stack.graphql('mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { accessToken } }', { input: newInput() }, from(someAddress()));
    expect(codeOf(asked)).toBe('GRAPHQL_VALIDATION_FAILED');

    // The new e-mail gets a link into the patient app; it cannot log in before using it.
    const [confirmation] = await eventually(() => emailsTo(stack, fresh.email), (emails) => emails.length > 0, 'the confirmation e-mail', 30_000);
    expect(confirmation!.subject).toBe('MedPay Saúde: Confirme seu e-mail para criar sua conta');
    expect(confirmation!.text).toMatch(/Confirmar meu e-mail: http:\/\/127\.0\.0\.1:3000\/cadastro\/confirmar\?token=[\w-]{43}\n/);
    expect(codeOf(await login(fresh.email))).toBe('INVALID_CREDENTIALS');
    // The demo patient hears of the three attempts with their data; nothing else changed for them.
    const warnings = await eventually(
      () => emailsTo(stack, 'paciente@demo.medpay.com.br'),
      (emails) => emails.filter((email) => email.subject === 'MedPay Saúde: Tentativa de cadastro com seus dados').length === 3,
      'the owner told three times',
      30_000,
    );
    const bodies = warnings.filter((email) => email.subject?.includes('Tentativa de cadastro')).map((email) => /Alguém tentou criar uma conta na MedPay Saúde com ([^,]+),/.exec(email.text)?.[1]);
    expect(bodies.sort()).toEqual(['seu CPF', 'seu e-mail', 'seu e-mail e seu CPF']);
    expect(warnings.every((email) => !email.text.includes('token='))).toBe(true);
    expect(codeOf(await login('paciente@demo.medpay.com.br', 'MedPay@2026'))).toBe('OK');
    // The address that came with the taken CPF is told the CPF has an account, and gets no link.
    const [refused] = await eventually(() => emailsTo(stack, cpfTaken.email), (emails) => emails.length > 0, 'the e-mail to the taken CPF\'s sign-up', 30_000);
    expect(refused!.subject).toBe('MedPay Saúde: Não foi possível concluir seu cadastro');
    expect(refused!.text).not.toContain('token=');
  });

  it('confirms through the e-mailed link once: the session then, CONFIRMATION_LINK_INVALID after', async () => {
    const input = newInput({ email: uniqueEmail('confirma') });
    expect(codeOf(await signUp(input))).toBe('OK');
    const token = await confirmationToken(stack, input.email);
    expect(codeOf(await confirm(token, 'Errada2026'))).toBe('INVALID_CREDENTIALS');

    const confirmed = await confirm(token);
    expect(confirmed.body.errors).toBeUndefined();
    const session = confirmed.body.data!.confirmSignUp;
    expect(session.user).toMatchObject({ email: input.email, roles: ['PATIENT'] });
    const me = await stack.graphql<{ me: { id: string; cpfMasked: string } }>('{ me { id cpfMasked } }', {}, bearer(session.accessToken));
    expect(me.body.data!.me).toEqual({ id: session.user.id, cpfMasked: `***.${input.cpf.slice(3, 6)}.${input.cpf.slice(6, 9)}-**` });

    const again = await confirm(token);
    expect([codeOf(again), again.body.data?.confirmSignUp ?? null]).toEqual(['CONFIRMATION_LINK_INVALID', null]);
    expect(again.body.errors![0]!.message).toMatch(/já foi usado/);
    expect(codeOf(await confirm('not-a-token'))).toBe('CONFIRMATION_LINK_INVALID');
    expect(codeOf(await login(input.email))).toBe('OK');
  });

  it('refuses sign-ups past the limit of one address, all sent at once; another address goes on', async () => {
    const email = uniqueEmail('rajada');
    const answers = await Promise.all(Array.from({ length: 23 }, () => signUp(newInput({ email }), '203.0.113.200')));
    const codes = answers.map(codeOf);
    expect(codes.filter((code) => code === 'OK')).toHaveLength(20);
    expect(codes.filter((code) => code === 'TOO_MANY_ATTEMPTS')).toHaveLength(3);
    expect(answers.find((answer) => codeOf(answer) === 'TOO_MANY_ATTEMPTS')!.body.errors![0]!.message).toBe('Muitos cadastros feitos deste endereço. Tente novamente mais tarde.');
    expect(codeOf(await signUp(newInput(), '203.0.113.201'))).toBe('OK');
  }, 120_000);

  it('keeps the link\'s secret out of the event log: events carry the sign-up\'s id only', async () => {
    const input = newInput({ email: uniqueEmail('segredo') });
    const session = await signUpPatient(stack, input, someAddress());
    const token = await confirmationToken(stack, input.email);
    const feed = new InternalClient(stack.users.url, 'analytics', stack.secret);
    const published = await eventually(
      async () => (await feed.call(contracts.outboxFeed, { after: null, limit: 1000 }))!.events,
      (events) => events.some((event) => event.type === 'patient.registered' && event.payload.userId === session.userId),
      'the new patient published',
    );
    const log = JSON.stringify(published);
    for (const secret of [token, input.email, input.cpf, 'Renata']) expect(log).not.toContain(secret);
    for (const event of published.filter((candidate) => candidate.type === 'sign_up.requested')) expect(Object.keys(event.payload).sort()).toEqual(['at', 'signUpId']);
  });

  describe('the CPF at the Receita Federal', () => {
    const receita = (path: string, body: unknown) => fetch(`${stack.receita.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const ME = '{ me { cpfCheck { status checkedAt opensCredit } } }';

    it('refuses a CPF that is not REGULAR, status by status, with a message in Portuguese and no e-mail sent', async () => {
      // The simulator's fixed records (simulators/receita/README.md).
      const refused = { PENDENTE_DE_REGULARIZACAO: '076.918.523-12', SUSPENSA: '405.321.768-71', CANCELADA: '316.758.420-35', TITULAR_FALECIDO: '051.375.187-43', NULA: '983.025.147-05' };
      for (const [status, cpf] of Object.entries(refused)) {
        const input = newInput({ cpf });
        const answer = await signUp(input);
        expect(answer.body.errors?.[0]).toMatchObject({ extensions: { code: 'CPF_IRREGULAR', cpfStatus: status, field: 'cpf' }, message: expect.stringMatching(/CPF|Receita Federal/) });
        expect(await emailsTo(stack, input.email)).toEqual([]);
      }
    });

    it("asks the patient to check a name that is not the CPF's, and takes it typed loosely", async () => {
      expect(codeOf(await signUp(newInput({ cpf: '630.172.859-95', name: 'Carlos Pedro Costa' })))).toBe('CPF_NAME_MISMATCH');
      expect(codeOf(await signUp(newInput({ cpf: '630.172.859-95', name: 'joão pedro costa' })))).toBe('OK');
    });

    it('lets a valid CPF sign up while the Receita is down, with credit closed until the check is made', async () => {
      const input = newInput({ email: uniqueEmail('receita.fora') });
      await receita('/_sim/outage', { down: true });
      try {
        const session = await signUpPatient(stack, input, someAddress());
        const me = await stack.graphql<{ me: { cpfCheck: { status: string; opensCredit: boolean } } }>(ME, {}, bearer(session.accessToken));
        expect(me.body.data!.me.cpfCheck).toMatchObject({ status: 'UNVERIFIED', checkedAt: null, opensCredit: false });
        const demo = await demoCast(stack);
        const plans = await stack.graphql<{ paymentPlans: { id: string; contractTermsHash: string }[] }>('query($p: ID!) { paymentPlans(procedureId: $p, firstDueDay: 10) { id contractTermsHash } }', { p: demo.procedureId });
        const terms = plans.body.data!.paymentPlans.find((plan) => plan.id === 'CREDIARIO:3')!.contractTermsHash;
        const crediario = { procedureId: demo.procedureId, planId: 'CREDIARIO:3', method: 'PIX', firstDueDay: 10, incomeBand: 'DE_2_A_4_SM', acceptedContractTermsHash: terms };
        const CHECKOUT = 'mutation($input: CheckoutInput!) { checkout(input: $input) { id status } }';
        const blocked = await stack.graphql(CHECKOUT, { input: { ...crediario, idempotencyKey: randomUUID() } }, bearer(session.accessToken));
        expect(blocked.body.errors?.[0]).toMatchObject({ extensions: { code: 'CPF_CHECK_PENDING' }, message: expect.stringMatching(/confirmando seu CPF/) });
        // PIX, boleto and card do not wait for the Receita.
        const pix = await stack.graphql<{ checkout: { status: string } }>(CHECKOUT, { input: { procedureId: demo.procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } }, bearer(session.accessToken));
        expect(pix.body.data!.checkout.status).toBe('AWAITING_PAYMENT');

        await receita('/_sim/outage', { down: false });
        // Back up (once the circuit lets a call through): the crediário's own check is made on the spot,
        // and the contract goes out for signature. Each refused attempt wrote nothing.
        const contracted = await eventually(
          () => stack.graphql<{ checkout: { status: string } }>(CHECKOUT, { input: { ...crediario, idempotencyKey: randomUUID() } }, bearer(session.accessToken)),
          (answer) => answer.body.errors?.[0]?.extensions?.code !== 'CPF_CHECK_PENDING',
          'the check made again',
        );
        expect(contracted.body.errors).toBeUndefined();
        expect(contracted.body.data!.checkout.status).toBe('AWAITING_SIGNATURE');
        const checked = await stack.graphql<{ me: { cpfCheck: { status: string; opensCredit: boolean } } }>(ME, {}, bearer(session.accessToken));
        expect(checked.body.data!.me.cpfCheck).toMatchObject({ status: 'REGULAR', opensCredit: true });
      } finally {
        await receita('/_sim/outage', { down: false });
      }
    });
  });
});
