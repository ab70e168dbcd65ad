'use client';
import { useSession } from '@medpay/web/session';
import Link from 'next/link';
import { useRouter } from 'next/navigation';

export function Header() {
  const { user, state, logout } = useSession();
  const router = useRouter();
  return (
    <header className="topbar">
      <Link href="/" className="brand">MedPay Saúde</Link>
      <nav aria-label="Principal">
        <Link href="/">Buscar</Link>
        {user ? (
          <>
            <Link href="/pagamentos">Pagamentos</Link>
            <Link href="/parcelas">Parcelas</Link>
            <button
              type="button"
              className="link"
              onClick={async () => {
                await logout();
                router.push('/');
              }}
            >
              Sair
            </button>
          </>
        ) : state.status === 'anonymous' ? (
          <Link href="/entrar">Entrar</Link>
        ) : null}
      </nav>
    </header>
  );
}
