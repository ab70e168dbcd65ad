import { createSessionRoutes } from '@medpay/web/session-routes';

export const { POST } = createSessionRoutes({ app: 'patient', registration: true });
