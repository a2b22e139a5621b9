import { describe, expect, it } from "vitest";
import { translateServerMessage } from "./server-messages.ts";

describe("server messages in Chinese", () => {
  it("translates a wrong USCC check character, keeping the characters", () => {
    expect(translateServerMessage("check character should be 'A', found 'B'", "zh-CN")).toEqual({
      text: "校验位应为“A”，实为“B”",
      translated: true,
    });
    expect(
      translateServerMessage("character 18 should be 'A' (check character), found 'B'", "zh-CN").text,
    ).toBe("校验位应为“A”，实为“B”");
  });

  it("says how to keep a code whose check character fails, and that an import kept one", () => {
    const zh = (message: string) => translateServerMessage(message, "zh-CN").text;
    expect(
      zh(
        "check character should be 'A', found 'B' (if the register really holds this code, keep it: keepUsccFailingCheck)",
      ),
    ).toBe("校验位应为“A”，实为“B”（若企业名录中确为此代码，可勾选“校验位不符时按名录原样保留”）");
    expect(zh("check character should be 'A', found 'B'; kept as the register has it")).toBe(
      "校验位应为“A”，实为“B”；已按名录原样保留",
    );
  });

  it("translates required fields and code formats", () => {
    expect(translateServerMessage("is required", "zh-CN").text).toBe("必填");
    expect(translateServerMessage("must be a 6-digit GB/T 2260 division code", "zh-CN").text).toContain(
      "行政区划代码",
    );
    expect(translateServerMessage("must not be in the future (today is 2026-01-02)", "zh-CN").text).toBe(
      "不能晚于今天（2026-01-02）",
    );
  });

  it("translates the rules of the register forms, naming fields, stages and statuses in Chinese", () => {
    const zh = (message: string) => translateServerMessage(message, "zh-CN");
    expect(zh("must not be before startedOn (2025-03-01)")).toEqual({
      text: "不能早于开始日期（2025-03-01）",
      translated: true,
    });
    expect(zh("is before termStart (2024-01-01)").text).toBe("不能早于起始日期（2024-01-01）");
    expect(zh("cannot move back from landed").text).toBe("项目只能向前推进，不能从“落地”退回");
    expect(zh("cannot follow operating").text).toBe("不能由“运营中”改为此状态");
    expect(zh("is needed once the agreement is signed").text).toBe("协议状态为“已签订”时必填");
    expect(zh("doctors_dispatched is counted in person").text).toBe("该指标的单位应为“人”");
    expect(zh("the parcels add up to 120.5 mu, more than the enclave's 100 mu").text).toBe(
      "地块面积合计 120.5 亩，超过飞地面积 100 亩",
    );
    expect(
      zh(
        "The project was changed by someone else (now version 3, you edited version 2). Reload and try again.",
      ).text,
    ).toBe("记录已被他人修改（现为第 3 版，您编辑的是第 2 版），请刷新页面后重试");
    // The specific rule wins over the general one for a date before another.
    expect(zh("must not be before the previous report (2025-05-01)").text).toBe(
      "不能早于上一次报告（2025-05-01）",
    );
  });

  it("keeps an unknown message as the server wrote it, flagged untranslated", () => {
    expect(translateServerMessage("something new", "zh-CN")).toEqual({
      text: "something new",
      translated: false,
    });
  });

  it("leaves English as it is", () => {
    expect(translateServerMessage("is required", "en-US")).toEqual({ text: "is required", translated: true });
  });
});
