'use client';
import { LoginPage } from '@medpay/web/login';

export default function Login() {
  return (
    <LoginPage title="Entrar no painel da clínica">
      <p className="hint">Acesso para a equipe de clínicas parceiras. Pacientes usam o app MedPay Saúde.</p>
    </LoginPage>
  );
}
