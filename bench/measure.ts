// Helpers for benchmarks: time a piece of work, and fire a bounded number of HTTP requests at a loopback server.
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/** Requests per second for `total` GETs of `url`, `concurrency` at a time; every answer must be 200. */
export async function requestsPerSecond(url: string, total: number, concurrency: number, headers: Record<string, string> = {}): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    }
  };
  const { seconds } = await timed(() => Promise.all(Array.from({ length: concurrency }, worker)));
  return total / seconds;
}

export function ratioLine(name: string, value: number, unit: string, baselineName: string, baseline: number): string {
  return `${name}: ${value.toFixed(1)} ${unit}; ${baselineName}: ${baseline.toFixed(1)} ${unit}; ratio ${(value / baseline).toFixed(3)}`;
}
