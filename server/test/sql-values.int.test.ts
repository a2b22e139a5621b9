import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arrayOf, textBytes } from "../src/platform/sql-values.ts";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

// Large values sent as array literals and UTF-8 bytes arrive in the database as they were, whatever they hold.

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
});
