// A background pass that runs on an interval and whenever someone asks (kick), never two at once:
// a kick during a pass runs exactly one more pass after it. Used by workers and outbox relays.
import type { Logger } from './logger.js';

export class CoalescingLoop {
  private running: Promise<void> | null = null;
  private again = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly name: string,
    private readonly pass: () => Promise<void>,
    private readonly logger: Logger,
  ) {}

  start(intervalMs: number) {
    this.timer = setInterval(this.kick, intervalMs);
    this.timer.unref();
  }

  async stop() {
    clearInterval(this.timer);
    await this.idle();
  }

  kick = () => {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .catch((error: unknown) => this.logger.error({ err: error, loop: this.name }, 'pass failed; it runs again on the next one'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  };

  /** Waits for the passes in flight. */
  async idle() {
    while (this.running) await this.running;
  }
}
