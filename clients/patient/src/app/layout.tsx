import { AppProviders } from '@medpay/web/apollo';
import { name, version } from '../../package.json';
import { clientConfigFromEnv } from '@medpay/web/server';
import '@medpay/web/styles.css';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { Header } from '../components/header';
import { ConsentGate } from '../components/legal-terms';
import { ServiceWorker } from '../components/service-worker';
import './patient.css';

// The router's and the card tokenizer's public URLs are read when the page is served, not baked
// into the build, so one build runs anywhere.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'MedPay Saúde', template: '%s · MedPay Saúde' },
  description: 'Pague procedimentos médicos com PIX, boleto, cartão ou crediário, com o dinheiro protegido até o atendimento.',
  applicationName: 'MedPay Saúde',
  appleWebApp: { capable: true, title: 'MedPay', statusBarStyle: 'default' },
  icons: { icon: '/icon-192.png', apple: '/icon-192.png' },
};

export const viewport: Viewport = { themeColor: '#0b6e4f', width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="pt-BR">
      <body>
        <a className="visually-hidden skip-link" href="#conteudo">Ir para o conteúdo</a>
        <AppProviders config={clientConfigFromEnv()} app={{ name: name.replace(/^@medpay\//, ''), version }}>
          <Header />
          <main id="conteudo" tabIndex={-1}><ConsentGate>{children}</ConsentGate></main>
          <footer className="site-footer">
            <a href="/privacidade">Privacidade e seus dados</a>
          </footer>
        </AppProviders>
        <ServiceWorker />
      </body>
    </html>
  );
}
