// Every page gets the shared Content-Security-Policy with a fresh nonce, ClickSign's signing page
// allowed in a frame (see @medpay/web/security).
export { patientSecurityProxy as proxy } from '@medpay/web/security';

// Not for built assets, icons and the service worker: they carry no inline script.
export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|icons/|favicon|sw\\.js|manifest\\.webmanifest).*)' }],
};
