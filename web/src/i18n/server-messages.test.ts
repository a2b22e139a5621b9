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

  it("translates required fields and code formats", () => {
    expect(translateServerMessage("is required", "zh-CN").text).toBe("必填");
    expect(translateServerMessage("must be a 6-digit GB/T 2260 division code", "zh-CN").text).toContain(
      "行政区划代码",
    );
    expect(translateServerMessage("must not be in the future (today is 2026-01-02)", "zh-CN").text).toBe(
      "不能晚于今天（2026-01-02）",
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
