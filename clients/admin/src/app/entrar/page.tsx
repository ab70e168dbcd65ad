'use client';
import { LoginPage } from '@medpay/web/login';

export default function Login() {
  return (
    <LoginPage title="Entrar na administração">
      <p className="hint">Acesso restrito à equipe da MedPay.</p>
    </LoginPage>
  );
}
