import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, allocateByWeights, type PartyShare } from "./allocate.ts";
import { compare, fraction, sub, type Fraction } from "./fraction.ts";
import { propertyRuns } from "./property-runs.ts";

const numRuns = propertyRuns();

// Shares as whole weights (zeros included) over their sum: every kind of fraction, including thirds and sevenths.
const sharesArb = fc
  .array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 7 })
  .filter((ws) => ws.some((w) => w > 0))
  .map((ws): PartyShare[] => {
    const total = BigInt(ws.reduce((a, b) => a + b, 0));
    return ws.map((w, i) => ({ party: `p${i}`, share: fraction(BigInt(w), total) }));
  });
const amountArb = fc.oneof(fc.bigInt({ min: -1000n, max: 1000n }), fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }));

const absFraction = (f: Fraction): Fraction => (f.num < 0n ? fraction(-f.num, f.den) : f);

describe("allocate (largest remainder)", () => {
  it("gives parts that add up exactly to the whole", () => {
    fc.assert(
      fc.property(amountArb, sharesArb, (amount, shares) => {
        expect(allocate(amount, shares).parts.reduce((a, p) => a + p.amount, 0n)).toBe(amount);
      }),
      { numRuns },
    );
  });

  it("keeps each part within one unit of its exact quota", () => {
    fc.assert(
      fc.property(amountArb, sharesArb, (amount, shares) => {
        for (const part of allocate(amount, shares).parts) {
          const quota = fraction(amount * part.share.num, part.share.den);
          expect(compare(absFraction(sub(fraction(part.amount), quota)), fraction(1n))).toBe(-1);
          expect(part.rounding.quota).toEqual(quota);
        }
      }),
      { numRuns },
    );
  });

  it("gives a zero share nothing", () => {
    fc.assert(
      fc.property(amountArb, sharesArb, (amount, shares) => {
        for (const part of allocate(amount, shares).parts) if (part.share.num === 0n) expect(part.amount).toBe(0n);
      }),
      { numRuns },
    );
  });

  it("splits a negative amount as the exact mirror of the positive one", () => {
    fc.assert(
      fc.property(amountArb, sharesArb, (amount, shares) => {
        const plus = allocate(amount, shares).parts.map((p) => p.amount);
        const minus = allocate(-amount, shares).parts.map((p) => p.amount);
        expect(minus).toEqual(plus.map((a) => -a));
      }),
      { numRuns },
    );
  });

  it("gives the same output for the same input", () => {
    fc.assert(
      fc.property(amountArb, sharesArb, (amount, shares) => {
        expect(allocate(amount, structuredClone(shares))).toEqual(allocate(amount, shares));
      }),
      { numRuns },
    );
  });

  it("gives the leftover fen to the largest remainders, ties to the party listed first", () => {
    const third = fraction(1n, 3n);
    const result = allocate(100n, [
      { party: "A", share: third },
      { party: "B", share: third },
      { party: "C", share: third },
    ]);
    expect(result.parts.map((p) => p.amount)).toEqual([34n, 33n, 33n]);
    expect(result.leftoverUnits).toBe(1n);
    expect(result.parts[0]?.rounding).toMatchObject({ whole: 33n, remainder: fraction(1n, 3n), roundingUnit: 1n, rank: 1 });
    expect(result.parts[0]?.rounding.reason).toContain("tied with B, C, listed later");
    expect(result.parts[1]?.rounding.reason).toContain("tied with A, listed earlier");

    const larger = allocate(10n, [
      { party: "A", share: fraction(15n, 100n) },
      { party: "B", share: fraction(85n, 100n) },
    ]);
    // A's quota 1.5, B's 8.5: equal remainders, so A (listed first) takes the leftover fen.
    expect(larger.parts.map((p) => p.amount)).toEqual([2n, 8n]);
  });

  it("explains a whole quota as no rounding and mirrors the step for a refund", () => {
    const shares = [
      { party: "A", share: fraction(7n, 10n) },
      { party: "B", share: fraction(3n, 10n) },
    ];
    expect(allocate(1000n, shares).parts[0]?.rounding.reason).toBe("the quota is whole: no rounding");
    const refund = allocate(-1001n, shares);
    expect(refund.parts.map((p) => p.amount)).toEqual([-701n, -300n]);
    expect(refund.parts[0]?.rounding).toMatchObject({ whole: -700n, roundingUnit: -1n });
  });

  it("refuses shares that do not add up to the whole", () => {
    expect(() => allocate(10n, [{ party: "A", share: fraction(1n, 2n) }])).toThrow(/add up/);
  });

  it("splits by weights in proportion", () => {
    const result = allocateByWeights(10n, [
      { party: "A", weight: 1n },
      { party: "B", weight: 2n },
    ]);
    expect(result.parts.map((p) => p.amount)).toEqual([3n, 7n]);
  });
});
