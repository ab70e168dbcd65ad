// The crediário contract signed digitally, and the documents that come with payments, through the
// router in both database modes with the ClickSign and Celcoin simulators: nothing is charged before
// the signature; signed → the first installment is charged; refused → canceled; unsigned in time →
// expired (ClickSign's deadline or our own sweep); declined by the back office meanwhile → the envelope
// canceled at ClickSign; duplicated and reordered webhooks change nothing
// twice; forged ones are refused; the contract, its signed copy and the receipts download only for
// whoever may read them, through signed links, and the receipt says what the ledger received.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { formatBRL } from '@medpay/money';
import { pdfText } from '@medpay/pdf-documents/testing';
import { eventually } from '@medpay/runtime/testing';
import { createHash, randomUUID } from 'node:crypto';
import { availableModes, bearer, demoCast, startStack, type Session, type Stack } from './stack.js';

type Document = { kind: string; filename: string; sha256: string; url: string; urlExpiresAt: string };
type Contract = { status: string; expiresAt: string; signedAt: string | null; signingUrl: string | null; document: Document | null; signedDocument: Document | null };
type Payment = { id: string; status: string; pix: { copiaECola: string } | null; history: { to: string }[]; contract: Contract | null; receipts: Document[] | null };

const DOCUMENT = 'kind filename sha256 url urlExpiresAt';
const PAYMENT = `query($id: ID!) { payment(id: $id) { id status pix { copiaECola } history { to }
  contract { status expiresAt signedAt signingUrl document { ${DOCUMENT} } signedDocument { ${DOCUMENT} } } receipts { ${DOCUMENT} } } }`;
const CHECKOUT = 'mutation($input: CheckoutInput!) { checkout(input: $input) { id status } }';

