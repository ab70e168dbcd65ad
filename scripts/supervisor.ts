// Keeps `npm start`'s processes running: one that exits is started again after a backoff that doubles
// while it keeps failing soon after starting (and resets once it has stayed up a while), and the others
// keep serving meanwhile. Only stop() — Ctrl-C — ends them all.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ProcessSpec {
  name: string;
  /** the command and its arguments; `node` runs this very Node */
  command?: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
}

export interface SupervisorOptions {
  /** the first wait before a restart */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** a process up this long counts as healthy again: its next restart waits minBackoffMs */
  stableMs?: number;
  /** where each process's output goes, line by line, prefixed with its name */
  write?: (stream: 'stdout' | 'stderr', text: string) => void;
}

interface Supervised {
  spec: ProcessSpec;
  child: ChildProcess | null;
  startedAt: number;
  backoffMs: number;
  restarts: number;
  timer: NodeJS.Timeout | null;
}

export class Supervisor {
  private readonly processes = new Map<string, Supervised>();
  private stopping = false;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly stableMs: number;
  private readonly write: NonNullable<SupervisorOptions['write']>;

  constructor(options: SupervisorOptions = {}) {
    this.minBackoffMs = options.minBackoffMs ?? 1_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.stableMs = options.stableMs ?? 60_000;
    this.write = options.write ?? ((stream, text) => process[stream].write(text));
  }

  start(spec: ProcessSpec) {
    if (this.processes.has(spec.name)) throw new Error(`${spec.name} is already supervised`);
    const entry: Supervised = { spec, child: null, startedAt: 0, backoffMs: this.minBackoffMs, restarts: 0, timer: null };
    this.processes.set(spec.name, entry);
    this.launch(entry);
  }

  /** the running process of that name (none while it waits to restart) */
  pidOf(name: string): number | undefined {
    return this.processes.get(name)?.child?.pid;
  }

  restartsOf(name: string): number {
    return this.processes.get(name)?.restarts ?? 0;
  }

  /** Ends every process (SIGTERM, SIGKILL after graceMs) and cancels pending restarts. */
  async stop(graceMs = 10_000) {
    this.stopping = true;
    const running = [...this.processes.values()].flatMap((entry) => {
      if (entry.timer) clearTimeout(entry.timer);
      const child = entry.child;
      return child && child.exitCode === null && child.signalCode === null ? [child] : [];
    });
    await Promise.all(
      running.map(
        (child) =>
          new Promise<void>((resolve) => {
            const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
            child.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  }

  private launch(entry: Supervised) {
    const { name, command, args, env, cwd } = entry.spec;
    const child = spawn(!command || command === 'node' ? process.execPath : command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    entry.child = child;
    entry.startedAt = Date.now();
    this.write('stdout', `${name} started (pid ${child.pid})\n`);
    for (const stream of ['stdout', 'stderr'] as const) {
      let partial = '';
      child[stream]!.on('data', (chunk: Buffer) => {
        const lines = (partial + chunk.toString()).split('\n');
        partial = lines.pop()!;
        if (lines.length) this.write(stream, lines.map((line) => `[${name}] ${line}\n`).join(''));
      });
      child[stream]!.on('end', () => partial && this.write(stream, `[${name}] ${partial}\n`));
    }
    // A command that cannot be spawned at all ends in 'error' and 'exit' alike: 'exit' restarts it.
    child.on('error', (error) => this.write('stderr', `[${name}] ${error.message}\n`));
    child.on('exit', (code, signal) => {
      entry.child = null;
      if (this.stopping) return;
      if (Date.now() - entry.startedAt >= this.stableMs) entry.backoffMs = this.minBackoffMs;
      const wait = entry.backoffMs;
      entry.backoffMs = Math.min(entry.backoffMs * 2, this.maxBackoffMs);
      this.write('stderr', `${name} exited (${signal ?? `code ${code}`}); restarting in ${(wait / 1000).toFixed(1)} s — the others keep serving\n`);
      entry.timer = setTimeout(() => {
        entry.timer = null;
        if (this.stopping) return;
        entry.restarts += 1;
        this.launch(entry);
      }, wait);
    });
  }
}
