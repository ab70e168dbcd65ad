'use client';
// The link of a sign-up's e-mail lands here (/cadastro/confirmar?token=…). Opening the link does
// nothing by itself — mail scanners open links too, and the token works once: the patient types the
// password chosen at sign-up, which makes the account and logs them in.
import { SessionError, useSession } from '@medpay/web/session';
import { Loading } from '@medpay/web/ui';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useState, type FormEvent } from 'react';

/** Answers after which this link can do nothing more: say why and where to go. */
const FINAL = new Set(['CONFIRMATION_LINK_INVALID', 'CONFIRMATION_LINK_EXPIRED', 'CPF_TAKEN', 'EMAIL_TAKEN']);

function Ended({ message }: { message: string }) {
  return (
    <section className="card narrow" aria-labelledby="confirm-ended">
      <h1 id="confirm-ended">Não foi possível confirmar</h1>
      <p role="alert" className="notice notice-error">{message}</p>
      <p><Link href="/entrar">Entrar</Link> · <Link href="/cadastro">Fazer o cadastro de novo</Link></p>
    </section>
  );
}

function Confirm() {
  const { confirmSignUp } = useSession();
  const router = useRouter();
  const token = useSearchParams().get('token') ?? '';
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [ended, setEnded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!token) return <Ended message="Este link está incompleto. Abra de novo o link do e-mail, ou copie o endereço inteiro." />;
  if (ended) return <Ended message={ended} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await confirmSignUp(token, password);
      // The token leaves the address bar (and the history entry) once it is spent.
      router.replace('/');
    } catch (problem) {
      const failure = problem instanceof SessionError ? problem : new SessionError('INTERNAL', 'Não foi possível confirmar. Tente novamente.');
      if (FINAL.has(failure.code)) setEnded(failure.message);
      else setError(failure.message);
      setBusy(false);
    }
  };
  return (
    <form className="card narrow" onSubmit={submit} noValidate>
      <h1>Confirmar cadastro</h1>
      <p>Falta pouco: digite a senha que você escolheu no cadastro para criar sua conta.</p>
      <label htmlFor="password">Senha</label>
      <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'password-error' : undefined} />
      {error ? <p id="password-error" role="alert" className="notice notice-error">{error}</p> : null}
      <p><button className="button" type="submit" disabled={busy || password.length === 0}>{busy ? 'Confirmando…' : 'Confirmar cadastro'}</button></p>
    </form>
  );
}

export default function ConfirmSignUpPage() {
  return (
    <Suspense fallback={<Loading />}>
      <Confirm />
    </Suspense>
  );
}
