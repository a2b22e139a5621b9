// The deals of DOMAIN §3 as worked examples, on the terms files shipped in docs/sharing/examples/.
import { describe, expect, it } from "vitest";
import { yearPeriod } from "./periods.ts";
import { annualSplit, settlePeriod, type GuaranteeLine, type RuleLine } from "./settle.ts";
import { duesOf, enterprise, exampleTerms, monthly, monthPeriod, residentSince, settleInTurn, totalOf } from "./test-helpers.ts";
import type { SubjectFacts } from "./types.ts";

const noFacts: SubjectFacts = { enterprises: [], enclaves: [] };

describe("Longquan–Xiaoshan: 100% of local retained tax to the sending county for 5 years, then a split", () => {
  const terms = exampleTerms("longquan-xiaoshan");
  // Production started 15 July 2019: July 2019 is month 1 of year 1, so year 5 ends in June 2024.
  const facts: SubjectFacts = { enterprises: [residentSince("E1", "2019-07-15", "longquan-xiaoshan-enclave")], enclaves: [] };
  const figures = monthly(enterprise("E1"), "local_retained_vat", 2024, 1_000_001n);

  it("gives Longquan everything in year 5 and half from year 6, across the calendar year", () => {
    const year = annualSplit(terms, 2024, figures, facts);
    const longquan = year.lines.find((l): l is RuleLine => l.kind === "rule" && l.party === "331181") as RuleLine;
    expect(longquan.segments.map((s) => ({ years: s.scheduleYears, months: s.months, total: s.total, share: s.share }))).toEqual([
      { years: [5], months: { from: "2024-01", to: "2024-06" }, total: 6_000_006n, share: { num: 1n, den: 1n } },
      { years: [6], months: { from: "2024-07", to: "2024-12" }, total: 6_000_006n, share: { num: 1n, den: 2n } },
    ]);
    // 6,000,006 fen in year 5 all to Longquan; 6,000,006 in year 6 halves exactly to 3,000,003 each.
    expect(totalOf(year, "331181", "local_retained_vat")).toBe(9_000_009n);
    expect(totalOf(year, "330109", "local_retained_vat")).toBe(3_000_003n);
    expect(longquan.segments[1]?.figures.map((f) => f.id)).toHaveLength(6);
  });

  it("settles month by month to exactly the annual split, with the window change in July", () => {
    const { settlements, ledger } = settleInTurn({ terms, figures, facts }, Array.from({ length: 12 }, (_, i) => monthPeriod(2024, i + 1)));
    expect(ledger).toEqual(duesOf(annualSplit(terms, 2024, figures, facts)));
    expect(totalOf(settlements[5]!, "330109", "local_retained_vat")).toBe(0n); // June: still year 5
    // July alone: 1,000,001 split 1:1 gives 500,001 to Longquan (listed first) and 500,000 to Xiaoshan.
    expect(totalOf(settlements[6]!, "331181", "local_retained_vat")).toBe(500_001n);
    expect(totalOf(settlements[6]!, "330109", "local_retained_vat")).toBe(500_000n);
  });
});

describe("Cixi–Changshan: a 10% guaranteed floor on ¥93 m", () => {
  const terms = exampleTerms("cixi-changshan");
  const facts: SubjectFacts = { enterprises: [residentSince("E1", "2021-03-01", "cixi-changshan-enclave")], enclaves: [] };
  const floorLines = (year: number, vatPerMonth: bigint, citPerMonth: bigint) => {
    const figures = [...monthly(enterprise("E1"), "local_retained_vat", year, vatPerMonth), ...monthly(enterprise("E1"), "local_retained_cit", year, citPerMonth)];
    return annualSplit(terms, year, figures, facts).lines.filter((l): l is GuaranteeLine => l.kind === "guaranteed_return");
  };

  it("tops up a year in which the villages' tax shares fell short of ¥9.3 m", () => {
    // ¥30 m of VAT in 2022: the villages' 20% is ¥6 m, so Cixi pays ¥3.3 m.
    const [villages, cixi] = floorLines(2022, 250_000_000n, 0n);
    expect(villages).toMatchObject({ party: "changshan-villages", target: 930_000_000n, receivedFromRules: 600_000_000n, amount: 330_000_000n });
    expect(cixi).toMatchObject({ party: "330282", role: "payer", amount: -330_000_000n });
  });

  it("pays nothing in a year the shares reached the floor", () => {
    // ¥40 m VAT + ¥12 m CIT in 2023: the villages' 20% is ¥10.4 m, above ¥9.3 m.
    const [villages, cixi] = floorLines(2023, 333_333_333n, 100_000_000n);
    expect(villages?.receivedFromRules).toBe(1_039_999_999n); // 799,999,999 of VAT (the leftover fen went to Cixi) + 240,000,000 of CIT
    expect(villages?.amount).toBe(0n);
    expect(cixi?.amount).toBe(0n);
    expect(villages?.reason).toContain("floor met");
  });

  it("settles the floor only when the period ends the year", () => {
    const figures = monthly(enterprise("E1"), "local_retained_vat", 2022, 1n);
    expect(settlePeriod({ terms, period: { kind: "quarter", label: "2022-Q3", year: 2022, firstMonth: 7, lastMonth: 9 }, figures, facts }).lines.some((l) => l.kind === "guaranteed_return")).toBe(false);
    expect(settlePeriod({ terms, period: monthPeriod(2022, 12), figures, facts }).lines.some((l) => l.kind === "guaranteed_return")).toBe(true);
  });

  it("shares the enclave's energy quota as an exact quantity", () => {
    const figures = monthly({ kind: "enclave", id: "cixi-changshan-enclave" }, "energy_quota", 2022, 1_000_000_001n); // 1000.000001 tce a month
    const year = annualSplit(terms, 2022, figures, noFacts);
    expect(totalOf(year, "330282", "energy_quota")).toBe(6_000_000_006n); // 6000.000006 tce
    expect(totalOf(year, "330822", "energy_quota")).toBe(6_000_000_006n);
  });
});

