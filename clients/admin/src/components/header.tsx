'use client';
import { useClientConfig } from '@medpay/web/client-config';
import { NotificationBell } from '@medpay/web/notification-bell';
import { LogoutButton, useSession } from '@medpay/web/session';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const SECTIONS = [
  ['/', 'Visão geral'],
  ['/plataforma', 'Plataforma'],
  ['/clinicas', 'Clínicas'],
  ['/usuarios', 'Usuários'],
  ['/exclusoes', 'Exclusões de conta'],
  ['/pagamentos', 'Pagamentos'],
  ['/antifraude', 'Antifraude'],
  ['/atendimento', 'Atendimento'],
  ['/livro-razao', 'Livro-razão'],
  ['/mensagens-com-falha', 'Mensagens com falha'],
] as const;

export function Header() {
  const { user, accessToken } = useSession();
  const { routerUrl } = useClientConfig();
  const pathname = usePathname();
  return (
    <header className="topbar">
      <Link href="/" className="brand">MedPay Admin</Link>
      {user ? (
        <>
          <nav aria-label="Seções">
            {SECTIONS.map(([href, label]) => (
              <Link key={href} href={href} aria-current={(href === '/' ? pathname === '/' : pathname.startsWith(href)) ? 'page' : undefined}>{label}</Link>
            ))}
            <a
              href={`${routerUrl}#token=`}
              target="_blank"
              rel="noopener"
              onClick={(event) => {
                // The token goes in the fragment, which never leaves the browser; read at click time so it is fresh.
                event.currentTarget.href = `${routerUrl}#token=${encodeURIComponent(accessToken() ?? '')}`;
              }}
            >
              GraphiQL<span className="visually-hidden"> (abre em nova aba, já autenticado)</span>
            </a>
          </nav>
          <nav aria-label="Conta">
            <NotificationBell />
            <span>{user.name}</span>
            <LogoutButton then="/entrar" />
          </nav>
        </>
      ) : null}
    </header>
  );
}
