// Periods, amounts, shares and the confirm buttons' rule, as the settlement pages show them.
import { describe, expect, it } from "vitest";
import type { RunListItem } from "../../../../contracts/sharing.ts";
import { makeI18n } from "../../i18n/i18n.tsx";
import { mayConfirmFor } from "./confirm-scope.ts";
import {
  amountText,
  fiscalAmount,
  nextPeriod,
  parsePeriod,
  periodSortKey,
  periodText,
  sharePercent,
} from "./settlement-format.ts";
import { compareAmounts } from "./statement-panel.tsx";

const zh = makeI18n("zh-CN");
const en = makeI18n("en-US");

const run = (label: string, status: RunListItem["status"] = "locked") =>
  ({ period: { label }, status }) as Pick<RunListItem, "period" | "status">;

describe("settlement periods", () => {
  it("reads months, quarters and years, and nothing else", () => {
    expect(parsePeriod("2026-Q1")).toEqual({ kind: "quarter", year: 2026, number: 1 });
    expect(parsePeriod("2026-03")).toEqual({ kind: "month", year: 2026, number: 3 });
    expect(parsePeriod("2026")).toEqual({ kind: "year", year: 2026, number: null });
    expect(parsePeriod("2026-13")).toBeUndefined();
    expect(parsePeriod("2026-Q5")).toBeUndefined();
  });

  it("names periods in each language", () => {
    expect(periodText("2026-Q1", zh)).toBe("2026年第1季度");
    expect(periodText("2026-Q1", en)).toBe("Q1 2026");
    expect(periodText("2026-03", zh)).toBe("2026年3月");
    expect(periodText("2026-03", en)).toBe("Mar 2026");
    expect(periodText("2025", zh)).toBe("2025年度");
  });

  it("orders a year's periods by their first month", () => {
    const labels = ["2025-Q2", "2024-Q4", "2025-01", "2025", "2025-Q1"];
    expect([...labels].sort((a, b) => periodSortKey(a) - periodSortKey(b))).toEqual([
      "2024-Q4",
      "2025",
      "2025-Q1",
      "2025-01",
      "2025-Q2",
    ]);
  });

  it("proposes the period after the latest run that counts, across the year's end", () => {
    expect(nextPeriod([run("2025-Q3"), run("2025-Q4"), run("2025-Q2")], 2030)).toBe("2026-Q1");
    expect(nextPeriod([run("2026-Q1"), run("2026-Q2", "discarded")], 2030)).toBe("2026-Q2");
    expect(nextPeriod([run("2026-11"), run("2026-12")], 2030)).toBe("2027-01");
    expect(nextPeriod([run("2026-04", "draft")], 2030)).toBe("2026-05");
    expect(nextPeriod([], 2030)).toBe("2030-Q1");
  });
});

describe("settlement amounts", () => {
  it("shows fen as 万元 in Chinese and yuan in English, to the fen when asked", () => {
    expect(amountText("321911640", "fen", zh)).toBe("321.91万元");
    expect(amountText("321911640", "fen", en)).toBe("¥3,219,116.40");
    expect(amountText("321911640", "fen", zh, { exact: true })).toBe("3,219,116.40元");
  });

  it("shows quantities exactly with their unit's name", () => {
    expect(amountText("1672.86", "tce", zh)).toBe("1,672.86 吨标准煤");
    expect(amountText("1672.86", "tce", en)).toBe("1,672.86 tce");
    expect(amountText("3.5", "kWh", en)).toBe("3.5 kWh");
  });

  it("adds a party's fiscal measures and leaves the statistics out", () => {
    const totals = [
      { party: "330723", measure: "local_retained_vat", amount: "100" },
      { party: "330723", measure: "local_retained_cit", amount: "50" },
      { party: "330723", measure: "industrial_output", amount: "999999" },
      { party: "330723", measure: "guaranteed_return", amount: "7" },
      { party: "330784", measure: "guaranteed_return", amount: "-7" },
    ].map((t) => ({ ...t, partyName: t.party, unit: "fen", dueToDate: t.amount, previouslyPosted: "0" }));
    expect(fiscalAmount(totals, "330723")).toBe(157n);
    expect(fiscalAmount(totals, "330784")).toBe(-7n);
  });

  it("compares exact decimals of different scales without a float", () => {
    expect(compareAmounts("14.1", "8.01")).toBe(1);
    expect(compareAmounts("-3", "2")).toBe(-1);
    expect(compareAmounts("9007199254740993", "9007199254740992")).toBe(1);
    expect(compareAmounts("1.50", "1.5")).toBe(0);
  });
});

describe("shares", () => {
  it("writes an exact share as a percentage and marks a recurring one as approximate", () => {
    expect(sharePercent("1")).toBe("100%");
    expect(sharePercent("7/10")).toBe("70%");
    expect(sharePercent("3/8")).toBe("37.5%");
    expect(sharePercent("1/3")).toBe("≈33.3333%");
    expect(sharePercent("0")).toBe("0%");
  });
});

describe("who is offered a confirm button", () => {
  const official = {
    roles: ["county_official"],
    permissions: ["sharing.read", "sharing.manage", "sharing.confirm"],
  };
  it("offers a county official its own county only", () => {
    expect(mayConfirmFor("330723", official, "330723")).toBe(true);
    expect(mayConfirmFor("330784", official, "330723")).toBe(false);
  });

  it("offers an administrator every party, and a reader none", () => {
    const admin = { roles: ["system_admin"], permissions: ["sharing.confirm"] };
    expect(mayConfirmFor("330784", admin, undefined)).toBe(true);
    expect(mayConfirmFor("330723", { roles: ["auditor"], permissions: ["sharing.read"] }, undefined)).toBe(
      false,
    );
  });
});
