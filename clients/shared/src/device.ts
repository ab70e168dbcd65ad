'use client';
// The id this browser keeps for itself: sent with every request (x-medpay-device) so anti-fraud can
// count checkouts per device. Random, never derived from the person; clearing the site's data resets it.
const STORAGE_KEY = 'medpay.device';

export const DEVICE_HEADER = 'x-medpay-device';

export function deviceId(): string | null {
  if (typeof window === 'undefined') return null;
  try {
    let id = window.localStorage.getItem(STORAGE_KEY);
    if (!id) {
      id = crypto.randomUUID();
      window.localStorage.setItem(STORAGE_KEY, id);
    }
    return id;
  } catch {
    // Storage refused (private mode, a policy): no device id rather than a new one per request.
    return null;
  }
}
