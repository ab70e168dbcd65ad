'use client';
// A clinic's payment link (/pagar/<token>): the greeting, the procedure, the clinic and the deadline;
// "Pagar" asks the patient to log in or sign up first, then offers the procedure's plans, whose checkout
// carries the link's token (the link is used once paid).
import { useQuery } from '@apollo/client/react';
import { graphql } from '@medpay/web/graphql';
import { useSession } from '@medpay/web/session';
import { ErrorNotice, Loading } from '@medpay/web/ui';
import Link from 'next/link';
import { useParams, useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useEffect, useRef, useState } from 'react';
import { PaymentLinkSummary } from '../../../components/payment-link';
import { PlanChooser } from '../../../components/plan-table';
import { DEFAULT_DUE_DAY } from '../../procedimentos/[id]/query';

const PaymentLinkPage = graphql(`
  query PaymentLinkPage($token: String!) {
    paymentLink(token: $token) {
      token status expiresAt patientFirstName
      procedure { id name priceCentavos }
      clinic { id tradeName address { city state } }
    }
  }
`);

const PaymentLinkPlans = graphql(`
  query PaymentLinkPlans($procedureId: ID!, $firstDueDay: Int) {
    paymentPlans(procedureId: $procedureId, firstDueDay: $firstDueDay) { ...PlanFields }
  }
`);

function Plans({ procedureId, token }: { procedureId: string; token: string }) {
  const [dueDay, setDueDay] = useState(DEFAULT_DUE_DAY);
  const { data, loading, error } = useQuery(PaymentLinkPlans, { variables: { procedureId, firstDueDay: dueDay } });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="planos">
      <h2 id="planos" ref={heading} tabIndex={-1}>Escolha como pagar</h2>
      {loading && !data ? <Loading /> : null}
      <PlanChooser
        plans={data?.paymentPlans ?? []}
        checkoutHref={(plan) => `/procedimentos/${procedureId}/pagar?plano=${encodeURIComponent(plan.id)}&vencimento=${dueDay}&link=${encodeURIComponent(token)}`}
        dueDay={dueDay}
        onDueDay={setDueDay}
        error={error}
      />
    </section>
  );
}

function PaymentLink() {
  const { token } = useParams<{ token: string }>();
  const search = useSearchParams();
  const router = useRouter();
  const { state } = useSession();
  const { data, loading, error } = useQuery(PaymentLinkPage, { variables: { token }, fetchPolicy: 'cache-and-network' });
  // ?pagar=1: back from the login with "Pagar" already chosen
  const [paying, setPaying] = useState(search.get('pagar') === '1');
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} />;
  const link = data?.paymentLink ?? null;
  const here = `/pagar/${encodeURIComponent(token)}?pagar=1`;
  const active = link?.status === 'ACTIVE';
  return (
    <>
      <PaymentLinkSummary link={link}>
        {active && !paying ? (
          <p>
            <button
              type="button"
              className="button"
              onClick={() => (state.status === 'authenticated' ? setPaying(true) : router.push(`/entrar?voltar=${encodeURIComponent(here)}`))}
            >
              Pagar
            </button>
          </p>
        ) : null}
        {active && state.status === 'anonymous' ? (
          <p className="hint">Para pagar, entre na sua conta MedPay ou <Link href={`/cadastro?voltar=${encodeURIComponent(here)}`}>crie uma conta</Link> com o seu CPF.</p>
        ) : null}
      </PaymentLinkSummary>
      {active && paying && state.status === 'authenticated' ? <Plans procedureId={link.procedure.id} token={link.token} /> : null}
      {active && paying && state.status === 'anonymous' ? <RedirectToLogin to={`/entrar?voltar=${encodeURIComponent(here)}`} /> : null}
    </>
  );
}

/** Back from "Pagar" without a session (it ended meanwhile): to the login, and back here after it. */
function RedirectToLogin({ to }: { to: string }) {
  const router = useRouter();
  useEffect(() => router.replace(to), [router, to]);
  return <Loading />;
}

export default function PaymentLinkRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <PaymentLink />
    </Suspense>
  );
}
