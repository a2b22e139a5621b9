// Industry chains through the API on a small hand-made chain-set and enterprise set whose answers are worked out
// by hand (server/src/modules/chains/mini-chain.fixture.ts, the same as the core's tests): chain-set versions and
// their validation, links and their review surviving re-derivation, gaps and complements (with output figures),
// ranked matches with reasons, match outcomes and a deal becoming a project, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChainMap, ChainMatchRecord, ChainSetVersion, EnterpriseChainLinks, EnterpriseMatches, GapReport, NodeEnterprises, PairMatches } from "../../contracts/chains.ts";
import type { Project } from "../../contracts/projects.ts";
import { chainSetToFile as fileForm } from "../src/modules/chains/chain-graph.ts";
import { miniChainSet, miniEnterprises, W, Y } from "../src/modules/chains/mini-chain.fixture.ts";
import { illustrativeOrganisationCode, makeUscc } from "../src/modules/enterprises/index.ts";
import { createAccount, sessionHeaders, signIn } from "./support/accounts.ts";
import { databaseTargets, startTestApp, testOperator, type TestApp } from "./support/test-app.ts";

type ErrorBody = { error: { code: string; message: string; details: { field?: string; message: string }[] } };
type Page<T> = { items: T[]; total: number };
type Method = "GET" | "POST" | "PUT" | "PATCH";

const lastFullYear = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)) - 1;

