// Guards and rounding for integer centavos: every amount in the platform passes through these.

/** A safe, non-negative integer number of centavos; throws a RangeError otherwise. */
export function assertCentavos(value: number, field = 'amount'): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${field} must be a non-negative integer number of centavos, got ${value}`);
  }
  return value;
}

/** Like assertCentavos but allows negative amounts (balances, reversals, display of debits). */
export function assertSignedCentavos(value: number, field = 'amount'): number {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${field} must be an integer number of centavos, got ${value}`);
  }
  return value;
}

/**
 * Binary floating point cannot hold most decimal fractions, so a product such as 1.005 * 100 lands
 * at 100.49999999999999 instead of 100.5. A value within ROUNDING_ULPS units in the last place of
 * the .5 boundary is treated as lying on it; genuine fractions that close to .5 do not arise from
 * centavo arithmetic, while accumulated representation error of a few operations stays well below it.
 */
const ROUNDING_ULPS = 16;

/**
 * Rounds to the nearest integer, halves away from zero (the usual "arredondamento" in Brazilian
 * finance: 0.5 -> 1, -0.5 -> -1), tolerating floating-point noise at the .5 boundary (see above).
 */
export function roundHalfUp(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`cannot round ${value}`);
  const magnitude = Math.abs(value);
  const whole = Math.floor(magnitude);
  const tolerance = Math.max(magnitude, 1) * Number.EPSILON * ROUNDING_ULPS;
  const rounded = magnitude - whole >= 0.5 - tolerance ? whole + 1 : whole;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Divides a non-negative integer by a positive one exactly (BigInt, no overflow) and rounds half up. */
export function divideHalfUp(numerator: bigint, denominator: bigint): number {
  if (numerator < 0n || denominator <= 0n) throw new RangeError(`divideHalfUp needs numerator >= 0 and denominator > 0`);
  const quotient = numerator / denominator;
  const rest = numerator % denominator;
  return Number(rest * 2n >= denominator ? quotient + 1n : quotient);
}

/** basisPoints / 10 000 of the amount (1 % = 100 bp), half up, computed exactly in integers. */
export function percentOf(amountCentavos: number, basisPoints: number): number {
  assertCentavos(amountCentavos);
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0) {
    throw new RangeError(`basis points must be a non-negative integer, got ${basisPoints}`);
  }
  return divideHalfUp(BigInt(amountCentavos) * BigInt(basisPoints), 10_000n);
}