describe("Fuzhou: tax 7:3, statistics 100:0", () => {
  const terms = exampleTerms("fuzhou-investment");
  const e = enterprise("fuzhou-invested-enterprise");
  const figures = [
    ...monthly(e, "local_retained_vat", 2023, [1_000_001n]),
    ...monthly(e, "local_retained_cit", 2023, [0n, 0n, 333n]),
    ...monthly(e, "industrial_output", 2023, 5_000_000_000n),
    ...monthly(e, "investment", 2023, [0n, 1_234_567n]),
  ];
  const year = annualSplit(terms, 2023, figures, noFacts);

  it("splits the taxes 7:3 to the fen, the leftover fen to the larger remainder", () => {
    // 1,000,001 × 0.7 = 700,000.7 and × 0.3 = 300,000.3: the leftover fen goes to the investing county.
    expect(totalOf(year, "investing-county", "local_retained_vat")).toBe(700_001n);
    expect(totalOf(year, "host-county", "local_retained_vat")).toBe(300_000n);
    // 333 × 0.7 = 233.1, × 0.3 = 99.9: the leftover fen goes to the host's larger remainder.
    expect(totalOf(year, "investing-county", "local_retained_cit")).toBe(233n);
    expect(totalOf(year, "host-county", "local_retained_cit")).toBe(100n);
  });

  it("counts output and investment statistics wholly to the investing county", () => {
    expect(totalOf(year, "investing-county", "industrial_output")).toBe(60_000_000_000n);
    expect(totalOf(year, "host-county", "industrial_output")).toBe(0n);
    expect(totalOf(year, "investing-county", "investment")).toBe(1_234_567n);
    expect(totalOf(year, "host-county", "investment")).toBe(0n);
  });
});

describe("fixed returns: Zhenhai–Longyou and Pinghu–Qingtian", () => {
  it("pays Longyou's villages ¥10.008 m a year, at the exact rate 10008/100000", () => {
    const year = annualSplit(exampleTerms("zhenhai-longyou"), 2021, [], noFacts);
    expect(totalOf(year, "longyou-villages", "guaranteed_return")).toBe(1_000_800_000n);
    expect(totalOf(year, "330211", "guaranteed_return")).toBe(-1_000_800_000n);
    expect(annualSplit(exampleTerms("zhenhai-longyou"), 2019, [], noFacts).lines).toEqual([]); // before its first year
  });

  it("pays Qingtian's village company 10% of the principal every year", () => {
    const terms = exampleTerms("pinghu-qingtian");
    for (const y of [2019, 2020, 2030]) expect(totalOf(settlePeriod({ terms, period: yearPeriod(y), figures: [], facts: noFacts }), "qingtian-villages", "guaranteed_return")).toBe(200_000_000n);
  });
});

describe("Zhongshan–Heyuan: 5:5", () => {
  it("halves an odd amount with the leftover fen to Zhongshan, listed first", () => {
    const terms = exampleTerms("zhongshan-heyuan");
    const facts: SubjectFacts = { enterprises: [residentSince("E1", null, "zhongshan-heyuan-park")], enclaves: [] };
    const year = annualSplit(terms, 2022, monthly(enterprise("E1"), "other_local_tax", 2022, [1001n]), facts);
    expect(totalOf(year, "442000", "other_local_tax")).toBe(501n);
    expect(totalOf(year, "441600", "other_local_tax")).toBe(500n);
  });
});

describe("Yongkang–Wuyi (illustrative)", () => {
  const terms = exampleTerms("yongkang-wuyi");
  const facts: SubjectFacts = { enterprises: [residentSince("E1", "2023-06-18", "yongkang-wuyi-enclave", "2023-06-18")], enclaves: [] };

  it("caps Wuyi's energy quota at 5,000 tce a year and passes the excess to Yongkang", () => {
    const figures = monthly(enterprise("E1"), "energy_quota", 2024, 2_000_000_000n); // 2,000 tce a month, 24,000 a year
    const year = annualSplit(terms, 2024, figures, facts);
    expect(totalOf(year, "330723", "energy_quota")).toBe(5_000_000_000n);
    expect(totalOf(year, "330784", "energy_quota")).toBe(19_000_000_000n);
  });

  it("tops Wuyi up to 6% of ¥50 m when its tax share falls short", () => {
    const figures = monthly(enterprise("E1"), "local_retained_vat", 2024, 10_000_000n); // ¥100,000 a month, all to Wuyi (year 1–2)
    const year = annualSplit(terms, 2024, figures, facts);
    expect(totalOf(year, "330723", "local_retained_vat")).toBe(120_000_000n);
    expect(totalOf(year, "330723", "guaranteed_return")).toBe(300_000_000n - 120_000_000n);
    expect(annualSplit(terms, 2023, figures, facts).lines.some((l) => l.kind === "guaranteed_return")).toBe(false); // floor from 2024
  });
});
