'use client';
// The login page every app shows, with its own title and a word below the form.
import { useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useState, type FormEvent, type ReactNode } from 'react';
import { SessionError, useSession } from './session';
import { Loading } from './ui';

/** Where to go after logging in: only a path of this app, never another site. */
const HERE = 'https://medpay.invalid';

/**
 * Where to go after logging in: a path of this app only. The value is resolved the way the browser
 * will resolve it (which turns `/\\evil.example` and `/<tab>/evil.example` into another host), and
 * anything that leaves this origin falls back to the home page.
 */
export function safeReturnPath(value: string | null): string {
  if (!value?.startsWith('/')) return '/';
  try {
    const target = new URL(value, HERE);
    return target.origin === HERE ? `${target.pathname}${target.search}${target.hash}` : '/';
  } catch {
    return '/';
  }
}

function LoginForm({ title, children }: { title: string; children?: ReactNode }) {
  const { login } = useSession();
  const router = useRouter();
  const back = safeReturnPath(useSearchParams().get('voltar'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
      router.replace(back);
    } catch (problem) {
      setError(problem instanceof SessionError ? problem.message : 'Não foi possível entrar. Tente novamente.');
      setBusy(false);
    }
  };
  return (
    <form className="card narrow" onSubmit={submit} noValidate>
      <h1>{title}</h1>
      <label htmlFor="email">E-mail</label>
      <input id="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <label htmlFor="password">Senha</label>
      <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      {error ? <p role="alert" className="notice notice-error">{error}</p> : null}
      <p><button className="button" type="submit" disabled={busy}>{busy ? 'Entrando…' : 'Entrar'}</button></p>
      {children}
    </form>
  );
}

export function LoginPage(props: { title: string; children?: ReactNode }) {
  return (
    <Suspense fallback={<Loading />}>
      <LoginForm {...props} />
    </Suspense>
  );
}
