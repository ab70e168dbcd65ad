// Load rounds from a separate process (bench/lib/load-worker.ts), and the target's CPU time and
// peak RSS read from /proc while it runs.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchRoot } from './processes.js';

export interface LoadSpec {
  url: string;
  connections: number;
  seconds: number;
  /** request bodies, sent in turn by each connection */
  bodies: string[];
  headers?: Record<string, string>;
  /** extra headers for the body of the same index (a caller per page, say) */
  headersPerBody?: Record<string, string>[];
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** of the errors, requests that got no answer in time */
  timeouts?: number;
  /** the start of the first answer that counted as an error */
  firstError?: string;
}

export interface Measured extends LoadResult {
  /** the target process's CPU, in cores busy on average (1 = one core all the time) */
  cpu: number;
  /** the target process's peak resident memory so far, MiB */
  peakRssMiB: number;
}

const CLOCK_TICKS = 100;

/** CPU seconds (user + system) a process has used. */
export function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

export function peakRssMiBOf(pid: number): number {
  const found = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return found ? Number(found[1]) / 1024 : NaN;
}

/** Runs the load worker; `onStart` is called when the load begins (the worker says so on stdout). */
export function runLoad(spec: LoadSpec, onStart: () => void = () => {}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // The spec goes through stdin: 500 callers' tokens are more than one argument may hold.
    const child = spawn(process.execPath, ['--import', 'tsx', join(benchRoot, 'lib', 'load-worker.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdin.end(JSON.stringify(spec));
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (!output && chunk.toString().startsWith('started')) onStart();
      output += chunk.toString();
    });
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output.trim().split('\n').at(-1)!) as LoadResult) : reject(new Error(`load worker exited ${code}`))));
  });
}

/** One measured round against a target process (pid: whose CPU and memory to report). */
export async function measure(spec: LoadSpec, pid: number): Promise<Measured> {
  let cpuBefore = cpuSecondsOf(pid);
  let started = performance.now();
  const result = await runLoad(spec, () => {
    cpuBefore = cpuSecondsOf(pid);
    started = performance.now();
  });
  const elapsed = (performance.now() - started) / 1000;
  return { ...result, cpu: (cpuSecondsOf(pid) - cpuBefore) / elapsed, peakRssMiB: peakRssMiBOf(pid) };
}
