import { describe, expect, it } from "vitest";
import { exportRecords, safeCell } from "./export.ts";

describe("exported cells", () => {
  it("never start a formula, but keep negative numbers as they are", () => {
    expect(safeCell("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    expect(safeCell("+86 579")).toBe("'+86 579");
    expect(safeCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeCell("-12.50")).toBe("-12.50");
    expect(safeCell(-3)).toBe(-3);
    expect(safeCell("永康")).toBe("永康");
  });

  it("quotes CSV fields with commas, quotes and line breaks, behind a UTF-8 BOM", async () => {
    const file = await exportRecords([{ name: 'A "big", firm\nLtd' }], [{ zh: "名称", en: "Name", value: (r) => r.name }], { format: "csv", lang: "zh", name: "t" });
    expect(file.body.toString("utf8")).toBe('\uFEFF名称\r\n"A ""big"", firm\nLtd"\r\n');
  });
});
