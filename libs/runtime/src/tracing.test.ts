// A request's id and trace on the log lines written while it is answered, and on the calls it makes.
import { afterAll, describe, expect, it } from '@jest/globals';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { currentRequest, REQUEST_ID_HEADER, startTracing, traceCall, traceRequest } from './tracing.js';

const exporter = new InMemorySpanExporter();
const tracing = startTracing('tracing-test', exporter)!;
afterAll(() => tracing.shutdown());

describe('traceRequest', () => {
  it('names the request and its trace on every log line, answers its id, and passes both on to calls out', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ mixin: currentRequest }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const sentOn: Record<string, string>[] = [];
    const server = createServer((req, res) =>
      traceRequest('test', req, res, async () => {
        logger.info('answering');
        const headers: Record<string, string> = {};
        await traceCall('test → elsewhere', {}, headers, async () => sentOn.push(headers));
        res.end('ok');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const own = await fetch(url, { headers: { [REQUEST_ID_HEADER]: 'app-request-0001' } });
      const insane = await fetch(url, { headers: { [REQUEST_ID_HEADER]: 'x'.repeat(500) } });
      expect(own.headers.get(REQUEST_ID_HEADER)).toBe('app-request-0001');
      expect(insane.headers.get(REQUEST_ID_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
      expect(lines[0]).toMatchObject({ msg: 'answering', requestId: 'app-request-0001', traceId: expect.stringMatching(/^[0-9a-f]{32}$/) });
      expect(sentOn[0]).toMatchObject({ [REQUEST_ID_HEADER]: 'app-request-0001', traceparent: expect.stringContaining(lines[0]!.traceId as string) });
      expect(currentRequest()).toEqual({});
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
