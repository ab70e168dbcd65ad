import { createSessionRoutes } from '@medpay/web/session-routes';

export const { POST } = createSessionRoutes({
  app: 'admin',
  roles: ['PLATFORM_ADMIN'],
  forbiddenMessage: 'Este painel é só para a administração da MedPay.',
});
