// Key rotation under load, through the router, in both database modes: the JWT signing key changes
// while people keep reading, logging in, registering and paying (tokens issued before it keep working
// through the overlap, new ones carry the new kid, nothing fails); then a new data key arrives, the
// re-encryption job moves every encrypted value under it while writes continue, and the old key is
// removed with every value still readable.
//
// Each subgraph here is one process, so a configuration change is a restart, and the traffic waits
// for the few hundred milliseconds a restart takes (in production replicas roll behind a load
// balancer: README, key rotation). Everything else runs throughout.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpfFromBase, maskCpf } from '@medpay/br-documents';
import { FieldEncryption } from '@medpay/runtime';
import { eventually } from '@medpay/runtime/testing';
import { generateKeyPairSync, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableModes, bearer, demoCast, signUpPatient, startStack, type Stack } from './stack.js';

const kidOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as { kid: string }).kid;
const newSigningJwk = (kid: string) => ({ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }), kid });
const publicHalf = ({ d: _private, ...rest }: Record<string, unknown>) => rest;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Registered {
  email: string;
  cpf: string;
}

/**
 * Requests sent without pause by a few loops: a patient reading with a token issued before any
 * rotation, logins (each new token used at once), and checkouts paid by PIX plus sign-ups (which
 * write encrypted procedure names, notifications and CPFs). Every answer with an error is kept.
 */
class Traffic {
  readonly failures: string[] = [];
  readonly counts = { reads: 0, logins: 0, payments: 0, registrations: 0 };
  readonly kidsIssued = new Set<string>();
  readonly registered: Registered[] = [];
  private running = true;
  private gate: Promise<void> | null = null;
  private openGate = () => {};
  private inFlight = 0;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly stack: Stack,
    private readonly patientToken: string,
    private readonly procedureId: string,
  ) {}

  start() {
    this.loops = [this.loop(() => this.read()), this.loop(() => this.login()), this.loop(() => this.pay()), this.loop(() => this.register())];
  }

  /** Holds new requests and waits for those in flight (a restart is about to happen). */
  async hold() {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
    await eventually(() => this.inFlight, (n) => n === 0, 'requests in flight to finish');
  }

  release() {
    this.gate = null;
    this.openGate();
  }

  async stop() {
    this.running = false;
    this.release();
    await Promise.all(this.loops);
  }

  private async loop(step: () => Promise<void>) {
    while (this.running) {
      if (this.gate) await this.gate;
      if (!this.running) return;
      this.inFlight += 1;
      try {
        await step();
      } catch (error) {
        this.failures.push(String(error));
      } finally {
        this.inFlight -= 1;
      }
      await pause(10);
    }
  }

  private async expectOk<T>(what: string, answer: Promise<{ status: number; body: { data?: T; errors?: unknown[] } }>): Promise<T> {
    const { status, body } = await answer;
    if (status !== 200 || body.errors || !body.data) throw new Error(`${what}: ${status} ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  private async read() {
    const data = await this.expectOk<{ me: { cpfMasked: string | null } }>('read', this.stack.graphql('{ me { id cpfMasked } myPayments(first: 3) { edges { node { id status } } } }', {}, bearer(this.patientToken)));
    if (!data.me.cpfMasked) throw new Error('read: no CPF');
    this.counts.reads += 1;
  }

  private async login() {
    const { accessToken } = await this.stack.login('clinica@demo.medpay.com.br');
    this.kidsIssued.add(kidOf(accessToken));
    await this.expectOk('use of a new token', this.stack.graphql('{ me { id roles } unreadNotificationsCount }', {}, bearer(accessToken)));
    this.counts.logins += 1;
  }

  private async pay() {
    const created = await this.expectOk<{ checkout: { pix: { copiaECola: string } } }>(
      'checkout',
      this.stack.graphql('mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }', { input: { procedureId: this.procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } }, bearer(this.patientToken)),
    );
    const paid = await fetch(`${this.stack.celcoin.url}/_sim/pix/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: created.checkout.pix.copiaECola }) });
    if (!paid.ok) throw new Error(`PIX payment: ${paid.status}`);
    this.counts.payments += 1;
  }

  private async register() {
    const cpf = cpfFromBase(String(randomInt(100_000_000, 999_999_999)));
    const email = `rotacao.${randomBytes(5).toString('hex')}@example.com`;
    // Sign-ups are limited per address: each comes from an address of its own behind the trusted proxy.
    const address = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
    // Signed up and confirmed through the e-mail: the sign-up's CPF is encrypted under the key then in force.
    await signUpPatient(this.stack, { name: 'Paciente Rotação', email, password: 'Rotacao@2026!x', cpf }, address);
    this.registered.push({ email, cpf });
    this.counts.registrations += 1;
    await pause(200);
  }
}

