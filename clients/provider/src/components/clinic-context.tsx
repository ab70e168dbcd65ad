'use client';
// The clinic a page works on: taken from the URL, and only when the logged-in person is on its team
// (the graph checks again on every field). Anyone else gets "no access", whatever id they typed.
import { useQuery } from '@apollo/client/react';
import { graphql } from '@medpay/web/graphql';
import type { ClinicStatus, StaffRole } from '@medpay/web/types';
import { ErrorNotice, Loading } from '@medpay/web/ui';
import Link from 'next/link';
import { createContext, useContext, type ReactNode } from 'react';

export const MyClinics = graphql(`
  query ClinicMemberships {
    me { id name clinics { role clinic { id tradeName status statusReason } } }
  }
`);

export interface CurrentClinic {
  id: string;
  tradeName: string;
  status: ClinicStatus;
  statusReason: string | null;
  role: StaffRole;
}

const ClinicContext = createContext<CurrentClinic | null>(null);

export function useClinic(): CurrentClinic {
  const clinic = useContext(ClinicContext);
  if (!clinic) throw new Error('useClinic outside ClinicGate');
  return clinic;
}

export function ClinicGate({ clinicId, children }: { clinicId: string; children: ReactNode }) {
  const { data, loading, error } = useQuery(MyClinics);
  if (loading && !data) return <Loading />;
  if (!data) return <ErrorNotice error={error} />;
  const membership = data.me?.clinics?.find((m) => m.clinic.id === clinicId);
  if (!membership) {
    return (
      <div className="card" role="alert">
        <h1>Sem acesso</h1>
        <p>Você não faz parte da equipe desta clínica.</p>
        <p><Link href="/">Escolher uma das suas clínicas</Link></p>
      </div>
    );
  }
  const clinic: CurrentClinic = { ...membership.clinic, statusReason: membership.clinic.statusReason ?? null, role: membership.role };
  return <ClinicContext.Provider value={clinic}>{children}</ClinicContext.Provider>;
}
