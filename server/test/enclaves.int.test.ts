import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Enclave } from "../../contracts/enclaves.ts";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

type ErrorBody = { error: { code: string; message: string; details: { field?: string; message: string; value?: unknown }[] } };
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
type HistoryEntry = { version: number; action: string; before: Enclave | null; after: Enclave };

const parcels = [
  { parcelNo: "WY-01", areaMu: "100.1", landUse: "industrial", status: "acquired", acquiredOn: "2022-06-30" },
  { parcelNo: "WY-02", areaMu: "20.2", landUse: "mixed" },
];

const industrial = {
  nameZh: "永武山海协作产业飞地",
  nameEn: "Yongkang–Wuyi mountain–sea industrial enclave",
  kind: "industrial",
  hostRegionCode: "330784",
  sendingRegionCodes: ["330723"],
  areaMu: "150",
  address: "永康经济开发区",
  parcels,
};

describe.each(databaseTargets())("enclaves on %s", (target) => {
  let app: TestApp;
  let id = "";
  beforeAll(async () => {
    app = await startTestApp(target);
    await app.api("POST", "/api/v1/regions", { code: "330000", nameZh: "浙江省", nameEn: "Zhejiang", level: "province" });
    await app.api("POST", "/api/v1/regions", { code: "330700", nameZh: "金华市", nameEn: "Jinhua", level: "city", parentCode: "330000" });
    await app.api("POST", "/api/v1/regions", { code: "330784", nameZh: "永康市", nameEn: "Yongkang", level: "county", kind: "developed", parentCode: "330700" });
    await app.api("POST", "/api/v1/regions", { code: "330723", nameZh: "武义县", nameEn: "Wuyi", level: "county", kind: "mountain", parentCode: "330700" });
  });
  afterAll(() => app.close());

  it("creates an industrial enclave with parcels and sums their areas exactly", async () => {
    const created = await app.api<Enclave>("POST", "/api/v1/enclaves", industrial);
    expect(created.status).toBe(201);
    id = created.body.id;
    expect(created.body).toMatchObject({
      kind: "industrial",
      hostRegionCode: "330784",
      sendingRegionCodes: ["330723"],
      agreementId: null,
      areaMu: "150",
      parcelAreaMu: "120.3", // 100.1 + 20.2, which floating point would make 120.30000000000001
      status: "planned",
      openedOn: null,
      version: 1,
    });
    const read = await app.api<Enclave>("GET", `/api/v1/enclaves/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.parcels).toEqual([
      { parcelNo: "WY-01", areaMu: "100.1", landUse: "industrial", status: "acquired", acquiredOn: "2022-06-30" },
      { parcelNo: "WY-02", areaMu: "20.2", landUse: "mixed", status: "planned", acquiredOn: null },
    ]);
    expect(read.body.address).toBe("永康经济开发区");
  });

  it("answers an unknown or malformed id with 404", async () => {
    expect((await app.api("GET", "/api/v1/enclaves/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await app.api("GET", "/api/v1/enclaves/not-an-id")).status).toBe(404);
  });

  it("lists with filters, search and sort", async () => {
    const second = await app.api<Enclave>("POST", "/api/v1/enclaves", {
      nameZh: "武义科创飞地",
      nameEn: "Wuyi innovation enclave",
      kind: "innovation",
      hostRegionCode: "330723",
      sendingRegionCodes: ["330784"],
      areaMu: "12.5",
      status: "operating",
      openedOn: "2023-03-01",
      illustrative: true,
    });
    expect(second.status).toBe(201);
    expect(second.body.parcelAreaMu).toBe("0");
    const names = async (query: string) => (await app.api<Page<Enclave>>("GET", `/api/v1/enclaves?${query}`)).body.items.map((e) => e.nameEn);
    expect(await names("kind=industrial")).toEqual([industrial.nameEn]);
    expect(await names("status=operating")).toEqual(["Wuyi innovation enclave"]);
    expect(await names("hostRegionCode=330784")).toEqual([industrial.nameEn]);
    expect(await names("sendingRegionCode=330784")).toEqual(["Wuyi innovation enclave"]);
    expect(await names("illustrative=false")).toEqual([industrial.nameEn]);
    expect(await names(`q=${encodeURIComponent("科创")}`)).toEqual(["Wuyi innovation enclave"]);
    expect(await names("agreementId=00000000-0000-4000-8000-000000000000")).toEqual([]);
    expect(await names("sort=-areaMu")).toEqual([industrial.nameEn, "Wuyi innovation enclave"]);
    expect(await names("sort=status")).toEqual([industrial.nameEn, "Wuyi innovation enclave"]); // life-cycle order
    const badSort = await app.api<ErrorBody>("GET", "/api/v1/enclaves?sort=parcels");
    expect(badSort.status).toBe(400);
    expect(badSort.body.error.details[0]?.field).toBe("sort");
  });

  it("changes the parcels, keeps the change in history and reads the old parcels as of before", async () => {
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const updated = await app.api<Enclave>(
      "PATCH",
      `/api/v1/enclaves/${id}`,
      { parcels: [...parcels, { parcelNo: "WY-03", areaMu: "29.7", landUse: "research" }] },
      { "if-match": "1" },
    );
    expect(updated.status).toBe(200);
    expect(updated.body.version).toBe(2);
    expect(updated.body.parcelAreaMu).toBe("150.0");
    expect(updated.body.address).toBe("永康经济开发区"); // fields left out stay as they were
    const history = await app.api<HistoryEntry[]>("GET", `/api/v1/enclaves/${id}/history`);
    expect(history.body.map((h) => h.action)).toEqual(["create", "update"]);
    expect(history.body[1]?.before?.parcels).toHaveLength(2);
    expect(history.body[1]?.after.parcels.map((p) => p.parcelNo)).toEqual(["WY-01", "WY-02", "WY-03"]);
    const past = await app.api<Enclave>("GET", `/api/v1/enclaves/${id}?asOf=${encodeURIComponent(before)}`);
    expect(past.body.parcels.map((p) => p.parcelNo)).toEqual(["WY-01", "WY-02"]);
    expect(past.body.parcelAreaMu).toBe("120.3");
  });

  it("names the field of each bad input and writes nothing", async () => {
    const refused = async (body: object, method: "POST" | "PATCH" = "POST") => {
      const answer = await app.api<ErrorBody>(method, method === "POST" ? "/api/v1/enclaves" : `/api/v1/enclaves/${id}`, body);
      expect(answer.status).toBe(400);
      return answer.body.error.details.map((d) => d.field);
    };
    expect(await refused({ ...industrial, areaMu: "-1" })).toEqual(["areaMu"]);
    expect(await refused({ ...industrial, areaMu: "120.2" })).toEqual(["parcels"]);
    expect(await refused({ areaMu: "149.9" }, "PATCH")).toEqual(["parcels"]);
    expect(await refused({ ...industrial, parcels: [...parcels, { parcelNo: "WY-01", areaMu: "1", landUse: "other" }] })).toEqual(["parcels.2.parcelNo"]);
    expect(await refused({ ...industrial, parcels: [{ parcelNo: "X", areaMu: "0", landUse: "other" }] })).toEqual(["parcels.0.areaMu"]);
    expect(await refused({ ...industrial, sendingRegionCodes: ["330723", "330784"] })).toEqual(["sendingRegionCodes.1"]);
    expect(await refused({ ...industrial, sendingRegionCodes: ["330723", "330723"] })).toEqual(["sendingRegionCodes.1"]);
    expect(await refused({ ...industrial, sendingRegionCodes: [] })).toEqual(["sendingRegionCodes"]);
    expect(await refused({ ...industrial, hostRegionCode: "339999", sendingRegionCodes: ["330723", "339998"] })).toEqual(["hostRegionCode", "sendingRegionCodes.1"]);
    expect(await refused({ hostRegionCode: "330723" }, "PATCH")).toEqual(["sendingRegionCodes.0"]);
    expect(await refused({ ...industrial, agreementId: "00000000-0000-4000-8000-000000000000" })).toEqual(["agreementId"]);
    expect(await refused({ ...industrial, status: "operating" })).toEqual(["openedOn"]);
    expect(await refused({ ...industrial, openedOn: "2999-01-01" })).toEqual(["openedOn"]);
    const list = await app.api<Page<Enclave>>("GET", "/api/v1/enclaves?includeArchived=true");
    expect(list.body.total).toBe(2); // nothing half-written
    expect((await app.api<Enclave>("GET", `/api/v1/enclaves/${id}`)).body.version).toBe(2);
  });

  it("moves the status forward only, skipping allowed, and keeps closed final", async () => {
    const toBuilding = await app.api<Enclave>("PATCH", `/api/v1/enclaves/${id}`, { status: "building" });
    expect(toBuilding.body.status).toBe("building");
    const back = await app.api<ErrorBody>("PATCH", `/api/v1/enclaves/${id}`, { status: "planned" });
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe("enclave.invalid_transition");
    expect(back.body.error.details[0]?.field).toBe("status");
    const noDate = await app.api<ErrorBody>("PATCH", `/api/v1/enclaves/${id}`, { status: "operating" });
    expect(noDate.status).toBe(400);
    expect(noDate.body.error.details[0]?.field).toBe("openedOn");
    const operating = await app.api<Enclave>("PATCH", `/api/v1/enclaves/${id}`, { status: "operating", openedOn: "2024-05-18" });
    expect(operating.status).toBe(200);
    expect(operating.body).toMatchObject({ status: "operating", openedOn: "2024-05-18" });
    const cleared = await app.api<ErrorBody>("PATCH", `/api/v1/enclaves/${id}`, { openedOn: null });
    expect(cleared.body.error.details[0]?.field).toBe("openedOn");
    const closed = await app.api<Enclave>("PATCH", `/api/v1/enclaves/${id}`, { status: "closed" });
    expect(closed.body.status).toBe("closed");
    const reopen = await app.api<ErrorBody>("PATCH", `/api/v1/enclaves/${id}`, { status: "operating" });
    expect(reopen.status).toBe(409);
    expect(reopen.body.error.code).toBe("enclave.invalid_transition");
    const skip = await app.api<Enclave>("POST", "/api/v1/enclaves", { ...industrial, nameEn: "Cancelled enclave", parcels: [] });
    expect((await app.api<Enclave>("PATCH", `/api/v1/enclaves/${skip.body.id}`, { status: "closed" })).body.status).toBe("closed");
  });

  it("exports with zh and en headers", async () => {
    const csv = await app.api<string>("GET", "/api/v1/enclaves?format=csv&lang=en&kind=innovation");
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("Name (zh),Name,Kind,Host region,Sending regions,Agreement,Area (mu),Parcel area (mu),Parcels,Status,Opened on,Address,Note,Illustrative");
    expect(lines[1]).toBe("武义科创飞地,Wuyi innovation enclave,innovation,330723,330784,,12.5,0,0,operating,2023-03-01,,,true");
    const zh = await app.api<string>("GET", "/api/v1/enclaves?format=csv");
    expect(zh.body.replace(/^\uFEFF/, "").split("\r\n")[0]?.startsWith("名称,英文名称,类型,飞入地,飞出地")).toBe(true);
  });

  it("archives and restores, hiding archived enclaves from lists", async () => {
    const archived = await app.api<Enclave>("POST", `/api/v1/enclaves/${id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    const list = await app.api<Page<Enclave>>("GET", "/api/v1/enclaves");
    expect(list.body.items.map((e) => e.id)).not.toContain(id);
    const all = await app.api<Page<Enclave>>("GET", "/api/v1/enclaves?includeArchived=true");
    expect(all.body.items.map((e) => e.id)).toContain(id);
    const restored = await app.api<Enclave>("POST", `/api/v1/enclaves/${id}/restore`);
    expect(restored.body.archivedAt).toBeNull();
  });
});
