import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText, parseCsv } from "./csv.ts";

describe("decodeText", () => {
  it("reads UTF-8 with and without a BOM", () => {
    expect(decodeText(Buffer.from("\uFEFF企业名称,USCC", "utf8"))).toEqual({ text: "企业名称,USCC", encoding: "utf-8" });
    expect(decodeText(Buffer.from("企业名称,USCC", "utf8"))).toEqual({ text: "企业名称,USCC", encoding: "utf-8" });
  });

  it("falls back to GBK when the bytes are not UTF-8", () => {
    const bytes = iconv.encode("统一社会信用代码,企业名称\r\n91350200776049653A,永康五金有限公司\r\n", "gbk");
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe("gbk");
    expect(text).toContain("永康五金有限公司");
  });
});

describe("parseCsv", () => {
  it("reads quoted fields with commas, quotes and line breaks", () => {
    expect(parseCsv('a,"b,1","say ""hi""","two\nlines"\r\nc,,d,\n')).toEqual([
      ["a", "b,1", 'say "hi"', "two\nlines"],
      ["c", "", "d", ""],
    ]);
  });

  it("uses tabs when the first line is tab-separated", () => {
    expect(parseCsv("a\tb\tc,d\n1\t2\t3")).toEqual([["a", "b", "c,d"], ["1", "2", "3"]]);
  });

  it("keeps a last record without a line break", () => {
    expect(parseCsv("a,b\n1,2")).toEqual([["a", "b"], ["1", "2"]]);
  });
});
