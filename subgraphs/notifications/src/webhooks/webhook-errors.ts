// The partner webhooks' error codes: the kit's generic ones plus the URL and endpoint rules'.
import { AppError, type KitErrorCode } from '@medpay/runtime';

export type WebhooksErrorCode =
  | KitErrorCode
  /** not an absolute http(s) URL, too long, or its host does not resolve */
  | 'WEBHOOK_URL_INVALID'
  /** a scheme or an address the policy refuses (http:// in production, private networks) */
  | 'WEBHOOK_URL_NOT_ALLOWED'
  /** a redelivery asked of a disabled endpoint */
  | 'WEBHOOK_ENDPOINT_DISABLED';

export class WebhooksError extends AppError<WebhooksErrorCode> {}
