// The supervisor with real processes: a killed server comes back while its neighbour keeps answering,
// a process that keeps crashing waits longer each time, and stop() ends everything for good.
import { afterEach, describe, expect, it } from '@jest/globals';
import { eventually } from '@medpay/runtime/testing';
import { createServer } from 'node:net';
import { Supervisor } from './supervisor.js';

/** A tiny HTTP server answering its port and pid, as a service would answer /health. */
const server = (port: number) => [
  '-e',
  `require('node:http').createServer((req, res) => res.end(String(process.pid))).listen(${port}, '127.0.0.1'); process.on('SIGTERM', () => process.exit(0));`,
];

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const answer = (port: number) => fetch(`http://127.0.0.1:${port}/`).then((r) => r.text(), () => null);

describe('supervisor', () => {
  let supervisor: Supervisor;
  const output: string[] = [];
  const write = (_stream: 'stdout' | 'stderr', text: string) => void output.push(text);
  afterEach(() => supervisor?.stop());

  it('restarts a killed process while the others keep serving', async () => {
    supervisor = new Supervisor({ minBackoffMs: 100, write });
    const [a, b] = [await freePort(), await freePort()];
    supervisor.start({ name: 'a', args: server(a) });
    supervisor.start({ name: 'b', args: server(b) });
    await eventually(() => answer(a), (pid) => pid === String(supervisor.pidOf('a')), 'a to answer');
    await eventually(() => answer(b), (pid) => pid === String(supervisor.pidOf('b')), 'b to answer');
    const [firstA, firstB] = [supervisor.pidOf('a')!, supervisor.pidOf('b')];

    process.kill(firstA, 'SIGKILL');
    await eventually(() => answer(a), (pid) => pid === null, 'a to be down');
    expect(await answer(b)).toBe(String(firstB));
    await eventually(() => answer(a), (pid) => pid !== null && pid === String(supervisor.pidOf('a')), 'a to be back');
    expect(supervisor.pidOf('a')).not.toBe(firstA);
    expect(supervisor.pidOf('b')).toBe(firstB);
    expect(supervisor.restartsOf('a')).toBe(1);
    expect(output.join('')).toMatch(/a exited \(SIGKILL\); restarting in 0\.1 s/);
  });

  it('waits longer each time a process keeps crashing, and prefixes its output with its name', async () => {
    supervisor = new Supervisor({ minBackoffMs: 100, maxBackoffMs: 800, write });
    supervisor.start({ name: 'crasher', args: ['-e', 'console.log("booting"); process.exit(3)'] });
    await eventually(() => supervisor.restartsOf('crasher'), (restarts) => restarts >= 4, 'four restarts');
    const waits = [...output.join('').matchAll(/crasher exited \(code 3\); restarting in ([\d.]+) s/g)].map((match) => Number(match[1]));
    expect(waits.slice(0, 5)).toEqual([0.1, 0.2, 0.4, 0.8, 0.8].slice(0, waits.length));
    expect(output.join('')).toContain('[crasher] booting\n');
  });

  it('stop() ends every process and restarts none', async () => {
    supervisor = new Supervisor({ minBackoffMs: 50, write });
    const port = await freePort();
    supervisor.start({ name: 'a', args: server(port) });
    await eventually(() => answer(port), (pid) => pid !== null, 'a to answer');
    await supervisor.stop();
    expect(await answer(port)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await answer(port)).toBeNull();
    expect(supervisor.restartsOf('a')).toBe(0);
  });
});
