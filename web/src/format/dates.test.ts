import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, todayInChina } from "./dates.ts";

describe("dates in each locale", () => {
  it("writes calendar dates the Chinese and the English way, without shifting the day", () => {
    expect(formatDate("2022-04-02", "zh-CN")).toBe("2022年4月2日");
    expect(formatDate("2022-04-02", "en-US")).toBe("Apr 2, 2022");
    expect(formatDate("2023-12-31", "en-US")).toBe("Dec 31, 2023");
  });

  it("shows instants in China Standard Time", () => {
    expect(formatDateTime("2026-11-24T20:46:20.820Z", "zh-CN")).toContain("2026年11月25日");
    expect(formatDateTime("2026-11-24T20:46:20.820Z", "en-US")).toContain("Nov 25, 2026");
    expect(formatDateTime("2026-11-24T20:46:20.820Z", "en-US")).toContain("04:46");
  });

  it("leaves empty values empty and foreign text as it is", () => {
    expect(formatDate(null, "zh-CN")).toBe("");
    expect(formatDate("long-term", "en-US")).toBe("long-term");
  });

  it("knows today's date in China", () => {
    expect(todayInChina(new Date("2024-03-31T17:00:00Z"))).toBe("2024-04-01");
  });
});
