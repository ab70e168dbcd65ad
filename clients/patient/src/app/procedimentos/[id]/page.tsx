// A procedure's public page, rendered on the server with its plans (the edge may cache it), then live (procedure.tsx).
import { queryOnServer } from '@medpay/web/server';
import { Procedure } from './procedure';
import { DEFAULT_DUE_DAY, ProcedurePage } from './query';

export default async function ProcedureRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <Procedure initial={await queryOnServer(ProcedurePage, { id, firstDueDay: DEFAULT_DUE_DAY })} />;
}
