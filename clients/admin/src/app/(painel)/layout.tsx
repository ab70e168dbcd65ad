'use client';
import { RequireSession } from '@medpay/web/session';
import type { ReactNode } from 'react';

export default function PanelLayout({ children }: { children: ReactNode }) {
  return <RequireSession>{children}</RequireSession>;
}