describe.each(availableModes())('crediário contracts and documents (%s)', (mode) => {
  let stack: Stack;
  let cast: Awaited<ReturnType<typeof demoCast>>;
  let mariana: Session;

  beforeAll(async () => {
    stack = await startStack(mode);
    cast = await demoCast(stack);
    mariana = await stack.login('mariana.costa@demo.medpay.com.br');
  }, 180_000);
  afterAll(() => stack?.close());

  const read = async (id: string, token: string) => stack.graphql<{ payment: Payment }>(PAYMENT, { id }, bearer(token));
  const payment = async (id: string, token: string) => (await read(id, token)).body.data!.payment;
  async function contract(who: Session, method: 'PIX' | 'BOLETO' = 'PIX') {
    const plans = await stack.graphql<{ paymentPlans: { id: string; contractTermsHash: string }[] }>('query($p: ID!) { paymentPlans(procedureId: $p, firstDueDay: 10) { id contractTermsHash } }', { p: cast.procedureId });
    const terms = plans.body.data!.paymentPlans.find((plan) => plan.id === 'CREDIARIO:3')!.contractTermsHash;
    const { body } = await stack.graphql<{ checkout: { id: string; status: string } }>(
      CHECKOUT,
      { input: { procedureId: cast.procedureId, planId: 'CREDIARIO:3', method, firstDueDay: 10, incomeBand: 'DE_2_A_4_SM', acceptedContractTermsHash: terms, idempotencyKey: randomUUID() } },
      bearer(who.accessToken),
    );
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    return body.data.checkout;
  }
  const sent = (id: string, who: Session) => eventually(() => payment(id, who.accessToken), (found) => found.contract?.status === 'SENT', 'the contract sent for signature');
  const download = async (url: string) => {
    const answer = await fetch(url);
    return { status: answer.status, bytes: Buffer.from(await answer.arrayBuffer()), headers: answer.headers };
  };
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  const clicksign = (path: string, body?: unknown, method = 'POST') =>
    fetch(`${stack.clicksign.url}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  type SimEnvelope = { id: string; status: string; signers: { id: string }[] };
  /** an envelope as the ClickSign simulator holds it, once ClickSign has canceled it */
  const canceledAtClickSign = (envelopeId: string | null) =>
    eventually(
      async () => ((await (await clicksign('/_sim/state', undefined, 'GET')).json()) as { envelopes: SimEnvelope[] }).envelopes.find((envelope) => envelope.id === envelopeId),
      (envelope) => envelope?.status === 'canceled',
      'the envelope canceled at ClickSign',
    ) as Promise<SimEnvelope>;
  const envelopeOf = async (paymentId: string) => (await stack.payments.prisma.contractSignature.findUniqueOrThrow({ where: { paymentId } })).envelopeId!;

  it('charges nothing before the signature; signed, the first installment is charged; paid, its receipt says what the ledger received', async () => {
    const created = await contract(cast.patient);
    expect(created.status).toBe('AWAITING_SIGNATURE');
    const waiting = await sent(created.id, cast.patient);
    expect(waiting).toMatchObject({ pix: null, receipts: [], contract: { status: 'SENT', signedAt: null, signingUrl: expect.stringMatching(/^http/) } });
    expect(Date.parse(waiting.contract!.expiresAt) - Date.now()).toBeGreaterThan(47 * 3600_000);

    // The contract as issued: a PDF whose hash is the one recorded, with the CET, the schedule and the terms accepted.
    const issued = await download(waiting.contract!.document!.url);
    expect(issued.status).toBe(200);
    expect(issued.headers.get('content-type')).toBe('application/pdf');
    expect(issued.headers.get('cache-control')).toMatch(/no-store/);
    expect(sha256(issued.bytes)).toBe(waiting.contract!.document!.sha256);
    const text = await pdfText(issued.bytes);
    expect(text).toMatch(/CET/);
    expect(text).toMatch(/529\.982\.247-25/);

    // Only the payer (and the back office) read the contract; the clinic sees the payment, not the contract.
    expect((await read(created.id, cast.clinicAdmin.accessToken)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await payment(created.id, cast.admin.accessToken);
    expect(admin.contract).toMatchObject({ status: 'SENT', signingUrl: null });
    // An altered link is refused, whatever it asks for.
    const forged = new URL(waiting.contract!.document!.url);
    forged.searchParams.set('key', forged.searchParams.get('key')!.replace(/.$/, (last) => (last === 'a' ? 'b' : 'a')));
    expect((await download(forged.toString())).status).toBe(403);

    await stack.signAs('paciente@demo.medpay.com.br');
    const signed = await eventually(() => payment(created.id, cast.patient.accessToken), (found) => found.pix !== null && found.contract?.signedDocument !== null, 'the first charge and the signed copy');
    expect(signed.history.map((change) => change.to)).toEqual(['AWAITING_SIGNATURE', 'AWAITING_PAYMENT']);
    expect(signed.contract).toMatchObject({ status: 'SIGNED', signedAt: expect.any(String), signingUrl: null });
    const copy = await download(signed.contract!.signedDocument!.url);
    expect(sha256(copy.bytes)).toBe(signed.contract!.signedDocument!.sha256);

    const paid = await fetch(`${stack.celcoin.url}/_sim/pix/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: signed.pix!.copiaECola }) });
    expect(paid.status).toBe(200);
    const withReceipt = await eventually(() => payment(created.id, cast.patient.accessToken), (found) => (found.receipts ?? []).length === 1, 'the receipt');
    const receipt = withReceipt.receipts![0]!;
    const received = await download(receipt.url);
    expect(sha256(received.bytes)).toBe(receipt.sha256);
    // What the gateway paid into our cash for the installment (the crediário's own disbursement aside).
    const entries = await stack.payments.prisma.ledgerEntry.findMany({ where: { transaction: { paymentId: created.id, id: { startsWith: 'installment:' } }, accountId: 'gateway_cash', direction: 'DEBIT' } });
    const inBooks = entries.reduce((sum, entry) => sum + Number(entry.amountCentavos), 0);
    expect(inBooks).toBeGreaterThan(0);
    const receiptText = await pdfText(received.bytes);
    expect(receiptText).toContain(formatBRL(inBooks));
    expect(receiptText).toMatch(/\*\*\*\.982\.247-\*\*/);
    expect(receiptText).not.toMatch(/529\.982\.247-25/);
    // The clinic reads the receipt of a payment to it; another patient does not even see the payment.
    const clinicView = await stack.graphql<{ payment: { receipts: { sha256: string }[] } }>('query($id: ID!) { payment(id: $id) { receipts { sha256 } } }', { id: created.id }, bearer(cast.clinicAdmin.accessToken));
    expect(clinicView.body.data!.payment.receipts).toEqual([{ sha256: receipt.sha256 }]);
    expect((await read(created.id, cast.otherPatient.accessToken)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('takes duplicated and reordered webhooks once, and refuses a forged one', async () => {
    const created = await contract(mariana);
    await sent(created.id, mariana);
    expect((await clicksign('/_sim/faults', { duplicateWebhooks: true, reorderWebhooks: true })).status).toBe(200);
    try {
      await stack.signAs('mariana.costa@demo.medpay.com.br');
      const signed = await eventually(() => payment(created.id, mariana.accessToken), (found) => found.pix !== null, 'the first charge');
      await eventually(async () => (await (await clicksign('/_sim/webhooks', undefined, 'GET')).json()) as { messages: { state: string }[] }, (log) => log.messages.length >= 4 && log.messages.every((message) => message.state === 'delivered'), 'every webhook delivered');
      expect(signed.history.map((change) => change.to)).toEqual(['AWAITING_SIGNATURE', 'AWAITING_PAYMENT']);
      expect(await stack.payments.prisma.charge.count({ where: { paymentId: created.id } })).toBe(1);
    } finally {
      await clicksign('/_sim/faults', undefined, 'DELETE');
    }
    const forged = await fetch(`${stack.router.url}/webhooks/clicksign`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-hmac': `sha256=${'0'.repeat(64)}` },
      body: JSON.stringify({ event: { name: 'deadline', occurred_at: new Date().toISOString() }, document: { key: randomUUID() } }),
    });
    expect(forged.status).toBe(401);
    expect((await payment(created.id, mariana.accessToken)).status).toBe('AWAITING_PAYMENT');
  });

  it('cancels a contract the patient refuses, and expires one left unsigned: at the deadline, or by our own 48-hour sweep', async () => {
    const refused = await contract(cast.otherPatient);
    await sent(refused.id, cast.otherPatient);
    await stack.signAs('joao.pereira@demo.medpay.com.br', 'refuse');
    const canceled = await eventually(() => payment(refused.id, cast.otherPatient.accessToken), (found) => found.status === 'CANCELED', 'the refusal');
    expect(canceled.contract!.status).toBe('REFUSED');

    const atDeadline = await contract(cast.otherPatient, 'BOLETO');
    await sent(atDeadline.id, cast.otherPatient);
    expect((await clicksign(`/_sim/envelopes/${await envelopeOf(atDeadline.id)}/expire`)).status).toBe(200);
    const expired = await eventually(() => payment(atDeadline.id, cast.otherPatient.accessToken), (found) => found.status === 'EXPIRED', 'the deadline');
    expect(expired.contract!.status).toBe('EXPIRED');

    // Our sweep does not wait for ClickSign: past 48 hours the payment expires and the envelope is canceled there.
    const forgotten = await contract(cast.otherPatient);
    await sent(forgotten.id, cast.otherPatient);
    await stack.payments.prisma.contractSignature.update({ where: { paymentId: forgotten.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const swept = await eventually(() => payment(forgotten.id, cast.otherPatient.accessToken), (found) => found.status === 'EXPIRED', 'the sweep');
    expect(swept.contract!.status).toBe('EXPIRED');
    const envelopeId = await envelopeOf(forgotten.id);
    await canceledAtClickSign(envelopeId);
    expect(await stack.payments.prisma.charge.count({ where: { paymentId: { in: [refused.id, atDeadline.id, forgotten.id] } } })).toBe(0);
  });

  it('cancels the envelope of a contract whose payment the back office declined meanwhile, so it can no longer be signed', async () => {
    const held = await contract(mariana);
    await sent(held.id, mariana);
    // Anti-fraud held this checkout for review (as checkout does on a REVIEW verdict).
    await stack.payments.prisma.payment.update({ where: { id: held.id }, data: { holdReason: 'FRAUD_REVIEW' } });
    const review = { source: 'RULES', decision: 'REVIEW', score: null, modelVersion: 'regras', reasons: [], features: {} };
    await stack.payments.prisma.fraudAssessment.upsert({ where: { paymentId: held.id }, create: { paymentId: held.id, ...review }, update: review });
    const declined = await stack.graphql<{ decideFraudReview: { status: string } }>('mutation($id: ID!) { decideFraudReview(paymentId: $id, decision: DECLINE) { status } }', { id: held.id }, bearer(cast.admin.accessToken));
    expect(declined.body.data?.decideFraudReview.status).toBe('DECLINED');

    const envelopeId = await envelopeOf(held.id);
    const canceled = await canceledAtClickSign(envelopeId);
    expect((await clicksign(`/_sim/signers/${canceled.signers[0]!.id}/sign`, {})).ok).toBe(false);
    const after = await payment(held.id, mariana.accessToken);
    expect(after).toMatchObject({ status: 'DECLINED', contract: { status: 'CANCELED', signingUrl: null } });
    expect(await stack.payments.prisma.charge.count({ where: { paymentId: held.id } })).toBe(0);
  });

  it("issues a closed month's statement as a PDF for the clinic (once), refuses the month still open and other clinics", async () => {
    const MONTHLY = 'query($id: ID!, $month: String!) { clinic(id: $id) { monthlyStatement(month: $month) { kind filename sha256 url } } }';
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)).toISOString().slice(0, 7);
    const asClinic = async (month: string) => stack.graphql<{ clinic: { monthlyStatement: Document } }>(MONTHLY, { id: cast.clinicId, month }, bearer(cast.clinicAdmin.accessToken));
    const first = (await asClinic(lastMonth)).body.data!.clinic.monthlyStatement;
    expect(first).toMatchObject({ kind: 'STATEMENT', filename: `extrato-${lastMonth}.pdf` });
    const pdf = await download(first.url);
    expect(sha256(pdf.bytes)).toBe(first.sha256);
    expect(await pdfText(pdf.bytes)).toMatch(/Sorriso Paulista/);
    expect((await asClinic(lastMonth)).body.data!.clinic.monthlyStatement.sha256).toBe(first.sha256);
    expect((await asClinic(new Date().toISOString().slice(0, 7))).body.errors?.[0]?.extensions?.code).toBe('DOCUMENT_NOT_AVAILABLE');
    expect((await asClinic('2026-13')).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const other = await stack.graphql(MONTHLY, { id: cast.clinicId, month: lastMonth }, bearer(cast.otherClinicAdmin.accessToken));
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('onboards a clinic only with an ATIVA CNPJ, makes it ACTIVE only once its admin signs the service agreement, and withdraws the agreement of one rejected meanwhile', async () => {
    const REGISTER = 'mutation($input: RegisterClinicInput!) { registerClinic(input: $input) { id status } }';
    const STATUS = 'mutation($id: ID!) { setClinicStatus(id: $id, status: ACTIVE) { status } }';
    const CLINIC = 'query($id: ID!) { clinic(id: $id) { status receitaFederal { status } agreement { status documentUrl documentSha256 } } }';
    type Clinic = { status: string; receitaFederal: { status: string } | null; agreement: { status: string; documentUrl: string | null; documentSha256: string | null } | null };
    const register = async (cnpj: string) => {
      const { body } = await stack.graphql<{ registerClinic: { id: string } }>(REGISTER, { input: { legalName: 'Clínica Nova Ltda', tradeName: `Nova ${cnpj.slice(0, 6)}`, cnpj, address: { street: 'Rua C, 3', city: 'Curitiba', state: 'PR', postalCode: '80010000' }, specialties: ['Dermatologia'] } }, bearer(mariana.accessToken));
      if (!body.data) throw new Error(JSON.stringify(body.errors));
      return body.data.registerClinic.id;
    };
    const clinic = async (id: string) => (await stack.graphql<{ clinic: Clinic }>(CLINIC, { id }, bearer(cast.admin.accessToken))).body.data!.clinic;

    // A CNPJ the Receita says is INAPTA: the back office sees why, and cannot approve it.
    const inapta = await register('46.768.703/0001-65');
    await eventually(() => clinic(inapta), (found) => found.receitaFederal !== null, 'the CNPJ check');
    expect((await clinic(inapta)).receitaFederal!.status).toBe('INAPTA');
    expect((await stack.graphql(STATUS, { id: inapta }, bearer(cast.admin.accessToken))).body.errors?.[0]?.extensions?.code).toBe('CNPJ_NOT_ACTIVE');

    const ativa = await register('34.238.864/0001-68');
    await eventually(() => clinic(ativa), (found) => found.receitaFederal?.status === 'ATIVA', 'the CNPJ check');
    expect((await stack.graphql<{ setClinicStatus: { status: string } }>(STATUS, { id: ativa }, bearer(cast.admin.accessToken))).body.data!.setClinicStatus.status).toBe('AWAITING_AGREEMENT');
    const sent = await eventually(() => clinic(ativa), (found) => found.agreement?.status === 'SENT', 'the agreement sent');
    expect(sent.status).toBe('AWAITING_AGREEMENT');
    // Its admin (Mariana, who registered it) signs at ClickSign; the webhook, through the router, makes it ACTIVE.
    await stack.signAs('mariana.costa@demo.medpay.com.br');
    const active = await eventually(() => clinic(ativa), (found) => found.status === 'ACTIVE' && found.agreement?.status === 'SIGNED' && found.agreement.documentSha256 !== null, 'the clinic active');
    const agreement = await download(active.agreement!.documentUrl!);
    expect(sha256(agreement.bytes)).toBe(active.agreement!.documentSha256);
    expect(await pdfText(agreement.bytes)).toMatch(/Contrato de Prestação de Serviços/);

    // Approved, then rejected before its admin signed: the envelope is canceled at ClickSign.
    const rejected = await register('11.444.777/0001-61');
    await eventually(() => clinic(rejected), (found) => found.receitaFederal?.status === 'ATIVA', 'the CNPJ check');
    await stack.graphql(STATUS, { id: rejected }, bearer(cast.admin.accessToken));
    await eventually(() => clinic(rejected), (found) => found.agreement?.status === 'SENT', 'the agreement sent');
    const REJECT = 'mutation($id: ID!) { setClinicStatus(id: $id, status: REJECTED, reason: "Documentação do responsável técnico ausente.") { status } }';
    expect((await stack.graphql<{ setClinicStatus: { status: string } }>(REJECT, { id: rejected }, bearer(cast.admin.accessToken))).body.data!.setClinicStatus.status).toBe('REJECTED');
    expect((await eventually(() => clinic(rejected), (found) => found.agreement?.status === 'CANCELED', 'the agreement withdrawn')).status).toBe('REJECTED');
    const { envelopeId } = await stack.providers.prisma.clinicAgreement.findFirstOrThrow({ where: { clinicId: rejected } });
    await canceledAtClickSign(envelopeId);
  });
});
