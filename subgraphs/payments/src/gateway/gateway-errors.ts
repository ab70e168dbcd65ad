// The gateway's refusals, provider-agnostic like payment-gateway.ts (kept in their own file so the
// interface file stays as the payments core wrote it; they belong together and may move there).

export type GatewayRejectionCode = 'INVALID_REQUEST' | 'NOT_FOUND' | 'CONFLICT' | 'LIMIT_EXCEEDED' | 'AUTHENTICATION_FAILED';

/**
 * The gateway understood the request and refused it: bad input, unknown charge, an idempotency key reused
 * with other parameters, more than paid or blocked, wrong credentials. Retrying will not help.
 */
export class GatewayRejectedError extends Error {
  constructor(
    message: string,
    readonly code: GatewayRejectionCode,
    /** the provider's own error code, for logs */
    readonly providerCode?: string,
  ) {
    super(message);
  }
}