describe.each(databaseTargets())("industry chains on %s", (target) => {
  let app: TestApp;
  let pairingId = "";
  let enclaveId = "";
  /** Fixture id (y1 …) → record id, and back. */
  const id: Record<string, string> = {};
  const fixtureOf = (recordId: string) => Object.keys(id).find((k) => id[k] === recordId) ?? recordId;
  const headers: Record<string, Record<string, string>> = {};

  const as = <T = unknown>(who: string, method: Method, url: string, body?: unknown) => app.api<T & ErrorBody>(method, url, body, headers[who] ?? {});
  const admin = <T = unknown>(method: Method, url: string, body?: unknown) => as<T>("admin", method, url, body);
  const ranking = (m: EnterpriseMatches) => m.items.map((x) => `${fixtureOf(x.partnerId)} ${x.score}`);
  const gaps = (query = "") => admin<GapReport>("GET", `/api/v1/chains/gaps?pairingId=${pairingId}&thinBelow=2${query}`);
  const row = (report: GapReport, chainId: string, nodeId: string) => report.chains.find((c) => c.chainId === chainId)?.nodes.find((n) => n.nodeId === nodeId);

  beforeAll(async () => {
    app = await startTestApp(target, { asOperator: false, env: { SHANHAI_SIGN_IN_PER_IP_PER_MINUTE: "100000", SHANHAI_SIGN_IN_PER_USERNAME_PER_MINUTE: "100000" } });
    const m = app.modules;
    const county = (code: string, nameZh: string, nameEn: string) => m.regions.regions.create(testOperator, { code, nameZh, nameEn, level: "county", kind: null, parentCode: null, facts: [], illustrative: false });
    await county(Y, "永康市", "Yongkang");
    await county(W, "武义县", "Wuyi");
    await county("330702", "婺城区", "Wucheng");
    pairingId = (await m.regions.pairings.create(testOperator, { nameZh: "永武", nameEn: "Yongkang–Wuyi", programme: "mountain–sea", sinceYear: 2006, since: null, regionCodes: [Y, W], note: null, illustrative: false })).id;
    enclaveId = (
      await m.enclaves.enclaves.create(testOperator, { nameZh: "飞地", nameEn: "Enclave", kind: "industrial", hostRegionCode: Y, sendingRegionCodes: [W], agreementId: null, areaMu: "100", status: "planned", openedOn: null, address: null, note: null, parcels: [], published: false, illustrative: false })
    ).id;
    let n = 0;
    for (const e of miniEnterprises()) {
      const created = await m.enterprises.enterprises.create(testOperator, {
        uscc: makeUscc({ regionCode: e.homeRegionCode, organisationCode: illustrativeOrganisationCode(600 + n++) }),
        nameZh: e.nameZh, nameEn: e.nameEn, homeRegionCode: e.homeRegionCode, industryCode: e.industryCode, enclaveId: e.enclaveId ? enclaveId : null,
        residentSince: null, employees: e.employees, foundedOn: null, products: e.products, registeredCapitalFen: null, note: null, illustrative: false,
      });
      id[e.id] = created.id;
    }
    for (const [name, role, scope] of [
      ["admin", "system_admin", {}],
      ["official-yk", "county_official", { regionCode: Y }],
      ["official-wy", "county_official", { regionCode: W }],
      ["firm-w1", "enterprise_user", { enterpriseId: id.w1 }],
      ["firm-y1", "enterprise_user", { enterpriseId: id.y1 }],
    ] as const) {
      await createAccount(app, name, role, scope);
      headers[name] = sessionHeaders(await signIn(app, name));
    }
  });
  afterAll(() => app?.close());

  describe("chain-sets", () => {
    it("starts from the reference map as reference-1, readable by anyone", async () => {
      const map = await as<ChainMap>("public", "GET", "/api/v1/chains");
      expect(map.status).toBe(200);
      expect(map.body.chainSetVersion).toBe("reference-1");
      expect(map.body.chains.map((c) => c.id)).toContain("electric-tools");
      const tools = await as<{ chain: ChainMap["chains"][number] }>("public", "GET", "/api/v1/chains/electric-tools");
      expect(tools.body.chain.nodes.map((x) => x.id)).toContain("lithium-battery-pack");
      expect(tools.body.chain.edges.length).toBeGreaterThan(10);
    });

    it("refuses a chain-set with a cycle, an unknown code and an unknown node, naming every problem's path", async () => {
      const bad = fileForm({ ...miniChainSet(), version: "mini-bad" }) as { nodes: { gbt4754: string[] }[]; chains: { nodes: string[]; edges: string[][] }[] };
      (bad.nodes[1] as { gbt4754: string[] }).gbt4754 = ["3391", "9999"];
      bad.chains[0]?.edges.push(["gears", "steel"]); // steel → gears → steel
      bad.chains[1]?.edges.push(["ghost", "motors"]);
      const answer = await admin("PUT", "/api/v1/chain-sets", bad);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe("chains.invalid_chain_set");
      const fields = answer.body.error.details.map((d) => d.field);
      expect(fields).toContain("nodes[1].gbt4754[1]");
      expect(fields).toContain("chains[0].edges");
      expect(fields).toContain("chains[1].edges[1][0]");
      expect(answer.body.error.details.find((d) => d.field === "chains[0].edges")?.message).toMatch(/cycle: .*gears → steel/);
      const shape = await admin("PUT", "/api/v1/chain-sets", { version: "x", nodes: [{ id: "a" }], chains: [] });
      expect(shape.status).toBe(400);
      expect(shape.body.error.details.map((d) => d.field)).toContain("nodes[0].name_zh");
      expect((await admin<ChainSetVersion[]>("GET", "/api/v1/chain-sets")).body.map((v) => v.version)).toEqual(["reference-1"]);
    });

    it("stores a valid edit as a new version in force, keeps the history and refuses a version string twice", async () => {
      const created = await admin<ChainSetVersion>("PUT", "/api/v1/chain-sets", fileForm(miniChainSet()));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ version: "mini-1", sequence: 2, source: "edited", inForce: true, nodes: 6, chains: 2 });
      const versions = await admin<ChainSetVersion[]>("GET", "/api/v1/chain-sets");
      expect(versions.body.map((v) => [v.version, v.inForce])).toEqual([["mini-1", true], ["reference-1", false]]);
      expect((await admin<ChainMap>("GET", "/api/v1/chains")).body.chainSetVersion).toBe("mini-1");
      expect((await admin<ChainMap>("GET", "/api/v1/chains?version=reference-1")).body.chains).toHaveLength(7);
      expect((await admin("PUT", "/api/v1/chain-sets", fileForm(miniChainSet()))).status).toBe(409);
      expect((await admin("GET", "/api/v1/chains/electric-tools")).status).toBe(404);
      expect((await admin<{ version: string }>("GET", "/api/v1/chain-sets/mini-1")).body.version).toBe("mini-1");
    });

    it("lets only administrators submit chain-sets", async () => {
      const next = fileForm({ ...miniChainSet(), version: "mini-x" });
      expect((await as("public", "PUT", "/api/v1/chain-sets", next)).status).toBe(401);
      expect((await as("official-yk", "PUT", "/api/v1/chain-sets", next)).status).toBe(403);
    });
  });

  describe("gaps and complements", () => {
    it("counts each county's enterprises per node from the derived links, with gaps, thin nodes and complements", async () => {
      const report = await gaps("&chainId=tools");
      expect(report.status).toBe(200);
      expect(report.body.chainSetVersion).toBe("mini-1");
      expect(report.body.chains.map((c) => c.chainId)).toEqual(["tools"]);
      expect(report.body.chains[0]?.nodes.map((n) => `${n.nodeId}: ${n.counties.map((c) => `${c.enterprises} ${c.status}`).join(" | ")}`)).toEqual([
        "steel: 0 gap | 1 thin",
        "casting: 1 thin | 1 thin",
        "gears: 2 present | 0 gap",
        "motors: 1 thin | 0 gap",
        "tools: 1 thin | 2 present",
        "export: 0 gap | 1 thin",
      ]);
      expect(row(report.body, "tools", "gears")?.complement).toEqual({ gapIn: W, strongIn: Y, status: "gap" });
      expect(row(report.body, "tools", "tools")?.complement).toEqual({ gapIn: Y, strongIn: W, status: "thin" });
      expect(row(report.body, "tools", "gears")?.counties[1]?.targets.map((t) => fixtureOf(t.enterpriseId))).toEqual(["y1", "y2"]);
      expect(report.body.output).toMatchObject({ measure: "industrial_output", year: null });
    });

    it("measures by output where the indicators module has figures for the latest full year", async () => {
      const record = (e: string, month: string, amountFen: string) => app.modules.indicators.figures.record(testOperator, { enterpriseId: id[e], month, measure: "industrial_output", amountFen });
      await record("y2", `${lastFullYear}-03`, "600000000");
      await record("y2", `${lastFullYear}-04`, "300000000");
      await record("y1", `${lastFullYear}-03`, "100000000");
      await record("y1", `${lastFullYear - 1}-03`, "999999999999"); // an older year: not counted
      const report = (await gaps()).body;
      expect(report.output.year).toBe(lastFullYear);
      expect(row(report, "tools", "gears")?.counties[0]).toMatchObject({ enterprises: 2, enterprisesWithOutput: 2, outputFen: "1000000000" });
      expect(row(report, "tools", "gears")?.counties[1]?.targets.map((t) => [fixtureOf(t.enterpriseId), t.outputFen])).toEqual([
        ["y2", "900000000"],
        ["y1", "100000000"],
      ]);
    });

    it("exports the target list of every gap, one row per target", async () => {
      const csv = await admin<string>("GET", `/api/v1/chains/gaps?pairingId=${pairingId}&thinBelow=2&chainId=tools&format=csv&lang=en`);
      expect(csv.status).toBe(200);
      expect(String(csv.headers["content-type"])).toContain("text/csv");
      const lines = String(csv.body).replace(/^\uFEFF/, "").trim().split("\r\n");
      expect(lines[0]).toBe("chain,chain_name,node,node_name_zh,node_name_en,stage,gap_in,status,enterprises_here,enterprises_there,rank,target_id,target_name_zh,target_name_en,target_region,employees,output_fen,reason");
      expect(lines).toContain(
        `tools,电动工具,gears,gears-zh,gears-en,component,${W},gap,0,2,1,${id.y2},y2公司,y2 Co.,${Y},100,900000000,"no enterprise at this node in the county; the partner county has 2; target ranked 1 by size (output, then employees)"`,
      );
      // In Chinese, the reason says the same.
      const zh = await admin<string>("GET", `/api/v1/chains/gaps?pairingId=${pairingId}&thinBelow=2&chainId=tools&format=csv&lang=zh`);
      expect(String(zh.body)).toContain("本县该环节没有企业，对方县有 2 家；目标企业按规模（产值，其次员工人数）排第 1 位");
      const xlsx = await admin("GET", `/api/v1/chains/gaps?regionCodes=${Y},${W}&format=xlsx`);
      expect(String(xlsx.headers["content-type"])).toContain("spreadsheetml");
    });

    it("answers a bad pair or chain with a 400 naming the field", async () => {
      expect((await admin<ErrorBody>("GET", `/api/v1/chains/gaps?regionCodes=${Y},${Y}`)).body.error.details[0]?.field).toBe("regionCodes");
      expect((await admin<ErrorBody>("GET", `/api/v1/chains/gaps?pairingId=${pairingId}&chainId=nope`)).body.error.details[0]?.field).toBe("chainId");
      expect((await admin("GET", `/api/v1/chains/gaps?regionCodes=${Y},330799`)).status).toBe(400);
    });
  });

  describe("matchmaking", () => {
    it("ranks Yongkang suppliers for a Wuyi tool maker in the enclave, with the five reasons adding up", async () => {
      const matches = await admin<EnterpriseMatches>("GET", `/api/v1/enterprises/${id.w1}/matches?role=suppliers`);
      expect(matches.status).toBe(200);
      expect(matches.body.pair).toEqual([W, Y]);
      expect(ranking(matches.body)).toEqual(["y3 910", "y1 904", "y2 674"]);
      const first = matches.body.items[0];
      expect(first).toMatchObject({ supplierId: id.y3, buyerId: id.w1, supplierNodeId: "motors", buyerNodeId: "tools", chainIds: ["tools"], partnerRegionCode: Y, outcome: null });
      expect(first?.reasons.map((r) => [r.kind, r.points])).toEqual([["chain_adjacency", 400], ["product_keyword", 200], ["size_fit", 166], ["distance", 94], ["enclave", 50]]);
      // Sentences name nodes, chains and counties (the register's names, never codes); the parts carry the same as data.
      expect(first?.reasons.map((r) => r.en)).toEqual([
        "node “motors-en” supplies node “tools-en” (chain “Tools”); component → product, the next stage",
        "supplier's product “电机” matches keyword “电机” of node “motors-en”; buyer's product “电动工具” matches keyword “电动工具” of node “tools-en”",
        "supplier 300 and buyer 250 employees, size ratio 83%",
        "the county seats of Wuyi and Yongkang are about 30 km apart by road",
        "w1 Co. is resident in the enclave",
      ]);
      expect(first?.reasons[3]?.zh).toBe("武义县与永康市县城间道路距离约 30 公里");
      const motors = { id: "motors", nameZh: "motors-zh", nameEn: "motors-en", stage: "component" };
      const tools = { id: "tools", nameZh: "tools-zh", nameEn: "tools-en", stage: "product" };
      expect(first?.reasons).toMatchObject([
        { kind: "chain_adjacency", code: "next_stage", step: 1, supplierNode: motors, buyerNode: tools, chains: [{ id: "tools", nameZh: "电动工具", nameEn: "Tools" }] },
        { kind: "product_keyword", code: "both", supplierNode: motors, buyerNode: tools, supplierMatch: { product: "电机", keyword: "电机" }, buyerMatch: { product: "电动工具", keyword: "电动工具" } },
        { kind: "size_fit", code: "ratio", supplierEmployees: 300, buyerEmployees: 250, ratioPercent: 83 },
        { kind: "distance", code: "by_road", km: 30, counties: [{ code: W, nameZh: "武义县", nameEn: "Wuyi" }, { code: Y, nameZh: "永康市", nameEn: "Yongkang" }] },
        { kind: "enclave", code: "one_side", residents: ["buyer"] },
      ]);
      const limited = await admin<EnterpriseMatches>("GET", `/api/v1/enterprises/${id.w1}/matches?role=suppliers&limit=1`);
      expect(ranking(limited.body)).toEqual(["y3 910"]);
    });

    it("ranks customers too, and the strongest matches across the pair", async () => {
      const customers = await admin<EnterpriseMatches>("GET", `/api/v1/enterprises/${id.y1}/matches?role=customers`);
      expect(customers.body.items.map((m) => fixtureOf(m.partnerId))).toEqual(["w1", "w2"]);
      const strongest = await admin<PairMatches>("GET", `/api/v1/chains/matches?pairingId=${pairingId}&limit=3`);
      expect(strongest.body.items.map((m) => `${fixtureOf(m.supplierId)}>${fixtureOf(m.buyerId)} ${m.score}`)[0]).toBe("y3>w1 910");
      expect(strongest.body.items).toHaveLength(3);
      expect(strongest.body.items.every((m) => m.reasons.length === 5)).toBe(true);
      expect(strongest.body.items[0]).toMatchObject({ supplierNameZh: "y3公司", supplierNameEn: "y3 Co.", buyerNameZh: "w1公司", buyerNameEn: "w1 Co." });
    });

    it("never matches into a county that is not paired with the enterprise's", async () => {
      const answer = await admin<ErrorBody>("GET", `/api/v1/enterprises/${id.w1}/matches?partnerRegionCode=330702`);
      expect(answer.status).toBe(400);
      expect(answer.body.error.details[0]?.field).toBe("partnerRegionCode");
    });
  });

  describe("a node's enterprises", () => {
    const url = (chainId: string, nodeId: string, query = "") => `/api/v1/chains/${chainId}/nodes/${nodeId}/enterprises?pairingId=${pairingId}${query}`;

    it("lists each county's enterprises at the node, largest first by output, paged per county", async () => {
      const both = await admin<NodeEnterprises>("GET", url("tools", "gears"));
      expect(both.status).toBe(200);
      expect(both.body).toMatchObject({ chainSetVersion: "mini-1", chainId: "tools", nodeId: "gears", pair: [Y, W], page: 1, pageSize: 20, output: { year: lastFullYear } });
      expect(both.body.counties.map((c) => [c.regionCode, c.total, c.items.map((t) => `${fixtureOf(t.enterpriseId)} ${t.outputFen}`)])).toEqual([
        [Y, 2, ["y2 900000000", "y1 100000000"]],
        [W, 0, []],
      ]);
      expect(both.body.counties[0]?.items[0]).toMatchObject({ nameZh: "y2公司", nameEn: "y2 Co.", regionCode: Y, employees: 100 });
      const second = await admin<NodeEnterprises>("GET", url("tools", "gears", `&regionCode=${Y}&page=2&pageSize=1`));
      expect(second.body.counties.map((c) => [c.regionCode, c.total, c.items.map((t) => fixtureOf(t.enterpriseId))])).toEqual([[Y, 2, ["y1"]]]);
      // A shared node lists the same enterprises on every chain that has it.
      const onMotors = await admin<NodeEnterprises>("GET", url("motors", "steel", `&regionCode=${W}`));
      expect(onMotors.body.counties[0]?.items.map((t) => fixtureOf(t.enterpriseId))).toEqual(["w5"]);
    });

    it("answers a chain or node it does not know with a 404 and a county outside the pair with a 400", async () => {
      expect((await admin<ErrorBody>("GET", url("nope", "gears"))).status).toBe(404);
      const notOnChain = await admin<ErrorBody>("GET", url("motors", "gears"));
      expect(notOnChain.status).toBe(404);
      expect(notOnChain.body.error.code).toBe("chain_node.not_found");
      const outside = await admin<ErrorBody>("GET", url("tools", "gears", "&regionCode=330702"));
      expect(outside.status).toBe(400);
      expect(outside.body.error.details[0]?.field).toBe("regionCode");
      expect((await admin<ErrorBody>("GET", url("tools", "gears", "&pageSize=101"))).body.error.details[0]?.field).toBe("pageSize");
    });

    it("is part of the pair's analysis: a paired county's official reads it, an enterprise user and the public do not", async () => {
      expect((await as("official-wy", "GET", url("tools", "gears"))).status).toBe(200);
      expect((await as("firm-w1", "GET", url("tools", "gears"))).status).toBe(403);
      expect((await as("public", "GET", url("tools", "gears"))).status).toBe(401);
    });
  });

  describe("links and their review", () => {
    it("shows the derived links with their reasons and the nodes the enterprise needs", async () => {
      const links = await admin<EnterpriseChainLinks>("GET", `/api/v1/enterprises/${id.y1}/chain-links`);
      expect(links.body.produces).toEqual([expect.objectContaining({ nodeId: "gears", status: "derived", origin: "derived", derived: true, inForce: true })]);
      expect(links.body.produces[0]?.reasons.map((r) => r.kind)).toEqual(["industry_code", "product_keyword"]);
      expect(links.body.needs.map((x) => x.nodeId)).toEqual(["steel", "casting"]);
    });

    it("keeps confirmations and rejections when the enterprise changes and its links are derived again", async () => {
      const rejected = await as<EnterpriseChainLinks>("official-yk", "POST", `/api/v1/enterprises/${id.y2}/chain-links/reject`, { nodeId: "gears", note: "makes fittings, not gears" });
      expect(rejected.status).toBe(200);
      expect(rejected.body.produces[0]).toMatchObject({ nodeId: "gears", status: "rejected", inForce: false, note: "makes fittings, not gears" });
      expect((await as("firm-y1", "POST", `/api/v1/enterprises/${id.y1}/chain-links/confirm`, { nodeId: "gears" })).status).toBe(200);
      const added = await as<EnterpriseChainLinks>("official-wy", "POST", `/api/v1/enterprises/${id.w4}/chain-links/add`, { nodeId: "tools" });
      expect(added.body.produces.find((l) => l.nodeId === "tools")).toMatchObject({ status: "confirmed", origin: "added", derived: false });
      // The enterprises change: their links are derived again at the next read.
      await admin("PATCH", `/api/v1/enterprises/${id.y2}`, { employees: 120, products: ["齿轮"] });
      await admin("PATCH", `/api/v1/enterprises/${id.y1}`, { products: ["精密零件"] });
      const y2 = (await admin<EnterpriseChainLinks>("GET", `/api/v1/enterprises/${id.y2}/chain-links`)).body.produces;
      expect(y2).toEqual([expect.objectContaining({ nodeId: "gears", status: "rejected", derived: true })]);
      expect(y2[0]?.reasons.map((r) => r.kind)).toEqual(["industry_code", "product_keyword"]);
      const y1 = (await admin<EnterpriseChainLinks>("GET", `/api/v1/enterprises/${id.y1}/chain-links`)).body.produces;
      expect(y1).toEqual([expect.objectContaining({ nodeId: "gears", status: "confirmed", decidedBy: expect.objectContaining({ name: expect.stringContaining("firm-y1") }) })]);
      expect(y1[0]?.reasons.map((r) => r.kind)).toEqual(["industry_code"]);
      // Matching and gaps follow: y2 is no longer a gear supplier; w4 now makes tools.
      expect(ranking((await admin<EnterpriseMatches>("GET", `/api/v1/enterprises/${id.w1}/matches`)).body)).toEqual(["y3 910", "y1 754"]);
      expect(row((await gaps()).body, "tools", "tools")?.counties[1]?.enterprises).toBe(3);
      const history = await admin<{ version: number; after: EnterpriseChainLinks }[]>("GET", `/api/v1/enterprises/${id.y2}/chain-links/history`);
      expect(history.body.map((h) => h.version)).toEqual([1]);
    });

    it("keeps the review when the chain-set changes", async () => {
      const next = fileForm({ ...miniChainSet(), version: "mini-2" }) as { nodes: { keywords_zh: string[] }[] };
      (next.nodes[2] as { keywords_zh: string[] }).keywords_zh.push("精密零件");
      expect((await admin("PUT", "/api/v1/chain-sets", next)).status).toBe(201);
      const y1 = (await admin<EnterpriseChainLinks>("GET", `/api/v1/enterprises/${id.y1}/chain-links`)).body;
      expect(y1.chainSetVersion).toBe("mini-2");
      expect(y1.produces).toEqual([expect.objectContaining({ nodeId: "gears", status: "confirmed" })]);
      expect(y1.produces[0]?.reasons.map((r) => r.kind)).toEqual(["industry_code", "product_keyword"]);
      const y2 = (await admin<EnterpriseChainLinks>("GET", `/api/v1/enterprises/${id.y2}/chain-links`)).body;
      expect(y2.produces[0]?.status).toBe("rejected");
    });

    it("names a node the enterprise has no link to, or that the chain-set lacks", async () => {
      expect((await admin<ErrorBody>("POST", `/api/v1/enterprises/${id.y3}/chain-links/reject`, { nodeId: "tools" })).body.error.details[0]?.field).toBe("nodeId");
      expect((await admin("POST", `/api/v1/enterprises/${id.y3}/chain-links/add`, { nodeId: "ghost" })).status).toBe(400);
    });
  });

  describe("match outcomes", () => {
    let matchId = "";
    const outcome = (status: string, who = "admin") => as<ChainMatchRecord>(who, "POST", "/api/v1/chain-matches", { supplierId: id.y3, customerId: id.w1, status });

    it("records a match forward only: suggested → contacted → agreed → deal, never back", async () => {
      const suggested = await outcome("suggested", "firm-w1");
      expect(suggested.status).toBe(201);
      matchId = suggested.body.id;
      expect(suggested.body).toMatchObject({ status: "suggested", supplier: { id: id.y3, regionCode: Y }, customer: { id: id.w1, enclaveId }, suggestion: { score: 910, supplierNodeId: "motors", buyerNodeId: "tools" } });
      expect((await outcome("contacted", "official-wy")).status).toBe(200);
      const back = await outcome("suggested");
      expect(back.status).toBe(409);
      expect(back.body.error.code).toBe("chain_match.invalid_transition");
      expect((await outcome("contacted")).status).toBe(200); // the same status again changes nothing
      const deal = await outcome("deal");
      expect(deal.body.status).toBe("deal");
      expect(deal.body.statusHistory.map((h) => h.status)).toEqual(["suggested", "contacted", "deal"]);
      const history = await admin<{ version: number; action: string }[]>("GET", `/api/v1/chain-matches/${matchId}/history`);
      expect(history.body.map((h) => [h.version, h.action])).toEqual([[1, "create"], [2, "update"], [3, "update"]]);
      const matches = await admin<EnterpriseMatches>("GET", `/api/v1/enterprises/${id.w1}/matches`);
      expect(matches.body.items[0]?.outcome).toEqual({ id: matchId, status: "deal" });
      const list = await as<Page<ChainMatchRecord>>("firm-w1", "GET", "/api/v1/chain-matches");
      expect(list.body.items.map((m) => m.id)).toEqual([matchId]);
      expect((await as<Page<ChainMatchRecord>>("firm-y1", "GET", "/api/v1/chain-matches")).body.total).toBe(0);
    });

    it("makes a deal a signed project owned by the buyer, linked back to the match, once", async () => {
      const other = await admin<ChainMatchRecord>("POST", "/api/v1/chain-matches", { supplierId: id.y1, customerId: id.w2, status: "agreed" });
      expect((await admin<ErrorBody>("POST", `/api/v1/chain-matches/${other.body.id}/project`, {})).body.error.code).toBe("chain_match.not_a_deal");
      expect((await as("firm-w1", "POST", `/api/v1/chain-matches/${matchId}/project`, {})).status).toBe(403); // no project.create
      const made = await as<{ match: ChainMatchRecord; project: Project }>("official-wy", "POST", `/api/v1/chain-matches/${matchId}/project`, { stage: "signed" });
      expect(made.status).toBe(201);
      expect(made.body.project).toMatchObject({ stage: "signed", kind: "investment", regionCodes: [W, Y], ownerEnterpriseId: id.w1, enclaveId });
      expect(made.body.project.note).toContain(matchId);
      expect(made.body.match.projectId).toBe(made.body.project.id);
      expect((await admin<Project>("GET", `/api/v1/projects/${made.body.project.id}`)).body.stage).toBe("signed");
      expect((await admin<ErrorBody>("POST", `/api/v1/chain-matches/${matchId}/project`, {})).body.error.code).toBe("chain_match.has_project");
    });
  });

  describe("permissions", () => {
    it("lets an enterprise user review its own links, not another enterprise's", async () => {
      expect((await as("firm-w1", "GET", `/api/v1/enterprises/${id.w1}/chain-links`)).status).toBe(200);
      expect((await as("firm-w1", "POST", `/api/v1/enterprises/${id.w1}/chain-links/confirm`, { nodeId: "tools" })).status).toBe(200);
      expect([403, 404]).toContain((await as("firm-w1", "POST", `/api/v1/enterprises/${id.y1}/chain-links/confirm`, { nodeId: "gears" })).status);
      expect([403, 404]).toContain((await as("firm-w1", "GET", `/api/v1/enterprises/${id.y1}/chain-links`)).status);
      expect([403, 404]).toContain((await as("firm-w1", "GET", `/api/v1/enterprises/${id.y1}/matches`)).status);
      expect((await as("firm-w1", "GET", `/api/v1/enterprises/${id.w1}/matches`)).status).toBe(200);
    });

    it("lets a county official review its own county's links and read, not review, the paired county's", async () => {
      expect((await as("official-wy", "GET", `/api/v1/enterprises/${id.y1}/chain-links`)).status).toBe(200);
      expect((await as("official-wy", "POST", `/api/v1/enterprises/${id.y1}/chain-links/confirm`, { nodeId: "gears" })).status).toBe(403);
      expect((await as("official-wy", "GET", `/api/v1/chains/gaps?pairingId=${pairingId}`)).status).toBe(200);
    });

    it("keeps a pair's analysis from enterprise users and the public, and enterprises' links from the public", async () => {
      expect((await as("firm-w1", "GET", `/api/v1/chains/gaps?pairingId=${pairingId}`)).status).toBe(403);
      expect((await as("public", "GET", `/api/v1/chains/matches?pairingId=${pairingId}`)).status).toBe(401);
      expect((await as("public", "GET", `/api/v1/enterprises/${id.w1}/chain-links`)).status).toBe(401);
      expect((await as("firm-y1", "POST", "/api/v1/chain-matches", { supplierId: id.y3, customerId: id.w2, status: "suggested" })).status).toBe(403);
    });
  });
});
