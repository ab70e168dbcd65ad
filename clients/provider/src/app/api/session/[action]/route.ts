import { createSessionRoutes } from '@medpay/web/session-routes';

export const { POST } = createSessionRoutes({
  app: 'provider',
  roles: ['CLINIC_STAFF'],
  forbiddenMessage: 'Este painel é para equipes de clínicas. Pacientes acessam o app MedPay Saúde.',
});
