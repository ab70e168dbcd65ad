// The Next.js configuration every app shares (plain JavaScript: `next start` loads it without a compiler).
import { fileURLToPath } from 'node:url';

/**
 * @param {{ source: string, headers: { key: string, value: string }[] }[]} [extraHeaders]
 * @returns {import('next').NextConfig}
 */
export function appNextConfig(extraHeaders = []) {
  return {
    // The workspace packages are TypeScript sources; the monorepo root holds node_modules.
    transpilePackages: ['@medpay/web', '@medpay/money', '@medpay/br-documents'],
    outputFileTracingRoot: fileURLToPath(new URL('../..', import.meta.url)),
    // The shared libraries are NodeNext TypeScript (`import './cpf.js'` means cpf.ts); webpack maps that,
    // Turbopack cannot yet (vercel/next.js#82945), so the apps build with `next build --webpack`.
    webpack: (webpackConfig) => {
      webpackConfig.resolve.extensionAlias = { '.js': ['.ts', '.tsx', '.js'] };
      return webpackConfig;
    },
    // `npm test` type-checks every app with tsc (clients/tsconfig.json); the build need not do it again.
    typescript: { ignoreBuildErrors: true },
    poweredByHeader: false,
    async headers() {
      return [
        {
          source: '/:path*',
          headers: [
            { key: 'X-Content-Type-Options', value: 'nosniff' },
            { key: 'Referrer-Policy', value: 'same-origin' },
            { key: 'X-Frame-Options', value: 'DENY' },
            // The apps use none of these; a script that got in could not either.
            { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
          ],
        },
        ...extraHeaders,
      ];
    },
  };
}
