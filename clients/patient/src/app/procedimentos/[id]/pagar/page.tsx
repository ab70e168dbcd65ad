'use client';
// Checkout: the chosen plan, how to pay it, the crediário contract with its CET before acceptance.
// Through a clinic's payment link (?link=<token>, from /pagar/<token>) the checkout carries its token.
import { useMutation, useQuery } from '@apollo/client/react';
import { formatBRL, formatDate, formatRate, methodLabel } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { RequireSession } from '@medpay/web/session';
import type { IncomeBand, PaymentMethod } from '@medpay/web/types';
import { ErrorNotice, Loading } from '@medpay/web/ui';
import { useParams, useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useState, type FormEvent } from 'react';
import { CardFields, useCardDetails, useCardTokenizer } from '../../../../components/card-form';
import { CreditApplication } from '../../../../components/credit-application';
import { planTitle } from '../../../../components/plan-table';

const CheckoutPage = graphql(`
  query CheckoutPage($id: ID!, $firstDueDay: Int) {
    procedure(id: $id) { id name priceCentavos clinic { id tradeName } }
    paymentPlans(procedureId: $id, firstDueDay: $firstDueDay) { ...PlanFields schedule { number dueDate amountCentavos } }
  }
`);

const Checkout = graphql(`
  mutation Checkout($input: CheckoutInput!) {
    checkout(input: $input) { id status }
  }
`);

function CheckoutForm() {
  const { id } = useParams<{ id: string }>();
  const search = useSearchParams();
  const router = useRouter();
  const planId = search.get('plano') ?? 'PIX';
  const dueDay = Number(search.get('vencimento') ?? 10);
  const paymentLinkToken = search.get('link');
  const { data, loading, error } = useQuery(CheckoutPage, { variables: { id, firstDueDay: dueDay } });
  const [checkout, { loading: paying, error: checkoutError }] = useMutation(Checkout);
  const [method, setMethod] = useState<PaymentMethod | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [incomeBand, setIncomeBand] = useState<IncomeBand | null>(null);
  const [card, setCard] = useCardDetails();
  const tokenize = useCardTokenizer();
  const [cardError, setCardError] = useState<string | null>(null);
  // One key per checkout screen: a double tap or a retry after a timeout returns the same payment.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  if (loading && !data) return <Loading />;
  if (error || !data?.procedure) return <ErrorNotice error={error ?? new Error('Procedimento não encontrado.')} />;
  const plan = data.paymentPlans.find((candidate) => candidate.id === planId);
  if (!plan) return <p className="notice notice-info">Este plano não está mais disponível. Volte e simule de novo.</p>;
  const chosen = method ?? plan.methods[0]!;
  const crediario = plan.kind === 'CREDIARIO';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCardError(null);
    let cardToken: string | null = null;
    if (chosen === 'CARD') {
      try {
        cardToken = (await tokenize(card)).cardToken;
      } catch (problem) {
        setCardError((problem as Error).message);
        return;
      }
    }
    const result = await checkout({
      variables: {
        input: {
          procedureId: id, planId: plan.id, method: chosen, cardToken, idempotencyKey,
          firstDueDay: crediario ? dueDay : null,
          acceptedContractTermsHash: crediario && accepted ? plan.contractTermsHash : null,
          incomeBand: crediario ? incomeBand : null,
          paymentLinkToken,
        },
      },
    }).catch(() => null);
    if (result?.data?.checkout) router.push(`/pagamentos/${result.data.checkout.id}`);
  };

  return (
    <form onSubmit={submit}>
      <h1>Pagamento</h1>
      <section className="card">
        <p><strong>{data.procedure.name}</strong> · {data.procedure.clinic.tradeName}</p>
        {paymentLinkToken ? <p className="hint">Pagamento pelo link enviado por {data.procedure.clinic.tradeName}.</p> : null}
        <p>{planTitle(plan)}: {plan.installmentCount}× <span className="money">{formatBRL(plan.installmentCentavos)}</span></p>
        <p>Total: <strong className="money">{formatBRL(plan.totalCentavos)}</strong> · CET {formatRate(plan.cetAnnualRate)} a.a.</p>
      </section>
      {plan.methods.length > 1 ? (
        <fieldset className="card">
          <legend>Como você quer pagar?</legend>
          {plan.methods.map((option) => (
            <label key={option} className="row" style={{ fontWeight: 400 }}>
              <input type="radio" name="method" value={option} checked={chosen === option} onChange={() => setMethod(option)} /> {methodLabel[option]}
            </label>
          ))}
        </fieldset>
      ) : null}
      {chosen === 'CARD' ? <CardFields value={card} onChange={setCard} /> : null}
      {cardError ? <p role="alert" className="notice notice-error">{cardError}</p> : null}
      {crediario ? <CreditApplication procedureId={id} incomeBand={incomeBand} onIncomeBand={setIncomeBand} /> : null}
      {crediario ? (
        <section className="card" aria-labelledby="contrato">
          <h2 id="contrato">Contrato do crediário</h2>
          <dl className="terms-summary">
            <dt>Parcelas</dt><dd>{plan.installmentCount}× {formatBRL(plan.installmentCentavos)} (1ª de {formatBRL(plan.firstInstallmentCentavos)})</dd>
            <dt>Juros</dt><dd>{formatRate(plan.monthlyInterestRate)} a.m.</dd>
            <dt>IOF</dt><dd>{formatBRL(plan.iofCentavos)}</dd>
            <dt>Total a pagar</dt><dd>{formatBRL(plan.totalCentavos)}</dd>
            <dt>CET</dt><dd data-testid="cet">{formatRate(plan.cetAnnualRate)} ao ano</dd>
            <dt>Vencimentos</dt><dd data-testid="first-due-date">1ª parcela em {formatDate(plan.firstDueDate)}, depois todo dia {dueDay}</dd>
          </dl>
          <pre className="contract" tabIndex={0} aria-label="Texto do contrato">{plan.contractTerms}</pre>
          <label className="row" style={{ fontWeight: 400 }}>
            <input type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} /> Li e aceito o contrato, com o CET de {formatRate(plan.cetAnnualRate)} ao ano.
          </label>
        </section>
      ) : null}
      {crediario ? <p className="hint">Depois de contratar, você assina o contrato digitalmente na página do pagamento; a 1ª parcela é emitida quando a assinatura for confirmada.</p> : null}
      <ErrorNotice error={checkoutError} />
      <button className="button" type="submit" disabled={paying || (crediario && (!accepted || !incomeBand))}>
        {paying ? 'Processando…' : chosen === 'CARD' ? `Pagar ${formatBRL(plan.totalCentavos)}` : chosen === 'BOLETO' ? 'Gerar boleto' : 'Gerar PIX'}
      </button>
    </form>
  );
}

export default function CheckoutRoute() {
  return (
    <RequireSession>
      <Suspense fallback={<Loading />}>
        <CheckoutForm />
      </Suspense>
    </RequireSession>
  );
}
