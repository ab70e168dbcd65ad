'use client';
// Which clinic to work on: straight in when there is one, a choice when there are several.
import { useQuery } from '@apollo/client/react';
import { RequireSession } from '@medpay/web/session';
import { ErrorNotice, Loading } from '@medpay/web/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { MyClinics } from '../components/clinic-context';
import { clinicStatusLabel, staffRoleLabel } from '../components/labels';

function ClinicPicker() {
  const { data, loading, error } = useQuery(MyClinics);
  const router = useRouter();
  const clinics = data?.me?.clinics ?? [];
  useEffect(() => {
    if (clinics.length === 1) router.replace(`/clinicas/${clinics[0]!.clinic.id}`);
  }, [clinics, router]);
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} />;
  if (clinics.length === 0) return <p className="notice notice-info">Você ainda não faz parte da equipe de nenhuma clínica. Peça ao administrador da clínica para adicionar o seu e-mail.</p>;
  if (clinics.length === 1) return <Loading label="Abrindo a clínica…" />;
  return (
    <>
      <h1>Escolha a clínica</h1>
      <ul className="list">
        {clinics.map(({ clinic, role }) => (
          <li key={clinic.id} className="card">
            <Link href={`/clinicas/${clinic.id}`} className="spread">
              <strong>{clinic.tradeName}</strong>
              <span className="muted">{staffRoleLabel[role]} · {clinicStatusLabel[clinic.status]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

export default function Home() {
  return (
    <RequireSession>
      <ClinicPicker />
    </RequireSession>
  );
}
