'use client';
import { SessionError, useSession } from '@medpay/web/session';
import { Loading } from '@medpay/web/ui';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import { CpfField, cpfProblem } from '../../components/cpf-field';
import { ConsentCheckbox, useLegalTerms } from '../../components/legal-terms';
import { safeReturnPath } from '@medpay/web/login';

type Field = 'name' | 'email' | 'cpf' | 'password' | 'consent';
// Where each server error belongs in the form. A sign-up never hears whether its e-mail or CPF has an
// account: that is told by e-mail, to the address given (or to the account's owner).
const fieldOf: Record<string, Field> = { INVALID_CPF: 'cpf', CPF_IRREGULAR: 'cpf', CPF_NAME_MISMATCH: 'name', WEAK_PASSWORD: 'password', TERMS_VERSION_OUTDATED: 'consent' };

/** After a sign-up: the same words whatever the e-mail and CPF were. */
function CheckYourEmail({ email, message, onEdit }: { email: string; message: string; onEdit: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card narrow" aria-labelledby="check-email">
      <h1 id="check-email" ref={heading} tabIndex={-1}>Verifique seu e-mail</h1>
      <p role="status" className="notice notice-info">{message}</p>
      <p>Mandamos a mensagem para <strong style={{ overflowWrap: 'anywhere' }}>{email}</strong>. Para criar a conta, abra o link do e-mail e digite a senha que você escolheu. O link vale até a hora que a mensagem indica.</p>
      <p className="hint">Não chegou em alguns minutos? Veja a caixa de spam ou <button type="button" className="link" onClick={onEdit}>corrija o e-mail</button>.</p>
      <p>Já tem conta? <Link href="/entrar">Entrar</Link></p>
    </section>
  );
}

function SignUp() {
  const { register } = useSession();
  const back = safeReturnPath(useSearchParams().get('voltar'));
  const [form, setForm] = useState({ name: '', email: '', cpf: '', phone: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  const [accepted, setAccepted] = useState(false);
  const legal = useLegalTerms();
  const [sent, setSent] = useState<{ email: string; message: string } | null>(null);
  const set = (key: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: event.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (form.name.trim().split(/\s+/).length < 2) found.name = 'Informe seu nome completo.';
    if (!/^\S+@\S+\.\S+$/.test(form.email.trim())) found.email = 'Informe um e-mail válido.';
    const cpf = cpfProblem(form.cpf);
    if (cpf) found.cpf = cpf;
    if (form.password.length < 8) found.password = 'A senha precisa ter ao menos 8 caracteres, com letras e números.';
    if (!accepted) found.consent = 'Para criar a conta, aceite os Termos de Uso e a Política de Privacidade.';
    setErrors(found);
    if (Object.keys(found).length) return;
    // Submitted before the versions in force arrived (a slow network): ask for them now.
    const terms = legal.terms ?? (await legal.refetch().catch(() => null))?.data?.legalTerms;
    if (!terms) return setErrors({ form: 'Não foi possível carregar os Termos de Uso. Recarregue a página.' });
    setBusy(true);
    try {
      const message = await register({
        name: form.name.trim(), email: form.email.trim(), cpf: form.cpf, phone: form.phone.trim() || undefined, password: form.password,
        acceptedTerms: { termsVersion: terms.termsVersion, privacyPolicyVersion: terms.privacyPolicyVersion },
      });
      setSent({ email: form.email.trim(), message });
    } catch (problem) {
      const error = problem instanceof SessionError ? problem : new SessionError('INTERNAL', 'Não foi possível criar a conta. Tente novamente.');
      setErrors({ [fieldOf[error.code] ?? 'form']: error.message });
      // A newer version came into force while the page was open: show it, to be accepted again.
      if (error.code === 'TERMS_VERSION_OUTDATED') {
        setAccepted(false);
        void legal.refetch();
      }
    }
    setBusy(false);
  };
  if (sent) return <CheckYourEmail {...sent} onEdit={() => setSent(null)} />;
  const fieldError = (field: Field) => (errors[field] ? <p id={`${field}-error`} className="field-error">{errors[field]}</p> : null);
  return (
    <form className="card narrow" onSubmit={submit} noValidate>
      <h1>Criar conta</h1>
      <label htmlFor="name">Nome completo</label>
      <input id="name" autoComplete="name" value={form.name} onChange={set('name')} aria-invalid={errors.name ? true : undefined} aria-describedby={errors.name ? 'name-error' : undefined} />
      {fieldError('name')}
      <label htmlFor="email">E-mail</label>
      <input id="email" type="email" autoComplete="email" value={form.email} onChange={set('email')} aria-invalid={errors.email ? true : undefined} aria-describedby={errors.email ? 'email-error' : undefined} />
      {fieldError('email')}
      <CpfField value={form.cpf} onChange={(cpf) => setForm({ ...form, cpf })} serverError={errors.cpf} />
      <label htmlFor="phone">Celular (opcional)</label>
      <input id="phone" type="tel" autoComplete="tel" inputMode="tel" value={form.phone} onChange={set('phone')} placeholder="(11) 91234-5678" />
      <label htmlFor="password">Senha</label>
      <input id="password" type="password" autoComplete="new-password" value={form.password} onChange={set('password')} aria-invalid={errors.password ? true : undefined} aria-describedby="password-hint" />
      <p id="password-hint" className="hint">Ao menos 8 caracteres, com letras e números.</p>
      {fieldError('password')}
      <ConsentCheckbox checked={accepted} onChange={setAccepted} error={errors.consent} />
      {errors.form ? <p role="alert" className="notice notice-error">{errors.form}</p> : null}
      <p className="hint">Seu CPF é guardado criptografado e usado só para identificar você nos pagamentos (LGPD).</p>
      <p><button className="button" type="submit" disabled={busy}>{busy ? 'Criando…' : 'Criar conta'}</button></p>
      <p>Já tem conta? <Link href={`/entrar?voltar=${encodeURIComponent(back)}`}>Entrar</Link></p>
    </form>
  );
}

export default function SignUpPage() {
  return (
    <Suspense fallback={<Loading />}>
      <SignUp />
    </Suspense>
  );
}
