import { describe, expect, it } from "vitest";
import { checkDates, checkIndustryCodeField, checkUsccField, searchIndustryCodes, todayInChina } from "./enterprise-rules.ts";

describe("checkUsccField", () => {
  const refuse = { keepFailingCheck: false };
  const keep = { keepFailingCheck: true };
  it("normalises a valid code and names the expected check character of a wrong one", () => {
    expect(checkUsccField(" ９１３５０２００７７６０４９６５３ａ ", refuse)).toEqual({ code: "91350200776049653A" });
    expect(checkUsccField("91350200776049653B", refuse)).toEqual({
      problem: { field: "uscc", value: "91350200776049653B", message: "check character should be 'A', found 'B' (if the register really holds this code, keep it: keepUsccFailingCheck)" },
    });
    expect(checkUsccField("9135", refuse)).toEqual({ problem: expect.objectContaining({ field: "uscc", message: "must be 18 characters, got 4" }) });
  });

  it("keeps a code failing only its check character when asked, with a warning, and nothing else that is wrong", () => {
    expect(checkUsccField(" 91350200776049653b", keep)).toEqual({
      code: "91350200776049653B",
      warning: { field: "uscc", value: " 91350200776049653b", message: "check character should be 'A', found 'B'; kept as the register has it" },
    });
    expect(checkUsccField("91350200776049653A", keep)).toEqual({ code: "91350200776049653A" });
    expect(checkUsccField("9135020077604965IA", keep)).toEqual({ problem: expect.objectContaining({ field: "uscc" }) });
    expect(checkUsccField("9135", keep)).toEqual({ problem: expect.objectContaining({ field: "uscc" }) });
  });
});

describe("checkIndustryCodeField", () => {
  it("accepts a class with or without its section letter and refuses codes not in the table", () => {
    expect(checkIndustryCodeField("C3465")).toEqual({ code: "3465" });
    expect(checkIndustryCodeField("A3465")).toEqual({ problem: expect.objectContaining({ field: "industryCode" }) });
    expect(checkIndustryCodeField("34")).toEqual({ problem: expect.objectContaining({ field: "industryCode" }) });
  });
});

describe("checkDates", () => {
  it("refuses a founding date in the future and a residence without an enclave", () => {
    expect(checkDates({ enclaveId: null, residentSince: "2020-01-01", foundedOn: "2025-01-02" }, "2025-01-01").map((p) => p.field)).toEqual(["foundedOn", "residentSince"]);
    expect(checkDates({ enclaveId: "e", residentSince: "2020-01-01", foundedOn: "2025-01-01" }, "2025-01-01")).toEqual([]);
  });

  it("counts days in China Standard Time", () => {
    expect(todayInChina(new Date("2024-12-31T16:30:00Z"))).toBe("2025-01-01");
  });
});

describe("searchIndustryCodes", () => {
  it("finds classes by code prefix, section letter and name", () => {
    expect(searchIndustryCodes({ q: "3465", limit: 10 }).items.map((c) => c.code)).toEqual(["3465"]);
    expect(searchIndustryCodes({ q: "c34", limit: 500 }).items.every((c) => c.code.startsWith("34") && c.sectionCode === "C")).toBe(true);
    expect(searchIndustryCodes({ q: "茶", limit: 50 }).items.map((c) => c.code)).toEqual(expect.arrayContaining(["0164", "1530"]));
    expect(searchIndustryCodes({ limit: 5 }).total).toBeGreaterThan(1300);
  });
});
