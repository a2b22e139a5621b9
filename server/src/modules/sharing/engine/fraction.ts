// Exact rational numbers over bigint: shares, quotas and growth factors are fractions, never floats, so every
// step of a split can be shown to an official and checked by hand.

/** A reduced fraction; den is always positive. */
export type Fraction = { readonly num: bigint; readonly den: bigint };

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [abs(a), abs(b)];
  // Euclid in bigints while a number does not fit a double exactly, then in doubles: a split's quotas have
  // small denominators, so after one step the rest is cheap (and allocates nothing).
  while (y !== 0n && (x > SAFE || y > SAFE)) [x, y] = [y, x % y];
  if (y === 0n) return x;
  let p = Number(x);
  let q = Number(y);
  while (q !== 0) [p, q] = [q, p % q];
  return BigInt(p);
}

export function fraction(num: bigint, den: bigint = 1n): Fraction {
  if (den === 0n) throw new RangeError("fraction with a zero denominator");
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  if (g === 1n) return sign === 1n ? { num, den } : { num: -num, den: -den };
  return { num: (sign * num) / g, den: (sign * den) / g };
}

export const ZERO: Fraction = { num: 0n, den: 1n };
export const ONE: Fraction = { num: 1n, den: 1n };

export function add(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function mul(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.num, a.den * b.den);
}

export function compare(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export function sum(values: readonly Fraction[]): Fraction {
  return values.reduce(add, ZERO);
}

/** Largest integer not above the fraction (floor, also for negatives). */
export function floorOf(f: Fraction): bigint {
  const q = f.num / f.den;
  return f.num < 0n && q * f.den !== f.num ? q - 1n : q;
}

/**
 * Rounds to a whole number once, half away from zero: 2.5 → 3 and −2.5 → −3, so a negative amount rounds as the
 * exact mirror of the positive one (the same promise the split makes).
 */
export function roundHalfAwayFromZero(f: Fraction): bigint {
  const magnitude = fraction(abs(f.num), f.den);
  const whole = floorOf(magnitude);
  const rest = sub(magnitude, fraction(whole));
  const rounded = compare(rest, fraction(1n, 2n)) >= 0 ? whole + 1n : whole;
  return f.num < 0n ? -rounded : rounded;
}

/** "7/10", or "3" for a whole number. */
export function fractionText(f: Fraction): string {
  return f.den === 1n ? `${f.num}` : `${f.num}/${f.den}`;
}

/** A share as written in a terms file: integer basis points (7000) or an exact fraction ("1/3"). */
export function parseShare(share: number | string): Fraction {
  if (typeof share === "number") return fraction(BigInt(share), 10000n);
  const [num, den] = share.split("/");
  return fraction(BigInt(num ?? "0"), BigInt(den ?? "1"));
}

/** A share for people: "70%" or "1/3 (33.333333…%)". */
export function shareText(f: Fraction): string {
  const bp = fraction(f.num * 10000n, f.den);
  if (bp.den === 1n) return `${Number(bp.num) / 100}%`;
  return `${fractionText(f)}`;
}

/** Power of a fraction with a non-negative whole exponent. */
export function pow(f: Fraction, exponent: number): Fraction {
  let result = ONE;
  for (let i = 0; i < exponent; i += 1) result = mul(result, f);
  return result;
}
