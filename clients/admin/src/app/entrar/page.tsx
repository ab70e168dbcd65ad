'use client';
import { SessionError, useSession } from '@medpay/web/session';
import { Loading } from '@medpay/web/ui';
import { useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useState, type FormEvent } from 'react';
import { safeReturnPath } from '../../components/return-path';

function Login() {
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
      <h1>Entrar na administração</h1>
      <label htmlFor="email">E-mail</label>
      <input id="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <label htmlFor="password">Senha</label>
      <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      {error ? <p role="alert" className="notice notice-error">{error}</p> : null}
      <p><button className="button" type="submit" disabled={busy}>{busy ? 'Entrando…' : 'Entrar'}</button></p>
      <p className="hint">Acesso restrito à equipe da MedPay.</p>
    </form>
  );
}

export default function LoginPage() {
  return (
    <Suspense fallback={<Loading />}>
      <Login />
    </Suspense>
  );
}
