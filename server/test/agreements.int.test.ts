import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Agreement } from "../../contracts/agreements.ts";
import type { Pairing } from "../../contracts/regions.ts";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

type ErrorBody = { error: { code: string; message: string; details: { field?: string; value?: unknown; message: string }[] } };
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
type HistoryEntry = { version: number; action: string; before: Agreement | null; after: Agreement };

/** A multipart/form-data body with one file part, as a browser sends it. */
function multipart(content: Buffer, fileName: string, mediaType = "application/pdf", field = "file") {
  const boundary = `----shanhai${randomBytes(8).toString("hex")}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${mediaType}\r\n\r\n`, "utf8");
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, "utf8");
  return { payload: Buffer.concat([head, content, tail]), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

const framework = (pairingId: string) => ({
  pairingId,
  titleZh: "永康市人民政府 武义县人民政府 共建山海协作“产业飞地”框架协议",
  titleEn: "Framework agreement of the Yongkang and Wuyi governments to co-build a mountain–sea enclave industry",
  kind: "framework",
  parties: ["330784", "330723"],
  signedOn: "2022-04-02",
  signedAt: "武义县",
  occasion: "永康—武义山海协作联席会议",
  status: "in_force",
  principles: ["政府引导", "市场运作", "企业主体", "产业主导", "优势互补", "利益共享"],
  focusIndustries: ["现代五金", "高端装备", "金属制品", "电动工具", "汽车（零部件）"],
  cooperationDomains: ["industry", "talent", "technology", "culture", "education", "health"],
  term: "long-term",
});

describe.each(databaseTargets())("agreements on %s", (target) => {
  let app: TestApp;
  let pairing: Pairing;
  let agreement: Agreement;

  async function upload(id: string, body: ReturnType<typeof multipart>) {
    const response = await app.http.inject({ method: "POST", url: `/api/v1/agreements/${id}/documents`, payload: body.payload, headers: body.headers });
    return { status: response.statusCode, body: response.json() as Agreement & ErrorBody };
  }

  beforeAll(async () => {
    app = await startTestApp(target);
    await app.api("POST", "/api/v1/regions", { code: "330000", nameZh: "浙江省", nameEn: "Zhejiang", level: "province" });
    await app.api("POST", "/api/v1/regions", { code: "330700", nameZh: "金华市", nameEn: "Jinhua", level: "city", parentCode: "330000" });
    await app.api("POST", "/api/v1/regions", { code: "330784", nameZh: "永康市", nameEn: "Yongkang", level: "county", kind: "developed", parentCode: "330700" });
    await app.api("POST", "/api/v1/regions", { code: "330723", nameZh: "武义县", nameEn: "Wuyi", level: "county", kind: "mountain", parentCode: "330700" });
    const created = await app.api<Pairing>("POST", "/api/v1/pairings", {
      nameZh: "永康—武义山海协作",
      nameEn: "Yongkang–Wuyi mountain–sea pairing",
      programme: "Zhejiang mountain–sea cooperation",
      sinceYear: 2006,
      regionCodes: ["330784", "330723"],
    });
    expect(created.status).toBe(201);
    pairing = created.body;
  });
  afterAll(() => app.close());

  it("registers the framework agreement signed in Wuyi on 2 April 2022", async () => {
    const created = await app.api<Agreement>("POST", "/api/v1/agreements", framework(pairing.id));
    expect(created.status).toBe(201);
    agreement = created.body;
    expect(agreement).toMatchObject({ version: 1, parties: ["330784", "330723"], status: "in_force", signedOn: "2022-04-02", documents: [], termStart: null });
    expect(agreement.principles).toContain("利益共享");
    const read = await app.api<Agreement>("GET", `/api/v1/agreements/${agreement.id}`);
    expect(read.body).toEqual(agreement);
  });

  it("lists agreements by pairing, kind, status, party, signing date and title", async () => {
    const draft = await app.api<Agreement>("POST", "/api/v1/agreements", {
      titleZh: "永武高速公路建设合作协议",
      titleEn: "Yongkang–Wuyi expressway co-operation agreement",
      kind: "project",
      parties: ["330723", "330784", "330700"],
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: "draft", pairingId: null, signedOn: null, principles: [] });
    const ids = async (query: string) => (await app.api<Page<Agreement>>("GET", `/api/v1/agreements?${query}`)).body.items.map((a) => a.id);
    expect(await ids(`pairingId=${pairing.id}`)).toEqual([agreement.id]);
    expect(await ids("kind=framework&status=in_force")).toEqual([agreement.id]);
    expect(await ids("status=draft")).toEqual([draft.body.id]);
    expect(await ids("partyCode=330723&sort=titleEn")).toEqual([agreement.id, draft.body.id]);
    expect(await ids("partyCode=330700")).toEqual([draft.body.id]);
    expect(await ids("signedFrom=2022-04-02&signedTo=2022-04-02")).toEqual([agreement.id]);
    expect(await ids("signedFrom=2022-04-03")).toEqual([]);
    expect(await ids(`q=${encodeURIComponent("产业飞地")}`)).toEqual([agreement.id]);
    expect(await ids("q=expressway&illustrative=false")).toEqual([draft.body.id]);
    expect(await ids("sort=signedOn")).toEqual([agreement.id, draft.body.id]); // undated last
    const badRange = await app.api<ErrorBody>("GET", "/api/v1/agreements?signedFrom=2023-01-01&signedTo=2022-01-01");
    expect(badRange.status).toBe(400);
    expect(badRange.body.error.details[0]?.field).toBe("signedTo");
    const badSort = await app.api<ErrorBody>("GET", "/api/v1/agreements?sort=parties");
    expect(badSort.status).toBe(400);
  });

  it("names the field of each bad input and writes nothing", async () => {
    const base = framework(pairing.id);
    const cases: [string, object, string][] = [
      ["end before start", { ...base, termStart: "2022-04-02", termEnd: "2022-04-01" }, "termEnd"],
      ["unknown party", { ...base, parties: ["330784", "339999"] }, "parties.1"],
      ["repeated party", { ...base, parties: ["330784", "330784"] }, "parties.1"],
      ["one party", { ...base, parties: ["330784"] }, "parties"],
      ["future signing", { ...base, signedOn: "2999-01-01" }, "signedOn"],
      ["signed without a date", { ...base, status: "signed", signedOn: null }, "signedOn"],
      ["unknown pairing", { ...base, pairingId: "00000000-0000-4000-8000-000000000000" }, "pairingId"],
      ["repeated domain", { ...base, cooperationDomains: ["talent", "talent"] }, "cooperationDomains.1"],
      ["unknown status", { ...base, status: "ratified" }, "status"],
    ];
    for (const [name, body, field] of cases) {
      const answer = await app.api<ErrorBody>("POST", "/api/v1/agreements", body);
      expect({ name, status: answer.status, code: answer.body.error.code }).toEqual({ name, status: 400, code: "validation.failed" });
      expect(answer.body.error.details.map((d) => d.field), name).toContain(field);
    }
    const unknownParty = await app.api<ErrorBody>("POST", "/api/v1/agreements", { ...base, parties: ["330784", "339999"] });
    expect(unknownParty.body.error.details).toEqual([{ field: "parties.1", value: "339999", message: "no region with this code" }]);
    expect((await app.api<Page<Agreement>>("GET", "/api/v1/agreements")).body.total).toBe(2);
    const patchedEnd = await app.api<ErrorBody>("PATCH", `/api/v1/agreements/${agreement.id}`, { termStart: "2022-04-02", termEnd: "2021-12-31" });
    expect(patchedEnd.status).toBe(400);
    expect(patchedEnd.body.error.details[0]?.field).toBe("termEnd");
    expect((await app.api<ErrorBody>("GET", "/api/v1/agreements/not-a-uuid")).status).toBe(404);
  });

  it("moves status forward only, answering a step back with 409 agreement.invalid_transition", async () => {
    const draft = await app.api<Agreement>("POST", "/api/v1/agreements", { titleZh: "草案", titleEn: "Draft", kind: "other", parties: ["330784", "330723"] });
    const id = draft.body.id;
    const undated = await app.api<ErrorBody>("PATCH", `/api/v1/agreements/${id}`, { status: "in_force" });
    expect(undated.status).toBe(400);
    expect(undated.body.error.details[0]?.field).toBe("signedOn");
    const skipped = await app.api<Agreement>("PATCH", `/api/v1/agreements/${id}`, { status: "in_force", signedOn: "2023-05-01" });
    expect(skipped.status).toBe(200);
    expect(skipped.body.status).toBe("in_force");
    const back = await app.api<ErrorBody>("PATCH", `/api/v1/agreements/${id}`, { status: "signed" });
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe("agreement.invalid_transition");
    expect(back.body.error.details[0]?.field).toBe("status");
    expect((await app.api<Agreement>("PATCH", `/api/v1/agreements/${id}`, { status: "terminated" })).status).toBe(200);
    const afterEnd = await app.api<ErrorBody>("PATCH", `/api/v1/agreements/${id}`, { status: "expired" });
    expect(afterEnd.status).toBe(409);
    expect(afterEnd.body.error.message).toContain("terminated is final");
    await app.api("POST", `/api/v1/agreements/${id}/archive`);
  });

  it("attaches a document, keeps its SHA-256, serves the same bytes and records the upload in history", async () => {
    const beforeUpload = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const content = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(50_000)]);
    const sha256 = createHash("sha256").update(content).digest("hex");
    const fileName = "永康武义框架协议.pdf";

    const uploaded = await upload(agreement.id, multipart(content, fileName));
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.version).toBe(agreement.version + 1);
    expect(uploaded.body.documents).toHaveLength(1);
    const document = uploaded.body.documents[0]!;
    expect(document).toMatchObject({ fileName, mediaType: "application/pdf", sizeBytes: content.length, sha256, uploadedBy: "local-operator" });

    const download = await app.http.inject({ method: "GET", url: `/api/v1/agreements/${agreement.id}/documents/${document.id}` });
    expect(download.statusCode).toBe(200);
    expect(Buffer.compare(download.rawPayload, content)).toBe(0);
    expect(download.headers["x-content-sha256"]).toBe(sha256);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent(fileName)}`);

    const history = await app.api<HistoryEntry[]>("GET", `/api/v1/agreements/${agreement.id}/history`);
    expect(history.body.map((h) => h.action)).toEqual(["create", "update"]);
    expect(history.body[1]?.before?.documents).toEqual([]);
    expect(history.body[1]?.after.documents.map((d) => d.sha256)).toEqual([sha256]);

    const past = await app.api<Agreement>("GET", `/api/v1/agreements/${agreement.id}?asOf=${encodeURIComponent(beforeUpload)}`);
    expect(past.status).toBe(200);
    expect(past.body.documents).toEqual([]);
    agreement = uploaded.body;
  });

  it("refuses the same bytes twice (409), an empty file (400), a missing file field (400) and a file over the limit (413)", async () => {
    const first = (await app.api<Agreement>("GET", `/api/v1/agreements/${agreement.id}`)).body.documents[0]!;
    const content = (await app.http.inject({ method: "GET", url: `/api/v1/agreements/${agreement.id}/documents/${first.id}` })).rawPayload;
    const again = await upload(agreement.id, multipart(content, "copy.pdf"));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("agreement.duplicate_document");

    const empty = await upload(agreement.id, multipart(Buffer.alloc(0), "empty.pdf"));
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0]?.field).toBe("file");

    const wrongField = await upload(agreement.id, multipart(Buffer.from("hello"), "a.txt", "text/plain", "attachment"));
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.error.details[0]?.field).toBe("file");

    const asJson = await app.api<ErrorBody>("POST", `/api/v1/agreements/${agreement.id}/documents`, { file: "x" });
    expect(asJson.status).toBe(400);
    const cutShort = await app.http.inject({
      method: "POST",
      url: `/api/v1/agreements/${agreement.id}/documents`,
      payload: '--xx\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\nabc',
      headers: { "content-type": "multipart/form-data; boundary=xx" },
    });
    expect(cutShort.statusCode).toBe(400);
    expect((cutShort.json() as ErrorBody).error.details[0]?.field).toBe("file");

    const tooLarge = await upload(agreement.id, multipart(Buffer.alloc(20 * 1_048_576 + 1, 1), "big.bin", "application/octet-stream"));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe("request.too_large");

    const unknown = await upload("00000000-0000-4000-8000-000000000000", multipart(Buffer.from("x"), "x.txt", "text/plain"));
    expect(unknown.status).toBe(404);
    const missingDocument = await app.api<ErrorBody>("GET", `/api/v1/agreements/${agreement.id}/documents/00000000-0000-4000-8000-000000000000`);
    expect(missingDocument.status).toBe(404);
    expect(missingDocument.body.error.code).toBe("agreement.document_not_found");

    const after = await app.api<Agreement>("GET", `/api/v1/agreements/${agreement.id}`);
    expect(after.body.documents).toHaveLength(1);
    expect(after.body.version).toBe(agreement.version); // refused uploads change nothing
  });

  it("exports agreements with Chinese or English headers", async () => {
    const csv = await app.api<string>("GET", `/api/v1/agreements?format=csv&lang=en&pairingId=${pairing.id}`);
    const lines = csv.body.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]?.startsWith("Title (zh),Title,Kind,Status,Parties,Signed on")).toBe(true);
    expect(lines[1]).toContain("framework,in_force,330784; 330723,2022-04-02");
    const zh = await app.api<string>("GET", `/api/v1/agreements?format=csv&pairingId=${pairing.id}`);
    expect(zh.body.replace(/^\uFEFF/, "").startsWith("协议名称,英文名称,类型,状态,签约各方")).toBe(true);
  });
});
