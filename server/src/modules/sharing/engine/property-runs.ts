// How many cases each property test tries: SHANHAI_PROPERTY_RUNS (default 1000), and never fewer than 10,000 in
// CI, where the time is spent once per change rather than on every save.
export function propertyRuns(): number {
  const asked = Number.parseInt(process.env.SHANHAI_PROPERTY_RUNS ?? "", 10);
  const runs = Number.isSafeInteger(asked) && asked > 0 ? asked : 1000;
  return process.env.CI === "true" ? Math.max(runs, 10_000) : runs;
}
