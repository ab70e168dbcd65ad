'use client';
import { useEffect } from 'react';

/** Registers public/sw.js (production builds only: in development it would serve stale code). */
export function ServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV === 'production' && 'serviceWorker' in navigator) void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  }, []);
  return null;
}
