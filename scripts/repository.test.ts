// Checks of files that no other test executes: the committed supergraph, the clients' API schema and
// typed documents, the subgraphs' resolver types, and docker-compose.yml (no Docker engine runs on our
// machines, so the file is checked against the code instead).
import { describe, expect, it } from '@jest/globals';
import { aiConfigShape } from '@medpay/ai';
import { analyticsConfigShape } from '@medpay/analytics';
import { notificationsConfigShape } from '@medpay/notifications';
import { paymentsConfigShape } from '@medpay/payments';
import { providersConfigShape } from '@medpay/providers';
import { routerConfigShape } from '@medpay/router';
import { usersConfigShape } from '@medpay/users';
import { buildSchema, parse, validate } from 'graphql';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { apiSchemaOf, apiSchemaPath, composeSupergraph, readSupergraphConfig, root, supergraphPath } from './compose.js';

describe('supergraph.graphql', () => {
  it('is what composing supergraph.yaml gives today, with no unaccepted hints, and so is the API schema', () => {
    const { supergraphSdl, hints } = composeSupergraph();
    expect(hints).toEqual([]);
    expect(readFileSync(supergraphPath, 'utf8')).toBe(supergraphSdl);
    expect(readFileSync(apiSchemaPath, 'utf8')).toBe(apiSchemaOf(supergraphSdl));
  });
});

describe('typed documents and resolver types', () => {
  it('are what `npm run codegen` generates from the API schema, the apps\' operations and each subgraph\'s SDL today', () => {
    // The generator's own dry run: it fails, listing the files, when any output would change.
    const check = spawnSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--check'], { cwd: root, encoding: 'utf8' });
    expect({ status: check.status, output: check.status === 0 ? '' : check.stdout + check.stderr }).toEqual({ status: 0, output: '' });
  });

  it('list the apps\' trusted documents (the manifest the router runs for their ids): each id is its text\'s sha256, each text valid', () => {
    const manifest = JSON.parse(readFileSync(resolve(root, 'clients/shared/src/graphql/persisted-documents.json'), 'utf8')) as Record<string, string>;
    const apiSchema = buildSchema(readFileSync(apiSchemaPath, 'utf8'));
    expect(Object.keys(manifest).length).toBeGreaterThan(0);
    for (const [id, text] of Object.entries(manifest)) {
      expect(id).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
      expect(validate(apiSchema, parse(text)).map((error) => `${id}: ${error.message}`)).toEqual([]);
    }
  });
});

interface ComposeService {
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  expose?: string[];
  depends_on?: Record<string, unknown>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  secrets?: string[];
}

