// Benchmark 3: the domain workload through the router on a realistic dataset (10,000 patients,
// 500 clinics with a staff member each, 5,000 procedures, 100,000 payments), seeded with bulk SQL
// straight into each subgraph's database. The whole stack runs in this process (e2e/stack.ts); the
// load comes from another. SQL statements per operation are read from each subgraph's
// `sql_statements_total` (Prisma query events), summed over the three subgraphs.
import { cpfFromBase } from '@medpay/br-documents';
import { anonymousClaims, CLAIMS_HEADER, FieldEncryption, signClaims, type Role } from '@medpay/runtime';
import { PGlite } from '@electric-sql/pglite';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startStack, type Stack } from '../e2e/stack.js';
import { runLoad, type LoadResult } from './lib/load.js';
import { benchRoot } from './lib/processes.js';

export const CATALOG_THROUGH_ROUTER = "a clinic's catalog (10 procedures, anonymous), through the router";
export const CATALOG_DIRECT = '… the same, direct to the providers subgraph';
export const DATASET = { patients: 10_000, clinics: 500, proceduresPerClinic: 10, payments: 100_000 };
const SERVICES = ['users', 'providers', 'payments'] as const;
type Service = (typeof SERVICES)[number];

export interface DomainOptions {
  rounds: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
}

export interface DomainOperation {
  name: string;
  rounds: LoadResult[];
  /** SQL statements per operation, by page size (one entry when the operation has no page) */
  statements: Record<string, number>;
}

export interface DomainResults {
  mode: string;
  seedSeconds: number;
  operations: DomainOperation[];
}

/** Deterministic ids, the same in SQL (md5 of a label, as a uuid) and here. */
const idSql = (label: string, index: string) => `md5('${label}-' || ${index})::uuid`;

/** The patients the load acts as (tokens, checkout): a spread over the dataset. */
const CALLERS = 100;
const callerPatients = Array.from({ length: CALLERS }, (_, i) => 1 + ((i * 97) % DATASET.patients));

function seedStatements(encryption: FieldEncryption): Record<Service, string[]> {
  // Checkout needs the payer's CPF: the patients the load acts as get one (valid, encrypted, indexed).
  const cpfs = callerPatients.map((patient) => {
    const cpf = cpfFromBase(String(800_000_000 + patient));
    return `(${idSql('patient', String(patient))}, '${encryption.encrypt(cpf)}', '${encryption.blindIndex(cpf)}')`;
  });
  const procedureNameCiphertext = encryption.encrypt('Procedimento de benchmark');
  const { patients, clinics, proceduresPerClinic, payments } = DATASET;
  const procedures = clinics * proceduresPerClinic;
  return {
    users: [
      `INSERT INTO users (id, name, email, password_hash, roles, updated_at)
       SELECT ${idSql('patient', 'i')}, 'Paciente ' || i, 'paciente' || i || '@bench.medpay.com.br', 'not-a-login', ARRAY['PATIENT']::role[], now()
       FROM generate_series(1, ${patients}) i`,
      `INSERT INTO users (id, name, email, password_hash, roles, updated_at)
       SELECT ${idSql('staff', 'i')}, 'Equipe ' || i, 'equipe' || i || '@bench.medpay.com.br', 'not-a-login', ARRAY['CLINIC_STAFF']::role[], now()
       FROM generate_series(1, ${clinics}) i`,
      `UPDATE users SET cpf_encrypted = v.cpf, cpf_blind_index = v.idx FROM (VALUES ${cpfs.join(', ')}) AS v(id, cpf, idx) WHERE users.id = v.id`,
    ],
    providers: [
      `INSERT INTO clinics (id, legal_name, trade_name, cnpj, street, city, city_key, state, postal_code, specialties, specialty_keys, status, updated_at)
       SELECT ${idSql('clinic', 'i')}, 'Clínica Bench ' || i || ' Ltda', 'Clínica Bench ' || i, '77' || lpad(i::text, 12, '0'), 'Rua da Bench, ' || i,
              'São Paulo', 'sao paulo', 'SP', '01000-000', ARRAY['Odontologia'], ARRAY['odontologia'], 'ACTIVE', now()
       FROM generate_series(1, ${clinics}) i`,
      `INSERT INTO procedures (id, clinic_id, name, description, category, price_centavos, duration_minutes, interest_free_installments, active, updated_at)
       SELECT ${idSql('procedure', 'i')}, ${idSql('clinic', `(1 + (i - 1) / ${proceduresPerClinic})`)}, 'Procedimento ' || i, 'Procedimento de benchmark',
              'Odontologia', 20000, 30, 3, true, now()
       FROM generate_series(1, ${procedures}) i`,
      `INSERT INTO clinic_members (clinic_id, user_id, role) SELECT ${idSql('clinic', 'i')}, ${idSql('staff', 'i')}, 'ADMIN' FROM generate_series(1, ${clinics}) i`,
    ],
    // Finished payments (paid out or expired): nothing for the worker to move while the load runs.
    payments: [
      `INSERT INTO payments (id, payer_id, clinic_id, procedure_id, procedure_name_encrypted, plan_kind, method, status, escrow_state, installment_count,
                             gross_centavos, platform_fee_centavos, processing_cost_centavos, clinic_net_centavos, patient_total_centavos, created_at, updated_at)
       SELECT ${idSql('payment', 'i')}, ${idSql('patient', `(1 + i % ${patients})`)}, ${idSql('clinic', `(1 + (i % ${procedures}) / ${proceduresPerClinic})`)},
              ${idSql('procedure', `(1 + i % ${procedures})`)}, '${procedureNameCiphertext}', 'A_VISTA', 'PIX',
              (CASE WHEN i % 10 = 0 THEN 'EXPIRED' ELSE 'PAID_OUT' END)::payment_status, (CASE WHEN i % 10 = 0 THEN 'NONE' ELSE 'PAID_OUT' END)::escrow_state, 1,
              20000, 800, 199, 19001, 20000, now() - (i || ' minutes')::interval, now()
       FROM generate_series(1, ${payments}) i`,
    ],
  };
}

