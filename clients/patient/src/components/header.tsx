'use client';
import { NotificationBell } from '@medpay/web/notification-bell';
import { LogoutButton, useSession } from '@medpay/web/session';
import Link from 'next/link';

export function Header() {
  const { user, state } = useSession();
  return (
    <header className="topbar">
      <Link href="/" className="brand">MedPay Saúde</Link>
      <nav aria-label="Principal">
        <Link href="/">Buscar</Link>
        {user ? (
          <>
            <Link href="/pagamentos">Pagamentos</Link>
            <Link href="/parcelas">Parcelas</Link>
            <Link href="/assistente">Ajuda</Link>
            <Link href="/meus-dados">Meus dados</Link>
            <NotificationBell preferencesHref="/notificacoes/preferencias" />
            <LogoutButton then="/" />
          </>
        ) : state.status === 'anonymous' ? (
          <Link href="/entrar">Entrar</Link>
        ) : null}
      </nav>
    </header>
  );
}
