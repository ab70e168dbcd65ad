// The load balancer's and the container's health check: this server is up and answering.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok' });
}
