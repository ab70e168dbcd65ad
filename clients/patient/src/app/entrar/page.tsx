'use client';
import { LoginPage } from '@medpay/web/login';
import Link from 'next/link';

export default function Login() {
  return (
    <LoginPage title="Entrar">
      <p>Não tem conta? <Link href="/cadastro">Cadastre-se</Link></p>
    </LoginPage>
  );
}
