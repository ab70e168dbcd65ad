// LGPD through the router, in every available database mode: consent (the terms and privacy-policy
// versions accepted at sign-up, re-acceptance, the marketing opt-in and its history) and the
// sensitive-data access log (clinic staff reading a patient's procedure, an admin reading a whole CPF,
// the person's own reads left out, the person seeing who read their data, nobody else seeing it).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpfFromBase } from '@medpay/br-documents';
import { eventually } from '@medpay/runtime/testing';
import { randomInt, randomUUID } from 'node:crypto';
import { availableModes, bearer, demoCast, SIGN_UP, signUpPatient, startStack, type Session, type Stack } from './stack.js';

const uniqueCpf = () => cpfFromBase(String(randomInt(100_000_000, 999_999_999)));
const uniqueEmail = (tag: string) => `${tag}.${Date.now()}.${randomInt(1e9)}@exemplo.com.br`;

const CONSENT = `{ me { id consent { termsVersion privacyPolicyVersion acceptedAt marketing marketingUpdatedAt needsReacceptance
  history { kind termsVersion privacyPolicyVersion at ipAddress } } } }`;
const ACCESS_FIELDS = 'id at readerKind readerId readerRoles reader { id name } readerClinic { id } subject { id } field operation purpose';

interface ConsentView {
  termsVersion: string | null;
  privacyPolicyVersion: string | null;
  acceptedAt: string | null;
  marketing: boolean;
  marketingUpdatedAt: string | null;
  needsReacceptance: boolean;
  history: { kind: string; termsVersion: string | null; privacyPolicyVersion: string | null; at: string; ipAddress: string }[];
}

interface AccessView {
  id: string;
  at: string;
  readerKind: string;
  readerId: string;
  readerRoles: string[];
  reader: { id: string; name: string } | null;
  readerClinic: { id: string } | null;
  subject: { id: string };
  field: string;
  operation: string;
  purpose: string;
}

