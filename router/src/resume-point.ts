// Where a subscription resumes after its link to the subgraph reconnects (the subgraph replays the
// events published after that position, payment-events.ts). Events relayed by several replicas can
// reach the live channel out of their stream order — one replica's event overtaken by another's — so
// resuming after the last event received could skip one still on its way. The router resumes after
// the oldest of the positions it received recently instead, and drops what it receives twice: a
// replayed event, or one relayed twice (the outbox delivers at least once), known by its id.

/** Positions compare as their numeric parts: Redis Stream ids ("1796491898465-3") and padded sequence numbers alike. */
export function comparePositions(a: string, b: string): number {
  const [left, right] = [a.split('-').map(BigInt), b.split('-').map(BigInt)];
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const difference = (left[i] ?? 0n) - (right[i] ?? 0n);
    if (difference !== 0n) return difference < 0n ? -1 : 1;
  }
  return 0;
}

export class ResumePoint {
  /** the events received lately, in the order they came */
  private readonly recent: { position: string; id: string }[] = [];
  private readonly seen = new Set<string>();

  /** `kept` bounds how far out of order two events may arrive and still both be delivered once */
  constructor(private readonly kept = 256) {}

  /** Records a received event (its id, else its position is what identifies it); false when it was received before. */
  accept(position: string, id = position): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    this.recent.push({ position, id });
    if (this.recent.length > this.kept) this.seen.delete(this.recent.shift()!.id);
    return true;
  }

  /** the position to resume after: none before the first event */
  get after(): string | undefined {
    return this.recent.reduce<string | undefined>((oldest, { position }) => (oldest === undefined || comparePositions(position, oldest) < 0 ? position : oldest), undefined);
  }
}
