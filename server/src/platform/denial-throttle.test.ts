import { describe, expect, it } from "vitest";
import { createDenialThrottle } from "./denial-throttle.ts";

describe("the throttle on anonymous denials", () => {
  it("writes the first of a kind in a minute, counts the rest and names the count on the next one written", () => {
    const throttle = createDenialThrottle();
    expect(throttle.admit("1.2.3.4|region.archive|region", 0)).toEqual({ write: true, unwrittenBefore: 0 });
    for (let i = 1; i <= 5; i += 1) expect(throttle.admit("1.2.3.4|region.archive|region", i * 1_000)).toEqual({ write: false });
    // Another kind is its own.
    expect(throttle.admit("5.6.7.8|region.archive|region", 2_000)).toEqual({ write: true, unwrittenBefore: 0 });
    expect(throttle.admit("1.2.3.4|region.archive|region", 59_999)).toEqual({ write: false });
    expect(throttle.admit("1.2.3.4|region.archive|region", 60_000)).toEqual({ write: true, unwrittenBefore: 6 });
    expect(throttle.admit("1.2.3.4|region.archive|region", 130_000)).toEqual({ write: true, unwrittenBefore: 0 });
  });

  it("remembers a bounded number of kinds, forgetting the oldest", () => {
    const throttle = createDenialThrottle();
    throttle.admit("first", 0);
    for (let i = 0; i < 10_000; i += 1) throttle.admit(`kind ${i}`, 1);
    expect(throttle.admit("first", 2)).toEqual({ write: true, unwrittenBefore: 0 });
    expect(throttle.admit("kind 9999", 3)).toEqual({ write: false });
  });
});
