// Builds supergraph.graphql from supergraph.yaml with @apollo/composition. `--check` fails when the
// committed file is stale. Composition errors always fail; hints fail unless accepted below.
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const supergraphPath = resolve(root, 'supergraph.graphql');

/** Hints we have read and accept, by code, with why. */
const ACCEPTED_HINTS: Record<string, string> = {};

interface SupergraphConfig {
  subgraphs: Record<string, { routing_url: string; schema: { file: string } }>;
}

export function readSupergraphConfig(): SupergraphConfig {
  return parseYaml(readFileSync(resolve(root, 'supergraph.yaml'), 'utf8')) as SupergraphConfig;
}

export function composeSupergraph(): { supergraphSdl: string; hints: string[] } {
  const config = readSupergraphConfig();
  const services = Object.entries(config.subgraphs).map(([name, subgraph]) => ({
    name,
    url: subgraph.routing_url,
    typeDefs: parse(readFileSync(resolve(root, subgraph.schema.file), 'utf8')),
  }));
  const result = composeServices(services);
  if (result.errors) throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  const hints = result.hints.filter((hint) => !(hint.definition.code in ACCEPTED_HINTS)).map((hint) => `${hint.definition.code}: ${hint.message}`);
  return { supergraphSdl: result.supergraphSdl, hints };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { supergraphSdl, hints } = composeSupergraph();
  if (hints.length) {
    console.error(`Composition hints not accepted in scripts/compose.ts:\n${hints.join('\n')}`);
    process.exit(1);
  }
  if (process.argv.includes('--check')) {
    if (readFileSync(supergraphPath, 'utf8') !== supergraphSdl) {
      console.error('supergraph.graphql is stale: run npm run compose');
      process.exit(1);
    }
  } else {
    writeFileSync(supergraphPath, supergraphSdl);
    console.log(`wrote ${supergraphPath}`);
  }
}
