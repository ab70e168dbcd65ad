import { appNextConfig } from '../shared/next-config.mjs';

// The service worker must always be fetched fresh, so an update reaches every phone.
export default appNextConfig([{ source: '/sw.js', headers: [{ key: 'Cache-Control', value: 'no-cache' }] }]);
