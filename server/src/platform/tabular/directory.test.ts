import { describe, expect, it } from "vitest";
import { enclaveLookup, listAll, regionLookup } from "./directory.ts";

const regions = [
  { code: "330784", nameZh: "永康市", nameEn: "Yongkang" },
  { code: "330723", nameZh: "武义县", nameEn: "Wuyi" },
  { code: "110101", nameZh: "东城区", nameEn: "Dongcheng" },
  { code: "440103", nameZh: "东城区", nameEn: "Dongcheng (Guangzhou)" },
];

describe("region and enclave lookups", () => {
  const region = regionLookup(regions);

  it("finds a region by code (text after the code ignored), Chinese or English name, or the name without 市/县", () => {
    expect(region("330784")).toEqual({ code: "330784" });
    expect(region("３３０７２３ 武义县")).toEqual({ code: "330723" });
    expect(region("永康市")).toEqual({ code: "330784" });
    expect(region("wuyi")).toEqual({ code: "330723" });
    expect(region("武义")).toEqual({ code: "330723" });
  });

  it("names what is wrong: an unknown code or name, or a name shared by two regions", () => {
    expect(region("339999")).toEqual({ message: "no region with this code" });
    expect(region("义乌市")).toEqual({ message: "no region with this code or name" });
    expect(region("东城区")).toEqual({ message: expect.stringContaining("names more than one region (110101, 440103)") });
  });

  it("finds an enclave by id or name", () => {
    const id = "0b6c1a52-3f3e-4c43-9a55-1d7c1e0f2a11";
    const enclave = enclaveLookup([{ id, nameZh: "永武山海协作产业飞地", nameEn: "Yongkang–Wuyi industrial enclave" }]);
    expect(enclave(id.toUpperCase())).toEqual({ id });
    expect(enclave("永武山海协作产业飞地")).toEqual({ id });
    expect(enclave("别的飞地")).toEqual({ message: "no enclave with this name" });
  });

  it("reads every page of a list, archived records included", async () => {
    const asked: unknown[] = [];
    const all = await listAll(async (query) => {
      asked.push(query);
      const items = Array.from({ length: query.page === 1 ? 500 : 3 }, (_, i) => i);
      return { items, total: 503, page: query.page, pageSize: query.pageSize };
    });
    expect(all).toHaveLength(503);
    expect(asked).toEqual([
      { page: 1, pageSize: 500, includeArchived: true },
      { page: 2, pageSize: 500, includeArchived: true },
    ]);
  });
});