describe.each(availableModes())('LGPD (%s)', (mode) => {
  let stack: Stack;
  let terms: { termsVersion: string; termsDate: string; privacyPolicyVersion: string; privacyPolicyDate: string };

  beforeAll(async () => {
    stack = await startStack(mode, { TERMS_VERSION: '2026-11-29', TERMS_DATE: '2026-11-29', PRIVACY_POLICY_VERSION: '2026-12-01', PRIVACY_POLICY_DATE: '2026-12-01' }, { notifications: true });
    const { body } = await stack.graphql<{ legalTerms: typeof terms }>('{ legalTerms { termsVersion termsDate privacyPolicyVersion privacyPolicyDate } }');
    terms = body.data!.legalTerms;
  }, 120_000);
  afterAll(() => stack?.close());

  /** A patient signed up (from `address`) and confirmed through the e-mail; their access token. */
  const register = async (acceptedTerms?: { termsVersion: string; privacyPolicyVersion: string }, address?: string) =>
    (await signUpPatient(stack, { name: 'Beatriz Lima Rocha', email: uniqueEmail('lgpd'), password: 'Saude#2026forte', cpf: uniqueCpf(), ...(acceptedTerms ? { acceptedTerms } : {}) }, address)).accessToken;
  const consentOf = async (token: string) => (await stack.graphql<{ me: { consent: ConsentView } }>(CONSENT, {}, bearer(token))).body.data!.me.consent;

  describe('consent', () => {
    it('shows the versions in force to anyone', () => {
      expect(terms).toEqual({ termsVersion: '2026-11-29', termsDate: '2026-11-29', privacyPolicyVersion: '2026-12-01', privacyPolicyDate: '2026-12-01' });
    });

    it('records the versions accepted on the sign-up form, from its address, when the e-mail confirms the account', async () => {
      const before = Date.now();
      const consent = await consentOf(await register({ termsVersion: terms.termsVersion, privacyPolicyVersion: terms.privacyPolicyVersion }, '198.51.100.77'));
      expect(consent).toMatchObject({ termsVersion: '2026-11-29', privacyPolicyVersion: '2026-12-01', marketing: false, marketingUpdatedAt: null, needsReacceptance: false });
      expect(Date.parse(consent.acceptedAt!)).toBeGreaterThanOrEqual(before - 1000);
      expect(consent.history).toEqual([{ kind: 'TERMS_ACCEPTED', termsVersion: '2026-11-29', privacyPolicyVersion: '2026-12-01', at: consent.acceptedAt, ipAddress: '198.51.100.77' }]);
    });

    it('refuses a sign-up that accepted an older version, creating nothing', async () => {
      const email = uniqueEmail('antigo');
      const cpf = uniqueCpf();
      const input = { name: 'Beatriz Lima Rocha', email, password: 'Saude#2026forte', cpf };
      const refused = await stack.graphql(SIGN_UP, { input: { ...input, acceptedTerms: { termsVersion: '2025-01-01', privacyPolicyVersion: terms.privacyPolicyVersion } } });
      expect(refused.body.errors?.[0]).toMatchObject({ message: expect.stringContaining('atualizados'), extensions: { code: 'TERMS_VERSION_OUTDATED' } });
      // Nothing was created: the same e-mail and CPF sign up with the current versions.
      const confirmed = await signUpPatient(stack, { ...input, acceptedTerms: { termsVersion: terms.termsVersion, privacyPolicyVersion: terms.privacyPolicyVersion } });
      expect((await consentOf(confirmed.accessToken)).termsVersion).toBe('2026-11-29');
    });

    it('asks an account that accepted nothing (or an older version) to accept again, and records the re-acceptance', async () => {
      const token = await register();
      expect(await consentOf(token)).toMatchObject({ termsVersion: null, acceptedAt: null, needsReacceptance: true, history: [] });

      const stale = await stack.graphql('mutation { acceptTerms(termsVersion: "2025-01-01", privacyPolicyVersion: "2025-01-01") { needsReacceptance } }', {}, bearer(token));
      expect(stale.body.errors?.[0]?.extensions?.code).toBe('TERMS_VERSION_OUTDATED');

      const accepted = await stack.graphql<{ acceptTerms: ConsentView }>(
        'mutation($t: String!, $p: String!) { acceptTerms(termsVersion: $t, privacyPolicyVersion: $p) { termsVersion privacyPolicyVersion needsReacceptance acceptedAt } }',
        { t: terms.termsVersion, p: terms.privacyPolicyVersion },
        bearer(token),
      );
      expect(accepted.body.data!.acceptTerms).toMatchObject({ termsVersion: '2026-11-29', privacyPolicyVersion: '2026-12-01', needsReacceptance: false });
      expect((await consentOf(token)).history.map((record) => record.kind)).toEqual(['TERMS_ACCEPTED']);
    });

    it('keeps marketing apart from the terms: granted and revoked at will, each choice recorded', async () => {
      const token = await register({ termsVersion: terms.termsVersion, privacyPolicyVersion: terms.privacyPolicyVersion });
      const set = async (granted: boolean) =>
        (await stack.graphql<{ setMarketingConsent: ConsentView }>('mutation($g: Boolean!) { setMarketingConsent(granted: $g) { marketing marketingUpdatedAt needsReacceptance } }', { g: granted }, bearer(token))).body.data!
          .setMarketingConsent;
      expect(await set(true)).toMatchObject({ marketing: true, needsReacceptance: false });
      expect(await set(false)).toMatchObject({ marketing: false });
      expect(await set(true)).toMatchObject({ marketing: true });
      const consent = await consentOf(token);
      expect(consent.marketing).toBe(true);
      expect(consent.history.map((record) => record.kind)).toEqual(['MARKETING_GRANTED', 'MARKETING_REVOKED', 'MARKETING_GRANTED', 'TERMS_ACCEPTED']);
      // The terms stay accepted whatever the marketing choice.
      expect(consent.termsVersion).toBe('2026-11-29');
    });

    it("shows a person's consent to themselves and platform admins only", async () => {
      const { patient, clinicAdmin, admin } = await demoCast(stack);
      const query = 'query($id: ID!) { user(id: $id) { consent { needsReacceptance } } }';
      const byAdmin = await stack.graphql<{ user: { consent: ConsentView } }>(query, { id: patient.userId }, bearer(admin.accessToken));
      // Demo accounts accepted the versions in force when they were seeded.
      expect(byAdmin.body.data!.user.consent.needsReacceptance).toBe(false);
      const byClinic = await stack.graphql(query, { id: patient.userId }, bearer(clinicAdmin.accessToken));
      expect(byClinic.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const anonymous = await stack.graphql('mutation { setMarketingConsent(granted: true) { marketing } }');
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('sensitive-data access log', () => {
    let cast: Awaited<ReturnType<typeof demoCast>>;
    let paymentId: string;
    const accessesOf = async (subjectId: string, session: Session = cast.admin) => {
      const { body } = await stack.graphql<{ sensitiveDataAccesses: { edges: { node: AccessView }[] } }>(
        `query($id: ID!) { sensitiveDataAccesses(subjectId: $id, first: 100) { edges { node { ${ACCESS_FIELDS} } } } }`,
        { id: subjectId },
        bearer(session.accessToken),
      );
      if (!body.data?.sensitiveDataAccesses) throw new Error(JSON.stringify(body.errors));
      return body.data.sensitiveDataAccesses.edges.map((edge) => edge.node);
    };

    beforeAll(async () => {
      cast = await demoCast(stack);
      const { body } = await stack.graphql<{ checkout: { id: string } }>(
        'mutation($input: CheckoutInput!) { checkout(input: $input) { id } }',
        { input: { procedureId: cast.procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } },
        bearer(cast.patient.accessToken),
      );
      paymentId = body.data!.checkout.id;
      // The patient's own reads, before anyone else's: they must never show up.
      const own = await stack.graphql(
        `query PatientOwnData($id: ID!) { me { name email cpf cpfMasked } payment(id: $id) { procedure { name } payer { name cpf } } }`,
        { id: paymentId },
        bearer(cast.patient.accessToken),
      );
      expect(own.body.errors).toBeUndefined();
    }, 60_000);

    it('records clinic staff reading a patient\'s procedure: who, for which clinic, what, when and why', async () => {
      const before = Date.now();
      const read = await stack.graphql<{ payment: { procedure: { name: string } } }>(
        'query ClinicPaymentDetail($id: ID!) { payment(id: $id) { id procedure { name } } }',
        { id: paymentId },
        bearer(cast.clinicAdmin.accessToken),
      );
      expect(read.body.data!.payment.procedure.name).toBe('Clareamento dental');
      const entries = await eventually(() => accessesOf(cast.patient.userId), (rows) => rows.some((row) => row.operation === 'ClinicPaymentDetail'), 'the staff read in the log');
      const entry = entries.find((row) => row.operation === 'ClinicPaymentDetail')!;
      expect(entry).toMatchObject({
        readerKind: 'USER',
        readerId: cast.clinicAdmin.userId,
        reader: { id: cast.clinicAdmin.userId },
        readerClinic: { id: cast.clinicId },
        subject: { id: cast.patient.userId },
        field: 'Payment.procedure',
        purpose: 'CLINIC_SERVICE',
      });
      expect(entry.readerRoles).toContain('CLINIC_STAFF');
      expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(before - 1000);
      expect(JSON.stringify(entry)).not.toContain('Clareamento');
    });

    it('records an admin reading a whole CPF, as back-office support', async () => {
      const read = await stack.graphql<{ user: { cpf: string } }>('query SupportCheckCpf($id: ID!) { user(id: $id) { cpf } }', { id: cast.patient.userId }, bearer(cast.admin.accessToken));
      expect(read.body.data!.user.cpf).toBe('52998224725');
      const entries = await eventually(() => accessesOf(cast.patient.userId), (rows) => rows.some((row) => row.field === 'User.cpf'), 'the CPF read in the log');
      expect(entries.find((row) => row.field === 'User.cpf')).toMatchObject({
        readerId: cast.admin.userId,
        readerRoles: expect.arrayContaining(['PLATFORM_ADMIN']),
        readerClinic: null,
        operation: 'SupportCheckCpf',
        purpose: 'BACK_OFFICE_SUPPORT',
      });
    });

    it("does not record a person's reads of their own data", async () => {
      // Both services have written something since the patient's own reads (the two tests above).
      const entries = await accessesOf(cast.patient.userId);
      expect(entries.some((row) => row.field === 'User.cpf') && entries.some((row) => row.field === 'Payment.procedure')).toBe(true);
      expect(entries.filter((row) => row.readerId === cast.patient.userId || row.operation === 'PatientOwnData')).toEqual([]);
    });

    it('shows the person who read their data, page by page', async () => {
      const mine = async (first: number, after?: string) =>
        (
          await stack.graphql<{ myDataAccesses: { edges: { cursor: string; node: AccessView }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
            `query($first: Int, $after: String) { myDataAccesses(first: $first, after: $after) { edges { cursor node { ${ACCESS_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
            { first, after },
            bearer(cast.patient.accessToken),
          )
        ).body.data!.myDataAccesses;
      const all = await mine(100);
      const readers = all.edges.map((edge) => `${edge.node.reader?.name} ${edge.node.field}`);
      expect(readers).toEqual(expect.arrayContaining([expect.stringMatching(/ Payment\.procedure$/), expect.stringMatching(/ User\.cpf$/)]));
      expect(all.edges.every((edge) => edge.node.subject.id === cast.patient.userId)).toBe(true);
      const first = await mine(1);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await mine(1, first.pageInfo.endCursor);
      expect(second.edges[0]!.node.id).toBe(all.edges[1]!.node.id);
      // Another patient's log holds none of these.
      const other = await stack.graphql<{ myDataAccesses: { edges: { node: AccessView }[] } }>('{ myDataAccesses { edges { node { subject { id } } } } }', {}, bearer(cast.otherPatient.accessToken));
      expect(other.body.data!.myDataAccesses.edges.every((edge) => edge.node.subject.id === cast.otherPatient.userId)).toBe(true);
    });

    it("refuses anyone but platform admins the log of another person's data", async () => {
      const query = 'query($id: ID!) { sensitiveDataAccesses(subjectId: $id) { edges { node { id } } } }';
      for (const session of [cast.clinicAdmin, cast.otherPatient, cast.patient]) {
        const { body } = await stack.graphql(query, { id: cast.patient.userId }, bearer(session.accessToken));
        expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      expect((await stack.graphql(query, { id: cast.patient.userId })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      // Straight at analytics with a patient's claims: the subgraph refuses it too.
      const direct = await stack.direct(stack.analytics, query, { sub: cast.otherPatient.userId, kind: 'user', roles: ['PATIENT'], scopes: [], exp: Math.floor(Date.now() / 1000) + 600 }, { id: cast.patient.userId });
      expect(direct.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });
});
