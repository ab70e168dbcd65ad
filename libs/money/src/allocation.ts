// Proportional splits of an amount in whole centavos, each with an explicit rule for the leftover
// centavos so the parts always add up to the whole.

import { assertCentavos } from './centavos.js';

interface Floors {
  parts: number[];
  /** parts[i] = floor(total * weights[i] / Σ weights); fractions[i] is the dropped numerator. */
  fractions: bigint[];
  leftover: number;
}

/** Floors of the exact proportional shares, computed in BigInt so nothing overflows or drifts. */
function proportionalFloors(total: number, weights: readonly number[]): Floors {
  const weightSum = weights.reduce((sum, weight) => sum + BigInt(weight), 0n);
  const parts: number[] = [];
  const fractions: bigint[] = [];
  for (const weight of weights) {
    const numerator = BigInt(total) * BigInt(weight);
    parts.push(Number(numerator / weightSum));
    fractions.push(numerator % weightSum);
  }
  const leftover = total - parts.reduce((sum, part) => sum + part, 0);
  return { parts, fractions, leftover };
}

function assertWeights(weights: readonly number[]): void {
  weights.forEach((weight, index) => {
    if (!Number.isSafeInteger(weight) || weight < 0) throw new RangeError(`weights[${index}] must be a non-negative integer, got ${weight}`);
  });
  if (!weights.some((weight) => weight > 0)) throw new RangeError('at least one weight must be positive');
}

/**
 * Splits totalCentavos in proportion to non-negative integer weights. Every part is the floor of its
 * exact share and all leftover centavos (at most weights.length - 1) go to index remainderTo, which
 * must have a positive weight so money never lands on a party that has no share.
 */
export function allocate(totalCentavos: number, weights: readonly number[], remainderTo: number): number[] {
  assertCentavos(totalCentavos, 'total');
  assertWeights(weights);
  if (!Number.isInteger(remainderTo) || remainderTo < 0 || remainderTo >= weights.length) {
    throw new RangeError(`remainderTo must be an index of weights, got ${remainderTo}`);
  }
  if (weights[remainderTo] === 0) throw new RangeError(`remainderTo (${remainderTo}) has zero weight`);
  const { parts, leftover } = proportionalFloors(totalCentavos, weights);
  parts[remainderTo] = parts[remainderTo]! + leftover;
  return parts;
}

/**
 * The share of each part reversed by a refund of refundCentavos (partial refunds reverse the split
 * proportionally). Each share is the floor of its exact proportion; leftover centavos go to
 * remainderTo as far as its original amount allows, and any still left (only when remainderTo's part
 * is nearly exhausted) go one each to the other parts with the largest dropped fractions, ties in
 * key order. So the shares sum to refundCentavos and none exceeds its original part.
 */
export function reverseProportionally<K extends string>(
  parts: Readonly<Record<K, number>>,
  refundCentavos: number,
  remainderTo: NoInfer<K>,
): Record<K, number> {
  const keys = Object.keys(parts) as K[];
  const originals = keys.map((key) => assertCentavos(parts[key], `parts.${key}`));
  const total = originals.reduce((sum, part) => sum + part, 0);
  assertCentavos(refundCentavos, 'refund');
  if (refundCentavos > total) throw new RangeError(`refund ${refundCentavos} exceeds the total ${total}`);
  const receiver = keys.indexOf(remainderTo);
  if (receiver < 0) throw new RangeError(`remainderTo "${remainderTo}" is not one of the parts`);

  const shares = total === 0 ? originals.map(() => 0) : spreadRefund(originals, refundCentavos, receiver);
  const result = {} as Record<K, number>;
  keys.forEach((key, index) => (result[key] = shares[index]!));
  return result;
}

function spreadRefund(originals: readonly number[], refund: number, receiver: number): number[] {
  const { parts: shares, fractions, leftover } = proportionalFloors(refund, originals);
  const toReceiver = Math.min(leftover, originals[receiver]! - shares[receiver]!);
  shares[receiver] = shares[receiver]! + toReceiver;
  let remaining = leftover - toReceiver;
  // Each of these has a positive dropped fraction, hence room for one more centavo, and there are
  // always enough of them: the dropped fractions sum to the leftover.
  const byFraction = originals
    .map((_, index) => index)
    .filter((index) => index !== receiver && fractions[index]! > 0n)
    .sort((a, b) => (fractions[b]! > fractions[a]! ? 1 : fractions[b]! < fractions[a]! ? -1 : a - b));
  for (const index of byFraction) {
    if (remaining === 0) break;
    shares[index] = shares[index]! + 1;
    remaining -= 1;
  }
  return shares;
}
