// A subgraph's replicas, when the router is given several base URLs for it (PAYMENTS_URL=
// "http://10.0.1.5:4003,http://10.0.2.7:4003"): calls go round-robin over the ones that answer their
// health check, a replica that refuses a connection is skipped at once until its check passes again,
// and with none known healthy every replica is still tried in turn (a check can be wrong; a refusal
// costs one retry). One URL is the common case and costs nothing: no checks, always that URL.
export class Replicas {
  private readonly up: boolean[];
  private next = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly name: string,
    readonly baseUrls: readonly string[],
    private readonly checkIntervalMs = 2_000,
  ) {
    if (baseUrls.length === 0) throw new Error(`${name}: no URL`);
    this.up = baseUrls.map(() => true);
  }

  get count() {
    return this.baseUrls.length;
  }

  /** The next replica in turn, skipping those down and `except` (the one a retry is leaving). */
  pick(except?: string): string {
    const count = this.baseUrls.length;
    if (count === 1) return this.baseUrls[0]!;
    for (const healthyOnly of [true, false]) {
      for (let step = 0; step < count; step += 1) {
        const index = (this.next + step) % count;
        const url = this.baseUrls[index]!;
        if (url === except || (healthyOnly && !this.up[index])) continue;
        this.next = index + 1;
        return url;
      }
    }
    return except!;
  }

  /** A call found it unreachable: skipped until its health check answers again. */
  markDown(baseUrl: string) {
    const index = this.baseUrls.indexOf(baseUrl);
    if (index >= 0) this.up[index] = false;
  }

  status(): { url: string; up: boolean }[] {
    return this.baseUrls.map((url, index) => ({ url, up: this.up[index]! }));
  }

  /** Asks every replica's /health now. */
  async check(timeoutMs = 1_000): Promise<void> {
    await Promise.all(
      this.baseUrls.map(async (url, index) => {
        this.up[index] = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) }).then((response) => response.ok, () => false);
      }),
    );
  }

  /** Checks replicas on an interval (only when there are several to choose from). */
  start() {
    if (this.count < 2 || this.timer) return;
    void this.check();
    this.timer = setInterval(() => void this.check(), this.checkIntervalMs);
    this.timer.unref();
  }

  close() {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

/** Base URLs from a comma-separated list (one URL for a single replica). */
export const urlList = (value: string) =>
  value
    .split(',')
    .map((url) => url.trim().replace(/\/+$/, ''))
    .filter(Boolean);
