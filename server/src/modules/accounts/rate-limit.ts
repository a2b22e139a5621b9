// Sign-in rate limits, in memory (one server process; docs/security.md): a fixed window per key (an IP address
// or a username). The clock is the accounts service's, so tests move time instead of waiting.
export type RateLimiter = {
  /** Counts one attempt; answers the seconds to wait when the key is over its limit, else 0. */
  hit(key: string): number;
};

export function rateLimiter(limit: number, windowMs: number, now: () => Date): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key) {
      const t = now().getTime();
      if (windows.size > 10_000) {
        for (const [k, w] of windows) if (t - w.start >= windowMs) windows.delete(k); // forget stale keys
      }
      const current = windows.get(key);
      if (!current || t - current.start >= windowMs) {
        windows.set(key, { start: t, count: 1 });
        return 0;
      }
      current.count += 1;
      return current.count > limit ? Math.ceil((current.start + windowMs - t) / 1000) : 0;
    },
  };
}
