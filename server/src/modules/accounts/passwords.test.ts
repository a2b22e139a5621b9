import { describe, expect, it } from "vitest";
import { hashPassword, passwordExpired, passwordProblems, verifyPassword } from "./passwords.ts";

const mlps = { minLength: 8, minClasses: 3, maxAgeDays: 0 };

describe("password policy", () => {
  it("accepts 8 characters from 3 classes", () => {
    expect(passwordProblems("Abcdefg1", mlps)).toEqual([]);
    expect(passwordProblems("abc-def-1", mlps)).toEqual([]);
  });

  it("names every rule a password breaks", () => {
    const problems = passwordProblems("abc", mlps);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("at least 8 characters");
    expect(problems[1]).toContain("at least 3 of");
  });

  it("refuses the username inside the password and the current password again", () => {
    expect(passwordProblems("Wuyi-official-1", mlps, { username: "official" })).toEqual(["must not contain the username"]);
    expect(passwordProblems("Same-pass-1", mlps, { previous: "Same-pass-1" })).toEqual(["must differ from the current password"]);
  });

  it("expires passwords only when a maximum age is set", () => {
    const changed = new Date("2026-01-01T00:00:00Z");
    const later = new Date("2026-06-01T00:00:00Z");
    expect(passwordExpired(changed, mlps, later)).toBe(false);
    expect(passwordExpired(changed, { ...mlps, maxAgeDays: 90 }, later)).toBe(true);
    expect(passwordExpired(changed, { ...mlps, maxAgeDays: 365 }, later)).toBe(false);
  });
});

describe("password hashes", () => {
  it("are argon2id and verify only the right password", async () => {
    const stored = await hashPassword("Correct-horse-9");
    expect(stored.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(stored, "Correct-horse-9")).toBe(true);
    expect(await verifyPassword(stored, "correct-horse-9")).toBe(false);
    expect(await verifyPassword("not a hash", "Correct-horse-9")).toBe(false);
  });
});