describe('docker-compose.yml', () => {
  const compose = parseYaml(readFileSync(resolve(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService>; secrets: Record<string, { environment?: string }> };
  const readYaml = <T>(path: string) => parseYaml(readFileSync(resolve(root, path), 'utf8')) as T;
  /** where a compose service mounts a file or folder of the repository */
  const mountOf = (service: string, source: string) => compose.services[service]!.volumes?.find((volume) => volume.startsWith(`${source}:`))?.split(':')[1];
  const apps: Record<string, { shape: Record<string, unknown>; portVariable: string }> = {
    users: { shape: usersConfigShape, portVariable: 'PORT' },
    providers: { shape: providersConfigShape, portVariable: 'PORT' },
    payments: { shape: paymentsConfigShape, portVariable: 'PORT' },
    analytics: { shape: analyticsConfigShape, portVariable: 'PORT' },
    notifications: { shape: notificationsConfigShape, portVariable: 'PORT' },
    ai: { shape: aiConfigShape, portVariable: 'PORT' },
    router: { shape: routerConfigShape, portVariable: 'ROUTER_PORT' },
  };

  it('runs every subgraph of supergraph.yaml and the router, next to PostgreSQL, Redis and MongoDB', () => {
    const subgraphs = Object.keys(readSupergraphConfig().subgraphs);
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining([...subgraphs, 'router', 'postgres', 'redis', 'mongodb']));
    expect(Object.keys(apps).sort()).toEqual([...subgraphs, 'router'].sort());
  });

  it.each(Object.keys(apps))('%s: reads only variables its configuration knows, on the port it serves and health-checks (only the router published)', (name) => {
    const service = compose.services[name]!;
    const { shape, portVariable } = apps[name]!;
    const environment = service.environment ?? {};
    for (const variable of Object.keys(environment)) expect([name, variable, variable in shape]).toEqual([name, variable, true]);
    const port = environment[portVariable];
    // Subgraphs stay on the internal network: only the router is published.
    if (name === 'router') expect(service.ports).toEqual([`${port}:${port}`]);
    else expect([service.ports, service.expose]).toEqual([undefined, [port]]);
    expect(service.healthcheck?.test.join(' ')).toContain(`127.0.0.1:${port}/health`);
    expect(existsSync(resolve(root, service.command!.at(-1)!))).toBe(true);
    for (const dependency of Object.keys(service.depends_on ?? {})) expect(Object.keys(compose.services)).toContain(dependency);
  });

  it("keeps the documents in MinIO's private bucket, encrypted server-side, for payments and providers", () => {
    const minio = compose.services.minio!;
    expect(minio.environment!.MINIO_KMS_SECRET_KEY).toMatch(/^\$\{MINIO_KMS_SECRET_KEY:\?/);
    expect(minio.healthcheck?.test.join(' ')).toContain('mc ready');
    const setup = compose.services['minio-setup']!;
    expect(JSON.stringify(setup.entrypoint)).toMatch(/mc mb --ignore-existing medpay\/medpay-documents && mc anonymous set none medpay\/medpay-documents/);
    expect(setup.depends_on).toEqual({ minio: { condition: 'service_healthy' } });
    for (const service of ['payments', 'providers']) {
      expect(compose.services[service]!.environment).toMatchObject({ S3_URL: 'http://minio:9000', S3_BUCKET: 'medpay-documents', S3_SSE: 'AES256' });
      expect(compose.services[service]!.depends_on).toMatchObject({ 'minio-setup': { condition: 'service_completed_successfully' } });
    }
  });

  it("runs the external providers' simulators as staging stand-ins, each the default of the services that call it", () => {
    const simulators = { 'receita-simulator': ['RECEITA_BASE_URL', ['users', 'providers']], 'clicksign-simulator': ['CLICKSIGN_BASE_URL', ['payments', 'providers']], 'ninsaude-simulator': ['NINSAUDE_BASE_URL', ['providers']], 'helena-simulator': ['HELENA_BASE_URL', ['providers']] } as const;
    for (const [name, [variable, callers]] of Object.entries(simulators)) {
      const simulator = compose.services[name]!;
      expect(existsSync(resolve(root, simulator.command!.at(-1)!))).toBe(true);
      const port = Object.entries(simulator.environment!).find(([key]) => key.endsWith('_SIM_PORT'))![1];
      for (const caller of callers) expect(compose.services[caller]!.environment![variable]).toBe(`\${${variable}:-http://${name}:${port}}`);
    }
    expect(compose.services['clicksign-simulator']!.environment!.CLICKSIGN_WEBHOOK_URL).toBe('http://router:4000/webhooks/clicksign');
    expect(compose.services['helena-simulator']!.environment!.HELENA_WEBHOOK_URL).toBe('http://router:4000/webhooks/helena');
  });

  it('runs MongoDB as a replica set and points analytics and ai at it', () => {
    expect(compose.services.mongodb!.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
    for (const service of ['analytics', 'ai']) {
      expect(compose.services[service]!.environment!.MONGODB_URL).toMatch(/^mongodb:\/\/mongodb:27017\/\w+\?replicaSet=rs0$/);
      expect(Object.keys(compose.services[service]!.depends_on ?? {})).toContain('mongodb');
    }
  });

  it('serves each app under clients/ on its port, next to the router', () => {
    for (const [app, port] of [['patient', 3000], ['provider', 3001], ['admin', 3002]] as const) {
      const service = compose.services[`${app}-app`]!;
      expect(existsSync(resolve(root, 'clients', app, 'package.json'))).toBe(true);
      expect(service.command).toEqual(expect.arrayContaining([`clients/${app}`, String(port)]));
      expect(service.ports).toEqual([`${port}:${port}`]);
      expect(Object.keys(service.depends_on ?? {})).toEqual(['router']);
    }
  });

  const portOf = (name: string) => compose.services[name]!.environment![apps[name]!.portVariable];

  it('sends every service\'s spans to the OpenTelemetry Collector, which exports them to Jaeger', () => {
    for (const name of Object.keys(apps)) expect([name, compose.services[name]!.environment!.OTEL_EXPORTER_OTLP_ENDPOINT]).toEqual([name, 'http://otel-collector:4318']);
    const collector = readYaml<{ receivers: { otlp: { protocols: { http: { endpoint: string } } } }; exporters: Record<string, { endpoint: string }>; service: { pipelines: { traces: { receivers: string[]; exporters: string[] } } } }>('observability/otel-collector.yaml');
    expect(collector.receivers.otlp.protocols.http.endpoint).toBe('0.0.0.0:4318');
    expect(compose.services['otel-collector']!.expose).toContain('4318');
    expect(collector.service.pipelines.traces).toMatchObject({ receivers: ['otlp'], exporters: ['otlp/jaeger'] });
    expect(collector.exporters['otlp/jaeger']!.endpoint).toBe('jaeger:4317');
    expect(compose.services.jaeger!.environment!.COLLECTOR_OTLP_ENABLED).toBe('true');
    const config = mountOf('otel-collector', './observability/otel-collector.yaml');
    expect(compose.services['otel-collector']!.command).toEqual([`--config=${config}`]);
  });

  it('has Prometheus scrape every service on its port with the metrics token', () => {
    const prometheus = readYaml<{ scrape_configs: { authorization: { credentials_file: string }; static_configs: { targets: string[] }[] }[] }>('observability/prometheus.yml');
    const [job] = prometheus.scrape_configs;
    expect(job!.static_configs.flatMap((config) => config.targets).sort()).toEqual(Object.keys(apps).map((name) => `${name}:${portOf(name)}`).sort());
    expect(job!.authorization.credentials_file).toBe('/run/secrets/metrics_token');
    expect(compose.services.prometheus!.secrets).toContain('metrics_token');
    expect(compose.secrets.metrics_token!.environment).toBe('METRICS_TOKEN');
    for (const name of Object.keys(apps)) expect([name, compose.services[name]!.environment!.METRICS_TOKEN]).toEqual([name, '${METRICS_TOKEN:?set METRICS_TOKEN}']);
    expect(mountOf('prometheus', './observability/prometheus.yml')).toBe('/etc/prometheus/prometheus.yml');
  });

  it('provisions Grafana with Prometheus, Jaeger and dashboards of metrics the services emit', () => {
    const datasources = readYaml<{ datasources: { uid: string; url: string }[] }>('observability/grafana/provisioning/datasources/datasources.yaml').datasources;
    expect(datasources.map(({ uid, url }) => [uid, url])).toEqual([['prometheus', 'http://prometheus:9090'], ['jaeger', 'http://jaeger:16686']]);
    const providers = readYaml<{ providers: { options: { path: string } }[] }>('observability/grafana/provisioning/dashboards/dashboards.yaml').providers;
    expect(mountOf('grafana', './observability/grafana/dashboards')).toBe(providers[0]!.options.path);
    expect(mountOf('grafana', './observability/grafana/provisioning')).toBe('/etc/grafana/provisioning');
    // every medpay_ metric a panel plots is one the code moves, observes or declares
    const sources = spawnSync('grep', ['-rhoE', "(increment|observe|gauge|set)\\('[a-z_]+'", 'libs', 'subgraphs', 'router', '--include=*.ts'], { cwd: root, encoding: 'utf8' }).stdout;
    const emitted = new Set([...sources.matchAll(/'([a-z_]+)'/g)].map((match) => `medpay_${match[1]}`));
    const dashboard = JSON.parse(readFileSync(resolve(root, 'observability/grafana/dashboards/medpay-overview.json'), 'utf8')) as { panels: { targets: { expr: string; datasource: { uid: string } }[] }[] };
    const plotted = dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => [...target.expr.matchAll(/\bmedpay_[a-z_]+/g)].map(([name]) => name.replace(/_(bucket|count|sum)$/, ''))));
    expect(plotted.length).toBeGreaterThan(10);
    expect([...new Set(plotted)].filter((name) => !emitted.has(name))).toEqual([]);
    expect(dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.datasource.uid))).toEqual(expect.arrayContaining(['prometheus']));
  });

  it('points the router and the subgraphs at each other by service name and port', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [variable, value] of Object.entries(service.environment ?? {})) {
        const match = /^([A-Z]+)_URL$/.exec(variable);
        const target = match?.[1]?.toLowerCase();
        if (!target || !(target in apps)) continue;
        expect([name, value]).toEqual([name, `http://${target}:${portOf(target)}`]);
      }
    }
  });
});
