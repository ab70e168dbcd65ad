// The download of a data export: served by the users subgraph and forwarded unchanged by the router
// (the only route of a subgraph that reaches browsers). The signed link is the credential.
import { sendGraphQLError, sendJson, type RouteHandler } from '@medpay/runtime';
import type { DataExports } from './data-exports.js';
import { DOWNLOAD_PATH } from './export-links.js';

const LINK_INVALID = { status: 403, code: 'DATA_EXPORT_LINK_INVALID', message: 'Este link de download não é válido. Peça um novo em "Meus dados".' };
const LINK_EXPIRED = { status: 410, code: 'DATA_EXPORT_LINK_EXPIRED', message: 'Este link de download expirou. Abra "Meus dados" para gerar um novo.' };
const PACKAGE_GONE = { status: 410, code: 'DATA_EXPORT_UNAVAILABLE', message: 'Esta cópia dos seus dados não está mais disponível. Peça uma nova em "Meus dados".' };

export function dataExportRoutes(exports: DataExports): Record<string, RouteHandler> {
  return {
    [`GET ${DOWNLOAD_PATH}`]: async (req, res) => {
      const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
      const check = await exports.checkLink(query);
      if (!check.ok) return sendGraphQLError(res, check.reason === 'expired' ? LINK_EXPIRED : LINK_INVALID, { 'cache-control': 'no-store' });
      const content = await exports.packageOf(check.exportId);
      if (content === null) return sendGraphQLError(res, PACKAGE_GONE, { 'cache-control': 'no-store' });
      sendJson(res, 200, content, {
        'content-disposition': `attachment; filename="medpay-meus-dados-${check.exportId}.json"`,
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      });
    },
  };
}