describe.each(availableModes())('key rotation under load (%s)', (mode) => {
  let stack: Stack;
  let traffic: Traffic;
  let patientToken: string;
  let procedure: { id: string; name: string };
  const directories: string[] = [];
  // In embedded mode the restarted subgraphs find their data again in PGlite directories.
  const databaseOf = (name: string) => {
    const directory = mkdtempSync(join(tmpdir(), `medpay-rotation-${name}-`));
    directories.push(directory);
    return `pglite:${directory}`;
  };
  const nextJwk = newSigningJwk('signing-2');
  const newDataKey = randomBytes(32).toString('base64url');
  let jwtOverlap: Record<string, string> = {};
  let firstJwks: { keys: Record<string, unknown>[] };

  beforeAll(async () => {
    const databases: Record<string, string> = mode === 'embedded'
      ? { USERS_DATABASE_URL: databaseOf('users'), PAYMENTS_DATABASE_URL: databaseOf('payments'), NOTIFICATIONS_DATABASE_URL: databaseOf('notifications') }
      : {};
    stack = await startStack(mode, { ...databases, JWT_JWKS_REFRESH_SECONDS: '1', JWT_JWKS_MIN_REFRESH_SECONDS: '1' }, { notifications: true });
    const cast = await demoCast(stack);
    patientToken = cast.patient.accessToken;
    const { body } = await stack.graphql<{ procedure: { id: string; name: string } }>('query($id: ID!) { procedure(id: $id) { id name } }', { id: cast.procedureId });
    procedure = body.data!.procedure;
    firstJwks = (await (await fetch(`${stack.users.url}/.well-known/jwks.json`)).json()) as typeof firstJwks;
    traffic = new Traffic(stack, patientToken, procedure.id);
    traffic.start();
    await eventually(() => traffic.counts, (c) => c.reads > 3 && c.logins > 1 && c.payments > 1 && c.registrations > 1, 'traffic before any rotation', 300_000);
  }, 900_000);

  afterAll(async () => {
    await traffic?.stop();
    await stack?.close();
    for (const directory of directories) rmSync(directory, { recursive: true, force: true });
  });

  it('rotates the JWT signing key: tokens from before keep working through the overlap, new ones carry the new kid', async () => {
    expect(traffic.kidsIssued).toEqual(new Set(['test']));
    jwtOverlap = { JWT_PRIVATE_JWK: JSON.stringify(nextJwk), JWT_EXTRA_PUBLIC_JWKS: JSON.stringify(firstJwks.keys.map(publicHalf)) };
    await traffic.hold();
    await stack.restartUsers(jwtOverlap);
    traffic.release();

    const jwks = (await (await fetch(`${stack.users.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string; d?: string }[] };
    expect(jwks.keys.map((key) => key.kid)).toEqual(['signing-2', 'test']);
    expect(jwks.keys.some((key) => 'd' in key)).toBe(false);
    const readsBefore = traffic.counts.reads;
    await eventually(() => traffic.kidsIssued, (kids) => kids.has('signing-2'), 'a login under the new key', 120_000);
    await eventually(() => traffic.counts.reads, (n) => n > readsBefore + 3, 'reads with the token from before the rotation', 120_000);
    // A token of the previous key the router has never seen verifies too (the overlap, not a cache).
    const unseen = await stack.issueAccessToken((await stack.login('paciente@demo.medpay.com.br')).userId, ['PATIENT']);
    expect(kidOf(unseen)).toBe('test');
    expect((await stack.graphql('{ me { id } }', {}, bearer(unseen))).body.errors).toBeUndefined();
    expect(kidOf((await stack.login('paciente@demo.medpay.com.br')).accessToken)).toBe('signing-2');
    expect(traffic.failures).toEqual([]);
  }, 300_000);

  it('adds a data key and re-encrypts every value under it while writes continue; then the old key goes', async () => {
    const services = () => [stack.users, stack.payments, stack.notifications!];
    const pendingOf = async () => (await Promise.all(services().map((service) => service.reEncryption.pending()))).flatMap((counts) => Object.values(counts));
    const ring = { DATA_ENCRYPTION_KEYS: `2:${newDataKey}`, REENCRYPTION_BATCH_SIZE: '5', REENCRYPTION_PAUSE_MS: '20' };
    const paymentsBefore = traffic.counts.payments;
    const registeredBefore = traffic.counts.registrations;

    await traffic.hold();
    await stack.restartUsers({ ...jwtOverlap, ...ring });
    await stack.restartPayments(ring);
    await stack.restartNotifications(ring);
    traffic.release();

    // The jobs rewrite the values written before, in batches of five, while new ones arrive under key 2.
    await eventually(pendingOf, (counts) => counts.every((count) => count === 0), 'every value under the new key', 600_000);
    await eventually(() => traffic.counts, (c) => c.payments > paymentsBefore + 2 && c.registrations > registeredBefore + 1, 'writes during re-encryption', 300_000);
    for (const service of services()) expect(service.metrics.get('reencryption_rewritten_values')).toBeGreaterThan(0);
    expect(stack.payments.metrics.get('reencryption_unreadable_values')).toBe(0);
    await traffic.stop();
    expect(traffic.failures).toEqual([]);
    expect((await pendingOf()).every((count) => count === 0)).toBe(true);

    // Values decrypt to what was written, under key 2 alone.
    const onlyNewKey = new FieldEncryption({ current: 2, keys: { 2: newDataKey } }, randomBytes(32).toString('base64url'));
    const payments = await stack.payments.prisma.payment.findMany({ select: { procedureNameEncrypted: true } });
    expect(payments.length).toBeGreaterThanOrEqual(traffic.counts.payments);
    expect(new Set(payments.map((payment) => onlyNewKey.decrypt(payment.procedureNameEncrypted)))).toEqual(new Set([procedure.name]));

    // The old key is removed (and the JWT overlap ended): everything is still readable through the graph.
    const withoutOldKey = { DATA_ENCRYPTION_KEY: '', DATA_ENCRYPTION_KEYS: `2:${newDataKey}` };
    await stack.restartUsers({ JWT_PRIVATE_JWK: JSON.stringify(nextJwk), ...withoutOldKey });
    await stack.restartPayments(withoutOldKey);
    await stack.restartNotifications(withoutOldKey);

    const admin = await stack.login('admin@demo.medpay.com.br');
    expect(kidOf(admin.accessToken)).toBe('signing-2');
    for (const person of [traffic.registered[0]!, traffic.registered.at(-1)!]) {
      const found = await stack.graphql<{ users: { edges: { node: { email: string; cpfMasked: string } }[] } }>(
        'query($search: String) { users(filter: { search: $search }) { edges { node { email cpfMasked } } } }',
        { search: person.cpf },
        bearer(admin.accessToken),
      );
      expect(found.body.data?.users.edges.map((edge) => edge.node)).toEqual([{ email: person.email, cpfMasked: maskCpf(person.cpf) }]);
    }
    const patient = await stack.login('paciente@demo.medpay.com.br');
    const me = await stack.graphql<{ me: { cpfMasked: string }; myNotifications: { edges: { node: { title: string; body: string } }[] } }>(
      '{ me { cpfMasked } myNotifications(first: 50) { edges { node { title body } } } }',
      {},
      bearer(patient.accessToken),
    );
    expect(me.body.errors).toBeUndefined();
    expect(me.body.data!.me.cpfMasked).toMatch(/^\*\*\*\.\d{3}\.\d{3}-\*\*$/);
    expect(me.body.data!.myNotifications.edges.length).toBeGreaterThan(0);
    expect(me.body.data!.myNotifications.edges.every(({ node }) => node.title && node.body)).toBe(true);

    // With the overlap over, a token of the previous key is refused once the router has read the JWKS again.
    await eventually(
      async () => (await stack.graphql('{ me { id } }', {}, bearer(await stack.issueAccessToken(patient.userId, ['PATIENT'])))).body.errors?.[0]?.extensions?.code,
      (code) => code === 'UNAUTHENTICATED',
      'the previous key to be refused',
      60_000,
    );
  }, 900_000);
});
