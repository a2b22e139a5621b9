import { describe, expect, it } from "vitest";
import { canMove, cleanFileName, cleanMediaType, nextStatuses, stateProblems, todayInChina } from "./agreement-rules.ts";

describe("agreement life cycle", () => {
  it("moves forward, skipping steps, and never back or out of an end", () => {
    expect(canMove("draft", "in_force")).toBe(true);
    expect(canMove("signed", "terminated")).toBe(true);
    expect(canMove("in_force", "signed")).toBe(false);
    expect(canMove("expired", "terminated")).toBe(false);
    expect(canMove("terminated", "in_force")).toBe(false);
    expect(canMove("expired", "expired")).toBe(true);
    expect(nextStatuses("in_force")).toEqual(["expired", "terminated"]);
    expect(nextStatuses("terminated")).toEqual([]);
  });
});

describe("agreement state", () => {
  const ok = { status: "in_force" as const, signedOn: "2022-04-02", termStart: null, termEnd: null, cooperationDomains: [] };

  it("accepts a signed agreement dated in the past", () => {
    expect(stateProblems(ok, "2024-01-01")).toEqual([]);
  });

  it("names signedOn when a signed agreement has no date or a future one, and termEnd before termStart", () => {
    expect(stateProblems({ ...ok, signedOn: null }, "2024-01-01").map((p) => p.field)).toEqual(["signedOn"]);
    expect(stateProblems({ ...ok, signedOn: "2024-01-02" }, "2024-01-01").map((p) => p.field)).toEqual(["signedOn"]);
    expect(stateProblems({ ...ok, termStart: "2022-04-02", termEnd: "2022-04-01" }, "2024-01-01").map((p) => p.field)).toEqual(["termEnd"]);
  });

  it("counts the day in China Standard Time", () => {
    expect(todayInChina(new Date("2024-01-01T16:30:00Z"))).toBe("2024-01-02");
  });
});

describe("uploaded file descriptions", () => {
  it("keeps only the base name of a file, without control characters", () => {
    expect(cleanFileName("C:\\docs\\协议.pdf")).toBe("协议.pdf");
    expect(cleanFileName("../../etc/pass\u0000wd")).toBe("passwd");
    expect(cleanFileName("")).toBe("document");
  });

  it("falls back to application/octet-stream for a media type that is not type/subtype", () => {
    expect(cleanMediaType("Application/PDF; charset=binary")).toBe("application/pdf");
    expect(cleanMediaType("text/html\r\nx-evil: 1")).toBe("application/octet-stream");
    expect(cleanMediaType(undefined)).toBe("application/octet-stream");
  });
});