/** The same ids from TypeScript (for tokens and variables): PostgreSQL's md5 text as a uuid. */
async function idOf(label: string, index: number): Promise<string> {
  const hex = (await import('node:crypto')).createHash('md5').update(`${label}-${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const PATIENT_PAGE = `query PatientPayments($first: Int) { myPayments(first: $first) { totalCount edges { node {
  id status createdAt amounts { patientTotalCentavos } clinic { tradeName } procedure { name } } } } }`;
const CLINIC_PAGE = `query ClinicPayments($clinicId: ID!, $first: Int) { clinic(id: $clinicId) { tradeName payments(first: $first) { totalCount edges { node {
  id status createdAt amounts { grossCentavos clinicNetCentavos } payer { name } procedure { name } } } } } }`;
const PLANS = 'query Plans($procedureId: ID!) { paymentPlans(procedureId: $procedureId) { id kind installmentCount } }';
const CLINIC_CATALOG = 'query Catalog($id: ID!) { clinic(id: $id) { tradeName specialties procedures(first: 10) { edges { node { id name priceCentavos } } } } }';
const CHECKOUT = `mutation Checkout($input: CheckoutInput!) { checkout(input: $input) { id status } }`;

export async function runDomainWorkload(options: DomainOptions, log: (line: string) => void): Promise<DomainResults> {
  const postgresUrl = process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL ? process.env.TEST_DATABASE_URL : undefined;
  const keys = { DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64url'), BLIND_INDEX_KEY: randomBytes(32).toString('base64url') };
  // The worker would otherwise poll every 200 ms and count in the statements of every operation.
  const quiet = { ...keys, WORKER_INTERVAL_MS: '3600000', LOG_LEVEL: 'silent' };
  const dataDir = join(benchRoot, 'results', 'domain-data');
  let databases: Record<string, string>;
  let run: (service: Service, sql: string) => Promise<void>;
  let dropData: () => Promise<void>;
  if (postgresUrl) {
    const name = `medpay_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    databases = { DATABASE_URL: url.toString() };
    dropData = async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name}`).finally(() => client.end());
    };
    run = async (service, sql) => {
      const client = new pg.Client({ connectionString: url.toString(), options: `-c search_path="${service}"` });
      await client.connect();
      await client.query(sql).finally(() => client.end());
    };
  } else {
    // PGlite directories of our own, so the seed can write them between two starts of the stack.
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    databases = Object.fromEntries(SERVICES.map((service) => [`${service.toUpperCase()}_DATABASE_URL`, `pglite:${join(dataDir, service)}`]));
    dropData = async () => rmSync(dataDir, { recursive: true, force: true });
    run = async (service, sql) => {
      const db = new PGlite(join(dataDir, service));
      await db.exec(sql).finally(() => db.close());
    };
  }

  // First start: migrations and the demo catalog; then the bulk seed with the stack stopped.
  const seedStarted = performance.now();
  await (await startStack(postgresUrl ? 'postgres' : 'embedded', { ...quiet, ...databases, SEED_DEMO_DATA: 'true' })).close();
  const encryption = new FieldEncryption(keys.DATA_ENCRYPTION_KEY, keys.BLIND_INDEX_KEY);
  for (const [service, statements] of Object.entries(seedStatements(encryption)) as [Service, string[]][]) {
    for (const sql of statements) await run(service, sql);
    if (!postgresUrl) await run(service, 'VACUUM ANALYZE');
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  log(`  seeded in ${seedSeconds.toFixed(0)} s`);

  const stack: Stack = await startStack(postgresUrl ? 'postgres' : 'embedded', { ...quiet, ...databases, SEED_DEMO_DATA: 'false' });
  try {
    const token = async (label: string, index: number, roles: Role[]) => stack.issueAccessToken(await idOf(label, index), roles);
    // A spread of callers: each connection walks the list, so consecutive requests are other people's.
    const callers = CALLERS;
    const patients = await Promise.all(callerPatients.map((patient) => token('patient', patient, ['PATIENT'])));
    const staff = await Promise.all(
      Array.from({ length: callers }, async (_, i) => {
        const clinic = 1 + ((i * 7) % DATASET.clinics);
        return { clinic, token: await token('staff', clinic, ['CLINIC_STAFF']) };
      }),
    );
    const procedures = await Promise.all(Array.from({ length: callers }, (_, i) => idOf('procedure', 1 + ((i * 53) % (DATASET.clinics * DATASET.proceduresPerClinic)))));

    const bearer = (value: string) => ({ authorization: `Bearer ${value}` });
    const operations = {
      patientPage: (first: number) => ({
        bodies: patients.map(() => JSON.stringify({ query: PATIENT_PAGE, variables: { first } })),
        headers: patients.map(bearer),
      }),
      clinicPage: async (first: number) => ({
        bodies: await Promise.all(staff.map(async ({ clinic }) => JSON.stringify({ query: CLINIC_PAGE, variables: { clinicId: await idOf('clinic', clinic), first } }))),
        headers: staff.map(({ token }) => bearer(token)),
      }),
      catalog: async () => {
        const bodies = await Promise.all(staff.map(async ({ clinic }) => JSON.stringify({ query: CLINIC_CATALOG, variables: { id: await idOf('clinic', clinic) } })));
        return { bodies, headers: bodies.map(() => ({})) };
      },
      plans: () => ({ bodies: procedures.map((procedureId) => JSON.stringify({ query: PLANS, variables: { procedureId } })), headers: procedures.map(() => ({})) }),
      // Unique idempotency keys: autocannon puts a fresh id in each request's [<id>].
      checkout: () => ({
        bodies: procedures.map((procedureId) => JSON.stringify({ query: CHECKOUT, variables: { input: { procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: 'bench-[<id>]' } } })),
        headers: patients.map(bearer),
      }),
    };

    const statements = () => SERVICES.reduce((sum, service) => sum + stack[service].metrics.get('sql_statements_total'), 0);
    /** SQL statements one request costs: the mean over a few sent one at a time. */
    const statementsPer = async (request: Request) => {
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) {
        const before = statements();
        const response = await fetch(request.url ?? stack.routerUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...request.headers[i] },
          body: request.bodies[i]!.replace('[<id>]', randomUUID()),
        });
        const body = (await response.json()) as { data?: unknown; errors?: unknown };
        if (!body.data || body.errors) throw new Error(`domain operation failed: ${JSON.stringify(body.errors ?? body).slice(0, 400)}`);
        samples.push(statements() - before);
      }
      return Math.min(...samples);
    };

    type Request = { bodies: string[]; headers: Record<string, string>[]; url?: string };
    const catalog = await operations.catalog();
    const providersUrl = `${stack.providers.url}/graphql`;
    // Straight to the subgraph, it answers only claims the router signed: anonymous ones, as the router sends.
    const direct = { ...catalog, url: providersUrl, headers: catalog.headers.map(() => ({ [CLAIMS_HEADER]: signClaims(anonymousClaims(3600), stack.secret) })) };
    const measured: [string, Request, Record<string, Request>][] = [
      ['patient payments page (10 rows, clinic and procedure)', operations.patientPage(10), { '10': operations.patientPage(10), '100': operations.patientPage(100) }],
      ['clinic payments page (50 rows, payers)', await operations.clinicPage(50), { '10': await operations.clinicPage(10), '100': await operations.clinicPage(100) }],
      ['paymentPlans (anonymous)', operations.plans(), { '–': operations.plans() }],
      ['checkout (PIX, unique idempotency keys)', operations.checkout(), { '–': operations.checkout() }],
      // Router overhead over a real subgraph: a query the providers subgraph answers alone.
      [CATALOG_THROUGH_ROUTER, catalog, { '–': catalog }],
      [CATALOG_DIRECT, direct, { '–': direct }],
    ];
    const results: DomainOperation[] = [];
    for (const [name, , pages] of measured) {
      const counts: Record<string, number> = {};
      for (const [size, request] of Object.entries(pages)) counts[size] = await statementsPer(request);
      results.push({ name, rounds: [], statements: counts });
    }
    const spec = (load: Request, seconds: number) => ({
      url: load.url ?? stack.routerUrl,
      connections: options.connections,
      seconds,
      bodies: load.bodies,
      headersPerBody: load.headers,
    });
    for (const [name, load] of measured) {
      log(`  warm-up ${name}`);
      await runLoad(spec(load, options.warmupSeconds));
    }
    for (let round = 0; round < options.rounds; round++) {
      for (const [index, [name, load]] of measured.entries()) {
        const result = await runLoad(spec(load, options.seconds));
        results[index]!.rounds.push(result);
        log(`  round ${round + 1} ${name}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms, ${result.errors} errors`);
      }
    }
    return { mode: postgresUrl ? 'PostgreSQL (TEST_DATABASE_URL)' : 'embedded PGlite, in the bench process', seedSeconds, operations: results };
  } finally {
    await stack.close();
    await dropData();
  }
}
