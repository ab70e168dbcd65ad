// A clinic's public page, rendered on the server with its data (the edge may cache it), then live (clinic.tsx).
import { queryOnServer } from '@medpay/web/server';
import { Clinic } from './clinic';
import { ClinicPage } from './query';

export default async function ClinicRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <Clinic initial={await queryOnServer(ClinicPage, { id })} />;
}
