import { describe, expect, it } from "vitest";
import table from "./gbt4754-2017.json" with { type: "json" };
import {
  describeIndustryCode,
  findIndustryClass,
  industryClasses,
  isKnownIndustryClass,
} from "./industry-codes.ts";

// Codes named in DOMAIN.md §5 (the Yongkang–Wuyi chain and Wuyi's extras).
const DOMAIN_CODES = (
  "3130 3240 3251 3252 3391 3392 3393 3360 3525 3812 3813 3841 2929 3453 3482 3483 3484 3465 3312 3321 3322 " +
  "3381 3382 3389 2443 3670 3751 3752 3770 3854 4050 0164 1530 8051 7861"
).split(" ");
// Every code in the "gbt4754" arrays of shared/data/industry-chains.json (copied: that file lives outside the repo).
const CHAIN_CODES = (
  "2443 2641 2651 2911 2912 2913 2924 2929 3034 3054 3130 3240 3251 3252 3312 3321 3351 3360 3381 3389 " +
  "3391 3392 3393 3399 3451 3452 3453 3459 3465 3482 3483 3484 3525 3612 3670 3751 3752 3770 3812 3813 " +
  "3841 3854 3982 5135 5142 5172 5173 5174 5181 5193 5292 5810 5821 7223 7289 7452 7455 7491"
).split(" ");

describe("findIndustryClass", () => {
  it("finds 3465 as pneumatic and electric tools", () => {
    expect(findIndustryClass("3465")).toEqual({
      code: "3465",
      name_zh: "风动和电动工具制造",
      division: "34",
      section: "C",
    });
  });

  it("knows 3432 as production cranes, not electric tools", () => {
    expect(findIndustryClass("3432")?.name_zh).toBe("生产专用起重机制造");
  });

  it.each([
    ["3670", "汽车零部件及配件制造"],
    ["0164", "茶叶种植"],
    ["8051", "洗浴服务"],
    ["7861", "名胜风景区管理"],
    ["4050", "衡器制造"],
  ])("names %s %s", (code, name) => {
    expect(findIndustryClass(code)?.name_zh).toBe(name);
  });

  it("accepts the section letter prefix and surrounding spaces, but only with the right letter", () => {
    expect(findIndustryClass(" c3465 ")?.code).toBe("3465");
    expect(findIndustryClass("A3465")).toBeUndefined();
  });

  it.each(["9999", "346", "34650", "", "C", "3465a"])("does not know %j", (code) => {
    expect(findIndustryClass(code)).toBeUndefined();
    expect(isKnownIndustryClass(code)).toBe(false);
  });

  it("does not take a group code for a class", () => {
    expect(isKnownIndustryClass("0346")).toBe(false);
  });
});

describe("isKnownIndustryClass", () => {
  it.each([...new Set([...DOMAIN_CODES, ...CHAIN_CODES])])("knows %s", (code) => {
    expect(isKnownIndustryClass(code)).toBe(true);
  });
});

describe("describeIndustryCode", () => {
  it("gives the group, division and section of 3465", () => {
    expect(describeIndustryCode("3465")).toEqual({
      industryClass: { code: "3465", name_zh: "风动和电动工具制造", division: "34", section: "C" },
      group: { code: "346", name_zh: "烘炉、风机、包装等设备制造", division: "34", section: "C" },
      division: { code: "34", name_zh: "通用设备制造业", section: "C" },
      section: { code: "C", name_zh: "制造业" },
    });
  });

  it("names a single-class group after its class", () => {
    expect(describeIndustryCode("3670")?.group).toMatchObject({
      code: "367",
      name_zh: "汽车零部件及配件制造",
    });
  });

  it("returns undefined for an unknown code", () => {
    expect(describeIndustryCode("9999")).toBeUndefined();
  });

  it("describes every class in the table", () => {
    for (const c of industryClasses()) expect(describeIndustryCode(c.code)?.industryClass).toBe(c);
  });
});

describe("the GB/T 4754-2017 table", () => {
  const codes = industryClasses().map((c) => c.code);

  it("has only unique 4-digit class codes", () => {
    expect(codes.every((code) => /^\d{4}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("has the 20 sections, 97 divisions and 473 groups of the standard, and at least its 1,380 classes", () => {
    expect(table.sections.map((s) => s.code).join("")).toBe("ABCDEFGHIJKLMNOPQRST");
    expect(table.divisions).toHaveLength(97);
    expect(table.groups).toHaveLength(473);
    expect(codes.length).toBeGreaterThanOrEqual(1380);
  });

  it("puts each class under the division and section its code implies", () => {
    const sectionOf = new Map(table.divisions.map((d) => [d.code, d.section]));
    for (const c of industryClasses()) {
      expect(c.division).toBe(c.code.slice(0, 2));
      expect(c.section).toBe(sectionOf.get(c.division));
    }
  });

  it("records its source and a note on completeness", () => {
    expect(table.source).toMatch(/1878642458/);
    expect(table.note).toMatch(/1381 classes/);
  });

  it("cannot be changed through the returned list", () => {
    expect(Object.isFrozen(industryClasses())).toBe(true);
    expect(Object.isFrozen(industryClasses()[0])).toBe(true);
  });
});
