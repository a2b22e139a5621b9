import { describe, expect, it } from "vitest";
import { rateLimiter } from "./rate-limit.ts";

describe("sign-in rate limit", () => {
  it("refuses the attempt past the limit until the window ends, per key", () => {
    let now = new Date("2026-11-24T08:00:00Z");
    const limiter = rateLimiter(3, 60_000, () => now);
    expect([limiter.hit("10.0.0.1"), limiter.hit("10.0.0.1"), limiter.hit("10.0.0.1")]).toEqual([0, 0, 0]);
    expect(limiter.hit("10.0.0.1")).toBe(60);
    expect(limiter.hit("10.0.0.2")).toBe(0);
    now = new Date(now.getTime() + 30_000);
    expect(limiter.hit("10.0.0.1")).toBe(30);
    now = new Date(now.getTime() + 30_000);
    expect(limiter.hit("10.0.0.1")).toBe(0);
  });
});
