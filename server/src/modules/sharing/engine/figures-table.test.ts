import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readTabularFile } from "../../../platform/tabular/index.ts";
import { figuresFromWorkbook } from "./figures-table.ts";
import type { MeasureKind } from "./types.ts";

const measures = new Map<string, MeasureKind>([
  ["local_retained_vat", "money"],
  ["energy_quota", "quantity"],
]);

async function read(csv: string, encoding: "utf8" | "gbk" = "utf8") {
  const bytes = encoding === "gbk" ? new Uint8Array(iconv.encode(csv, "gbk")) : new TextEncoder().encode(csv);
  return figuresFromWorkbook(await readTabularFile({ fileName: "figures.csv", bytes }), measures, "figures.csv");
}

describe("figuresFromWorkbook", () => {
  it("reads a GBK sheet with a title row, Chinese headers, 万元 and month formats", async () => {
    const table = await read(
      [
        "永康—武义飞地 2024年税收月报",
        "企业,飞地,月份,指标,金额（万元）,数量,投产日期,数据编号,版本",
        "91330723MA2E000001,yongkang-wuyi-enclave,2024年3月,增值税地方留成,\"1,234.5678\",,2023-06-18,F-1,2",
        "91330723MA2E000001,yongkang-wuyi-enclave,202404,local_retained_vat,-0.01,,,,",
        ",yongkang-wuyi-enclave,2024/5,energy_quota,,\"1,200.5\",2023-06-18,,",
        "91330723MA2E000001,,2024-05,land_quota,,3,,,",
      ].join("\r\n"),
      "gbk",
    );
    expect(table.problems).toEqual([]);
    expect(table.figures).toEqual([
      { id: "F-1", version: 2, subject: { kind: "enterprise", id: "91330723MA2E000001" }, month: "2024-03", measure: "local_retained_vat", value: 1_234_567_800n },
      { id: "figures.csv#4", version: 1, subject: { kind: "enterprise", id: "91330723MA2E000001" }, month: "2024-04", measure: "local_retained_vat", value: -10_000n },
      { id: "figures.csv#5", version: 1, subject: { kind: "enclave", id: "yongkang-wuyi-enclave" }, month: "2024-05", measure: "energy_quota", value: 1_200_500_000n },
    ]);
    expect(table.facts.enterprises[0]).toMatchObject({ productionStart: "2023-06-18", residencies: [{ enclave: "yongkang-wuyi-enclave", from: "2024-03-01", to: "2024-03-31" }, { from: "2024-04-01" }] });
    expect(table.facts.enclaves).toEqual([{ id: "yongkang-wuyi-enclave", productionStart: "2023-06-18" }]);
    expect(table.warnings).toEqual(["row 6: measure land_quota is not shared by these terms; the row is not used"]);
  });

  it("names the row and column of every problem", async () => {
    const table = await read(
      [
        "Enterprise,Month,Measure,Amount (yuan),Quantity",
        "E1,2024-13,local_retained_vat,10,",
        "E1,2024-01,local_retained_vat,,5",
        "E1,2024-01,energy_quota,,1.0000001",
        ",2024-01,local_retained_vat,1,",
        "E1,2024-02,local_retained_vat,0.001,",
      ].join("\n"),
    );
    expect(table.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [2, "Month", "is not a month; write it as 2024-03 or 2024年3月"],
      [3, "Amount (yuan)", "local_retained_vat is money: fill 金额 (amount)"],
      [4, "Quantity", "has more than 6 decimal places"],
      [5, "Enterprise", "name the enterprise, or the enclave for a figure of the enclave as a whole"],
      [6, "Amount (yuan)", "has more than 2 decimal places for 元, which is less than one fen"],
    ]);
  });
});
