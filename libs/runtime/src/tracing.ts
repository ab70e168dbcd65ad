// Traces with OpenTelemetry. Each request continues its caller's W3C trace context (`traceparent`:
// an app, a partner, the router) or starts one, and every call out carries it on — router to
// subgraph, subgraph to subgraph, adapter to provider — so one trace shows a checkout from the
// router through payments to providers, down to each SQL statement (Prisma's own instrumentation).
// Each request also has an id (`x-request-id`: the caller's when it sent a sane one), answered in a
// response header, passed on with the trace context, and written on every log line (logger.ts).
//
// Nothing is recorded unless tracing is started: with OTEL_EXPORTER_OTLP_ENDPOINT set, a process
// exports its spans over OTLP/HTTP (the collector in docker-compose.yml); tests start it with an
// in-memory exporter.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { PrismaInstrumentation } from '@prisma/instrumentation';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const SANE_REQUEST_ID = /^[\w.:-]{8,128}$/;

const requestScope = new AsyncLocalStorage<{ requestId: string }>();
const tracer = () => trace.getTracer('medpay');

/** The request being answered: its id, and the trace it belongs to (for log lines). */
export function currentRequest(): { requestId?: string; traceId?: string; spanId?: string } {
  const requestId = requestScope.getStore()?.requestId;
  const span = trace.getActiveSpan()?.spanContext();
  const traced = span && trace.isSpanContextValid(span) ? { traceId: span.traceId, spanId: span.spanId } : {};
  return { ...(requestId ? { requestId } : {}), ...traced };
}

/** Answers a request inside a server span that continues the caller's trace, with its request id. */
export function traceRequest(service: string, req: IncomingMessage, res: ServerResponse, handle: () => Promise<unknown>): Promise<unknown> {
  const sent = req.headers[REQUEST_ID_HEADER];
  const requestId = typeof sent === 'string' && SANE_REQUEST_ID.test(sent) ? sent : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const path = (req.url ?? '/').split('?')[0]!;
  const parent = propagation.extract(context.active(), req.headers);
  const span = tracer().startSpan(
    `${service} ${req.method} ${path}`,
    { kind: SpanKind.SERVER, attributes: { 'medpay.service': service, 'medpay.request_id': requestId, 'http.request.method': req.method ?? '', 'url.path': path } },
    parent,
  );
  res.once('close', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return requestScope.run({ requestId }, () => context.with(trace.setSpan(parent, span), handle));
}

/** Runs a call out in a client span, its trace context and request id written into `headers`. */
export function traceCall<T>(name: string, attributes: Attributes, headers: Record<string, string>, call: () => Promise<T>): Promise<T> {
  return traced(name, attributes, () => {
    propagation.inject(context.active(), headers);
    const requestId = requestScope.getStore()?.requestId;
    if (requestId) headers[REQUEST_ID_HEADER] = requestId;
    return call();
  }, SpanKind.CLIENT);
}

/**
 * Runs work in a span of its own (a Redis write, a document store read) within the request's trace;
 * background work (a relay's or an intake's loop) records none of its own, lest every event make a trace.
 */
export function traced<T>(name: string, attributes: Attributes, work: () => Promise<T>, kind = SpanKind.INTERNAL): Promise<T> {
  if (kind === SpanKind.INTERNAL && !trace.getActiveSpan()) return work();
  return tracer().startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * Starts recording this process's spans: to `exporter` when given (tests), else over OTLP/HTTP when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise nothing is started (and nothing recorded). Registers
 * the W3C propagator, the async context and Prisma's instrumentation.
 */
export function startTracing(service: string, exporter?: SpanExporter): { shutdown(): Promise<void> } | null {
  if (!exporter && !process.env.OTEL_EXPORTER_OTLP_ENDPOINT) return null;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  // Prisma's client reports its queries to whichever instrumentation is enabled in the process.
  const prisma = new PrismaInstrumentation();
  prisma.setTracerProvider(provider);
  prisma.enable();
  return {
    async shutdown() {
      prisma.disable();
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

/** Apollo Server plugin: the request's span says which operation it ran. */
export const tracingPlugin = (): ApolloServerPlugin<BaseContext> => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ operationName, operation }) {
        trace.getActiveSpan()?.setAttributes({ ...(operation ? { 'graphql.operation.type': operation.operation } : {}), ...(operationName ? { 'graphql.operation.name': operationName } : {}) });
      },
    };
  },
});
