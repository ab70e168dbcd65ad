// Breaking changes of the API schema against the last release (clients/schema.release.graphql), found
// by @graphql-inspector/core; each must be acknowledged in clients/SCHEMA-CHANGES.md under
// "## Unreleased" by its path. `--release` makes the current schema the release and dates the notes.
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiSchemaPath, root } from './compose.js';

export const releasePath = resolve(root, 'clients/schema.release.graphql');
export const changesPath = resolve(root, 'clients/SCHEMA-CHANGES.md');

export interface BreakingChange {
  path: string;
  message: string;
}

export async function breakingChanges(releaseSdl: string, currentSdl: string): Promise<BreakingChange[]> {
  const changes = await diff(buildSchema(releaseSdl), buildSchema(currentSdl));
  return changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .map((change) => ({ path: change.path ?? change.type, message: change.message }));
}

/** The paths acknowledged under "## Unreleased". */
export function acknowledged(changelog: string): Set<string> {
  const unreleased = /## Unreleased\n([\s\S]*?)(?=\n## |$)/.exec(changelog)?.[1] ?? '';
  return new Set([...unreleased.matchAll(/^- `([^`]+)`/gm)].map((match) => match[1]!));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const current = readFileSync(apiSchemaPath, 'utf8');
  if (process.argv.includes('--release')) {
    const changelog = readFileSync(changesPath, 'utf8');
    const date = new Date().toISOString().slice(0, 10);
    writeFileSync(changesPath, changelog.replace(/## Unreleased\n([\s\S]*?)(?=\n## |$)/, (_, notes: string) => `## Unreleased\n\n(no breaking changes)\n\n## ${date}\n${notes}`));
    writeFileSync(releasePath, current);
    console.log(`released the API schema of ${date}`);
  } else {
    const ack = acknowledged(readFileSync(changesPath, 'utf8'));
    const missing = (await breakingChanges(readFileSync(releasePath, 'utf8'), current)).filter((change) => !ack.has(change.path));
    for (const change of missing) console.error(`breaking, not acknowledged: \`${change.path}\` — ${change.message}`);
    process.exit(missing.length ? 1 : 0);
  }
}
