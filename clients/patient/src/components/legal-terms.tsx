'use client';
// The legal texts in force (LGPD consent): their versions on the privacy page, the sign-up checkbox,
// and the blocking screen that asks a signed-in patient to accept a newer version before anything else.
import { useMutation, useQuery } from '@apollo/client/react';
import { formatDate } from '@medpay/web/format';
import { graphql } from '@medpay/web/graphql';
import { LogoutButton, useSession } from '@medpay/web/session';
import { ErrorNotice } from '@medpay/web/ui';
import { usePathname } from 'next/navigation';
import { useState, type ReactNode } from 'react';

const LegalTermsQuery = graphql(`
  query LegalTerms {
    legalTerms { termsVersion termsDate privacyPolicyVersion privacyPolicyDate }
  }
`);

const MyConsent = graphql(`
  query MyConsent {
    me { id consent { termsVersion privacyPolicyVersion acceptedAt marketing needsReacceptance } }
  }
`);

const SetMarketingConsent = graphql(`
  mutation SetMarketingConsent($granted: Boolean!) {
    setMarketingConsent(granted: $granted) { termsVersion privacyPolicyVersion acceptedAt marketing needsReacceptance }
  }
`);

const AcceptTerms = graphql(`
  mutation AcceptTerms($termsVersion: String!, $privacyPolicyVersion: String!) {
    acceptTerms(termsVersion: $termsVersion, privacyPolicyVersion: $privacyPolicyVersion) { termsVersion privacyPolicyVersion acceptedAt marketing needsReacceptance }
  }
`);

export const CONSENT_LABEL = 'Li e aceito os Termos de Uso e a Política de Privacidade';

/** The versions in force, for the pages that show or accept them (null while loading). */
export function useLegalTerms() {
  const { data, error, refetch } = useQuery(LegalTermsQuery);
  return { terms: data?.legalTerms ?? null, error, refetch };
}

/** The versions in force, as the privacy page lists them. */
export function LegalVersions() {
  const { terms } = useLegalTerms();
  if (!terms) return null;
  return (
    <ul data-testid="legal-versions">
      <li>Termos de Uso: versão {terms.termsVersion}, em vigor desde {formatDate(terms.termsDate)}.</li>
      <li>Política de Privacidade: versão {terms.privacyPolicyVersion}, em vigor desde {formatDate(terms.privacyPolicyDate)}.</li>
    </ul>
  );
}

/** The checkbox and links of the sign-up form (its state is the form's). */
export function ConsentCheckbox({ checked, onChange, error }: { checked: boolean; onChange(checked: boolean): void; error?: string }) {
  return (
    <>
      <label className="checkbox">
        <input type="checkbox" required checked={checked} onChange={(event) => onChange(event.target.checked)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'consent-error' : 'consent-hint'} />
        {CONSENT_LABEL}
      </label>
      <p id="consent-hint" className="hint">
        Leia os <a href="/privacidade#versoes" target="_blank">Termos de Uso e a Política de Privacidade</a>. Comunicações de marketing são uma
        escolha à parte, que você pode fazer depois.
      </p>
      {error ? <p id="consent-error" className="field-error">{error}</p> : null}
    </>
  );
}

/**
 * Shows the page only once a signed-in person has accepted the texts in force; otherwise a screen
 * asking them to (the privacy page stays readable, so they can read what they accept).
 */
export function ConsentGate({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const pathname = usePathname();
  const { data } = useQuery(MyConsent, { skip: !user });
  const consent = data?.me?.consent;
  if (!user || !consent?.needsReacceptance || pathname === '/privacidade') return <>{children}</>;
  return <Reacceptance hadAccepted={consent.acceptedAt !== null} />;
}

function Reacceptance({ hadAccepted }: { hadAccepted: boolean }) {
  const { terms, error: termsError, refetch } = useLegalTerms();
  const [accept, accepting] = useMutation(AcceptTerms, { refetchQueries: [MyConsent], awaitRefetchQueries: true });
  const [checked, setChecked] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    if (!checked) return setProblem('Para continuar, marque que leu e aceita os textos.');
    if (!terms) return;
    setProblem(null);
    // A version that changed while the screen was open comes back as an error: the screen reloads it.
    await accept({ variables: { termsVersion: terms.termsVersion, privacyPolicyVersion: terms.privacyPolicyVersion } }).catch(() => void refetch());
  };
  return (
    <section className="card narrow" role="dialog" aria-modal="true" aria-labelledby="reacceptance-title">
      <h1 id="reacceptance-title">{hadAccepted ? 'Atualizamos nossos termos' : 'Antes de continuar'}</h1>
      <p>
        {hadAccepted
          ? 'Os Termos de Uso e a Política de Privacidade mudaram desde que você os aceitou. Para continuar usando a MedPay, leia e aceite a versão atual.'
          : 'Para usar a MedPay, leia e aceite os Termos de Uso e a Política de Privacidade.'}
      </p>
      <LegalVersions />
      <p><a href="/privacidade#versoes" target="_blank">Ler os Termos de Uso e a Política de Privacidade</a></p>
      <label className="checkbox">
        <input type="checkbox" checked={checked} onChange={(event) => setChecked(event.target.checked)} />
        {CONSENT_LABEL}
      </label>
      {problem ? <p className="field-error" role="alert">{problem}</p> : null}
      <ErrorNotice error={accepting.error ?? termsError} />
      <p className="row">
        <button type="button" className="button" disabled={accepting.loading || !terms} onClick={() => void submit()}>
          {accepting.loading ? 'Registrando…' : 'Aceitar e continuar'}
        </button>
        <LogoutButton then="/" />
      </p>
    </section>
  );
}

/**
 * The marketing opt-in, apart from the terms (LGPD: consent for a specific purpose, revocable at
 * any time); each change is recorded. Shown to a signed-in person only.
 */
export function MarketingConsent() {
  const { user } = useSession();
  const { data } = useQuery(MyConsent, { skip: !user });
  const [save, saving] = useMutation(SetMarketingConsent, { refetchQueries: [MyConsent], awaitRefetchQueries: true });
  // The switch follows the click at once; the recorded choice takes over when the graph answers.
  const [pending, setPending] = useState<boolean | null>(null);
  const consent = data?.me?.consent;
  if (!user || !consent) return null;
  const choose = (granted: boolean) => {
    setPending(granted);
    void save({ variables: { granted } }).catch(() => undefined).finally(() => setPending(null));
  };
  return (
    <>
      <h2>Sua escolha sobre marketing</h2>
      <div className="row">
        <input
          id="marketing-consent"
          type="checkbox"
          role="switch"
          className="switch"
          checked={pending ?? consent.marketing}
          disabled={saving.loading}
          onChange={(event) => choose(event.target.checked)}
        />
        <label htmlFor="marketing-consent">Aceito receber novidades e ofertas da MedPay</label>
      </div>
      <p className="hint">Você pode mudar de ideia quando quiser; guardamos cada escolha com data e hora. Avisos de pagamento não dependem dela.</p>
      <ErrorNotice error={saving.error} />
    </>
  );
}
