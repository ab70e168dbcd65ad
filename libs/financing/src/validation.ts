// Range checks shared by the financing calculators; failures are RangeErrors naming the field.

export function assertRate(value: number, field: string, max: number): number {
  if (!Number.isFinite(value) || value < 0 || value > max) {
    throw new RangeError(`${field} must be a decimal rate between 0 and ${max}, got ${value}`);
  }
  return value;
}

export function assertCount(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${field} must be an integer between ${min} and ${max}, got ${value}`);
  }
  return value;
}
