// Child processes of the benchmarks: started, awaited until they say where they listen, pinned to
// a core, and stopped.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = join(benchRoot, '..');

export interface Started {
  child: ChildProcess;
  pid: number;
  /** what the process printed after `pattern`'s match: its URL, or a JSON payload */
  found: string;
}

/** Starts `node <args>` and resolves with the first match of `pattern` (its group 1) on stdout. */
export function startNode(args: string[], env: Record<string, string>, pattern: RegExp, timeoutMs = 60_000): Promise<Started> {
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start: ${output}`)), timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = pattern.exec(output);
      if (found) {
        clearTimeout(timer);
        child.stdout!.off('data', read);
        child.stdout!.resume();
        resolve({ child, pid: child.pid!, found: found[1]! });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited (${code}): ${output}`));
    });
  });
}

export async function stop(started: Started | undefined) {
  if (!started || started.child.exitCode !== null) return;
  const exited = new Promise((resolve) => started.child.once('exit', resolve));
  started.child.kill('SIGTERM');
  const timer = setTimeout(() => started.child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

const cores = (await import('node:os')).availableParallelism();

/**
 * Pins every thread of a process to one set of cores. The process under test gets the last core to
 * itself, the rest (subgraphs, load generator) share the others; `all` undoes it. On one core this
 * does nothing.
 */
export function pin(pid: number, role: 'target' | 'rest' | 'all') {
  if (cores < 2) return;
  const list = role === 'target' ? String(cores - 1) : role === 'rest' ? `0-${cores - 2}` : `0-${cores - 1}`;
  spawnSync('taskset', ['-a', '-p', '-c', list, String(pid)], { stdio: 'ignore' });
}
