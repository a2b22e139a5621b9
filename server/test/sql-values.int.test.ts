import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arrayOf, textBytes } from "../src/platform/sql-values.ts";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

// Large values sent as binary arrays, array literals and UTF-8 bytes arrive in the database as they were, whatever they hold.

describe.each(databaseTargets())("large SQL values on %s", (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target);
  });
  afterAll(() => app.close());

  it("sends texts as their bytes and arrays as literals, exactly", async () => {
    const awkward = ["", "NULL", "null", 'say "hi"', "back\\slash", "a,b", "{x}", " padded ", "tab\there", "line\nbreak", "永康五金", "😀", null];
    const db = app.database.db;
    const texts = await sql<{ a: (string | null)[]; n: number }>`select ${arrayOf("text", awkward)} as a, cardinality(${arrayOf("text", awkward)}) as n`.execute(db);
    expect(texts.rows[0]).toEqual({ a: awkward, n: awkward.length });
    const numbers = await sql<{ s: string }>`select sum(x)::text as s from unnest(${arrayOf("bigint", [9_007_199_254_740_993n, -1n, null])}) as x`.execute(db);
    expect(numbers.rows[0]?.s).toBe("9007199254740992");
    const long = "山海".repeat(300_000) + "😀";
    const text = await sql<{ n: number; tail: string }>`select length(${textBytes(long)}) as n, right(${textBytes(long)}, 2) as tail`.execute(db);
    expect(text.rows[0]).toEqual({ n: 600_001, tail: "海😀" });
  });

  const roundTrip = async (type: Parameters<typeof arrayOf>[0], values: readonly (string | number | null)[]) =>
    (await sql<{ v: string | null }>`select v::text from unnest(${arrayOf(type, values)}) as v`.execute(app.database.db)).rows.map((r) => r.v);

  it("sends ids, whole numbers and dates in binary as the same values, nulls included", async () => {
    const ids = ["6f1d2c7e-94a3-4b0e-8f65-0c3a9e21d5b4", null, "00000000-0000-0000-0000-000000000001", "FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF"];
    expect(await roundTrip("uuid", ids)).toEqual(ids.map((i) => i?.toLowerCase() ?? null));
    expect(await roundTrip("integer", [0, -1, 2147483647, null, -2147483648])).toEqual(["0", "-1", "2147483647", null, "-2147483648"]);
    const bigints = ["9223372036854775807", "-9223372036854775808", "0", null, "-100"];
    expect(await roundTrip("bigint", bigints)).toEqual(bigints);
    const dates = ["2000-01-01", "1999-12-31", "2024-02-29", null, "1990-03-01", "2100-12-01"];
    expect(await roundTrip("date", dates)).toEqual(dates);
    expect(await roundTrip("numeric", ["1.500000", "-0.5", null])).toEqual(["1.500000", "-0.5", null]);
  });

  it("sends empty arrays of every type", async () => {
    for (const type of ["uuid", "integer", "bigint", "date", "text", "numeric"] as const) {
      const result = await sql<{ n: number; d: number | null }>`select cardinality(${arrayOf(type, [])})::integer as n, array_ndims(${arrayOf(type, [])}) as d`.execute(app.database.db);
      expect(result.rows[0]).toEqual({ n: 0, d: null });
    }
  });

  it("refuses a value that is not of its type before anything is sent", () => {
    expect(() => arrayOf("uuid", ["not-a-uuid"])).toThrow(/not a UUID/);
    expect(() => arrayOf("uuid", ["6f1d2c7e-94a3-4b0e-8f65-0c3a9e21d5bg"])).toThrow(/not a UUID/);
    expect(() => arrayOf("uuid", ["6f1d2c7e94a3-4b0e-8f65-0c3a9e21d5b4-"])).toThrow(/not a UUID/);
    expect(() => arrayOf("date", ["2024-3-1"])).toThrow(/not a date/);
  });
});
