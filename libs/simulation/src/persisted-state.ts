// A simulator's state kept across restarts, as a real account would be: read at start, written whole and
// renamed into place after each change, so a crash mid-write leaves the previous state, never half of one.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface PersistedState {
  /** what was saved last, or undefined (no file, or none configured) */
  load(): unknown;
  /** writes what `snapshot` gives, taken only when there is a file to write */
  save(snapshot: () => unknown): void;
}

export function persistedState(file: string | undefined): PersistedState {
  return {
    load: () => (file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined),
    save(snapshot) {
      if (!file) return;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify(snapshot()));
      renameSync(`${file}.tmp`, file);
    },
  };
}
