// The permission matrix: every route of the OpenAPI document × every role and scope, answered over HTTP and
// compared with the permission table (server/src/platform/permissions.ts, docs/permissions.md). The expected
// answer is worked out here from the table and each record's scope, independently of authorize.ts. An allowed
// request must succeed (2xx), a denied one must be 401, 403 or 404 (IDOR probes: 403 or 404), lists must hold
// exactly the records the table lets the actor read, and aggregates must count only those. 0 mismatches.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountRole } from "../../contracts/accounts.ts";
import { illustrativeOrganisationCode, makeUscc } from "../src/modules/enterprises/index.ts";
import type { Actor } from "../src/platform/actor.ts";
import { permissionTable, type Permission, type ScopeRule } from "../src/platform/permissions.ts";
import { createAccount, sessionHeaders, signIn } from "./support/accounts.ts";
import { databaseTargets, startTestApp, testOperator, type TestApp } from "./support/test-app.ts";
import { chainProbes } from "./support/chains-probes.ts";
import { figuresProbes } from "./support/figures-probes.ts";
import { residencyProbes } from "./support/residency-probes.ts";
import { sharingProbes } from "./support/sharing-probes.ts";

const yk = "330784";
const wy = "330723";
const yiwu = "330782";
const lanxi = "330781";
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

type Scope = { regions?: string[]; enclaveId?: string | null; enterpriseId?: string | null; published?: boolean; ownerId?: string | null };
type Who = { name: string; role: AccountRole | "public"; regionCode?: string; paired?: string[]; enclaveId?: string; enterpriseId?: string; userId?: string; headers: Record<string, string> };
type Entity = "region" | "pairing" | "agreement" | "enclave" | "enterprise" | "project" | "cooperation_activity";
type Rec = Record<string, unknown> & { id?: string; code?: string; archivedAt?: string | null; published?: boolean };

/** The table's answer, worked out from the rules' meaning (docs/permissions.md, "Scopes"). */
function allowed(who: Who, permission: Permission, scope?: Scope): boolean {
  const rules: readonly ScopeRule[] = permissionTable[who.role][permission] ?? [];
  if (scope === undefined) return rules.length > 0;
  const regions = scope.regions ?? [];
  return rules.some((rule) => {
    if (rule === "any") return true;
    if (rule === "region") return who.regionCode !== undefined && regions.includes(who.regionCode);
    if (rule === "pairing") return [who.regionCode, ...(who.paired ?? [])].some((c) => c !== undefined && regions.includes(c));
    if (rule === "enclave") return who.enclaveId !== undefined && scope.enclaveId === who.enclaveId;
    if (rule === "enterprise") return who.enterpriseId !== undefined && scope.enterpriseId === who.enterpriseId;
    if (rule === "published") return scope.published === true;
    return who.userId !== undefined && scope.ownerId === who.userId;
  });
}

const live = (r: Rec) => r.published === true && !r.archivedAt;
const scopeOf: Record<Entity, (r: Rec) => Scope> = {
  region: (r) => ({ regions: [r.code as string] }),
  pairing: (r) => ({ regions: (r.members as { regionCode: string }[]).map((m) => m.regionCode) }),
  agreement: (r) => ({ regions: r.parties as string[], published: live(r) }),
  enclave: (r) => ({ regions: [r.hostRegionCode as string, ...(r.sendingRegionCodes as string[])], enclaveId: r.id ?? null, published: live(r) }),
  enterprise: (r) => ({ regions: [r.homeRegionCode as string], enterpriseId: r.id ?? null, enclaveId: r.enclaveId as string | null }),
  project: (r) => ({ regions: r.regionCodes as string[], enclaveId: r.enclaveId as string | null, enterpriseId: r.ownerEnterpriseId as string | null, published: live(r) }),
  cooperation_activity: (r) => ({ regions: [r.fromRegionCode as string, r.toRegionCode as string], published: live(r) }),
};

const registers: Record<string, Entity> = {
  regions: "region",
  pairings: "pairing",
  agreements: "agreement",
  enclaves: "enclave",
  enterprises: "enterprise",
  projects: "project",
  "cooperation-activities": "cooperation_activity",
};

const keyOf = (r: Rec) => (r.id ?? r.code) as string;

/** Routes every actor may use, whatever the table says (reference data, health, one's own session). */
const open = ["GET /api/health", "GET /api/v1/industry-codes", "GET /api/v1/cooperation-measures", "GET /api/v1/enterprises/import/template", "GET /api/v1/projects/import/template", "GET /api/v1/figures/import/template", "GET /api/v1/session"];
/** Routes that act on the caller's own session: tested in accounts.int.test.ts, not walked here (they would end the walkers' sessions). */
const ownSession = ["POST /api/v1/session", "DELETE /api/v1/session", "PUT /api/v1/session/password"];

describe.each(databaseTargets())("the permission matrix on %s", (target) => {
  let app: TestApp;
  const walkers: Who[] = [];
  let victimId = "";
  let documentPath = "";
  let counter = 0;
  const mismatches: string[] = [];

  const call = (who: Who, method: string, url: string, body?: unknown) => app.api<Rec & { items?: Rec[]; stages?: { count: number }[]; domains?: { activities: number }[] }>(method as "GET", url, body, who.headers);
  /** Every record, as the system administrator lists them. */
  const all = async (path: string): Promise<Rec[]> => (await app.api<{ items: Rec[] }>("GET", `/api${path}?pageSize=500`, undefined, walkers[1]?.headers)).body.items;

  function check(who: Who, what: string, expectAllowed: boolean, status: number, okStatuses = [200, 201, 204]): void {
    const fine = expectAllowed ? okStatuses.includes(status) : [401, 403, 404].includes(status);
    if (!fine) mismatches.push(`${what} as ${who.name}: expected ${expectAllowed ? "allowed" : "denied"}, got ${status}`);
  }

  beforeAll(async () => {
    // No operator for credential-less requests: the public is the public. Fixtures are made through the services.
    app = await startTestApp(target, { asOperator: false, env: { SHANHAI_SIGN_IN_PER_IP_PER_MINUTE: "100000", SHANHAI_SIGN_IN_PER_USERNAME_PER_MINUTE: "100000" } });
    const op: Actor = testOperator;
    const m = app.modules;
    const county = (code: string, name: string) => m.regions.regions.create(op, { code, nameZh: name, nameEn: name, level: "county", kind: null, parentCode: null, facts: [], illustrative: false });
    await county(yk, "Yongkang");
    await county(wy, "Wuyi");
    await county(yiwu, "Yiwu");
    await county(lanxi, "Lanxi");
    await county("330797", "Elsewhere 1");
    await county("330798", "Elsewhere 2");
    const pairing = await m.regions.pairings.create(op, { nameZh: "永武", nameEn: "Yongkang–Wuyi", programme: "mountain–sea", sinceYear: 2006, since: null, regionCodes: [yk, wy], note: null, illustrative: false });
    const agreement = (parties: string[], published: boolean) =>
      m.agreements.agreements.create(op, {
        pairingId: null, titleZh: "协议", titleEn: "Agreement", kind: "framework", parties, signedOn: null, signedAt: null, occasion: null, status: "draft",
        principles: [], focusIndustries: [], cooperationDomains: [], term: null, termStart: null, termEnd: null, note: null, published, illustrative: false,
      });
    const shared = await agreement([yk, wy], false);
    await agreement([yiwu, lanxi], false);
    await agreement([yiwu, lanxi], true);
    const enclave = (host: string, sending: string, published: boolean) =>
      m.enclaves.enclaves.create(op, { nameZh: "飞地", nameEn: "Enclave", kind: "industrial", hostRegionCode: host, sendingRegionCodes: [sending], agreementId: null, areaMu: "100", status: "planned", openedOn: null, address: null, note: null, parcels: [], published, illustrative: false });
    const e1 = await enclave(yk, wy, false);
    const e2 = await enclave(yiwu, lanxi, false);
    await enclave(yiwu, lanxi, true);
    const enterprise = (home: string, enclaveId: string | null) =>
      m.enterprises.enterprises.create(op, {
        uscc: makeUscc({ regionCode: home, organisationCode: illustrativeOrganisationCode(900 + counter++) }), nameZh: `企业${counter}`, nameEn: null, homeRegionCode: home, industryCode: "3471",
        enclaveId, residentSince: null, employees: null, foundedOn: null, products: [], registeredCapitalFen: null, note: null, illustrative: false,
      });
    const ent1 = await enterprise(wy, e1.id);
    const ent2 = await enterprise(yk, null);
    await enterprise(yiwu, e2.id);
    const project = (regionCodes: string[], extra: object = {}) =>
      m.projects.projects.create(op, { nameZh: `项目${counter++}`, nameEn: "Project", kind: "investment", stage: "lead", plannedInvestmentFen: null, actualInvestmentFen: null, regionCodes, enclaveId: null, agreementId: null, ownerEnterpriseId: null, ownerName: null, traction: false, startedOn: null, plannedCompletionOn: null, note: null, milestones: [], published: false, illustrative: false, ...extra });
    await project([yk]);
    await project([yk, wy]);
    await project([yk], { enclaveId: e1.id, ownerEnterpriseId: ent1.id });
    await project([yiwu], { published: true });
    await project([lanxi]);
    const activity = (from: string, to: string, published: boolean) =>
      m.cooperation.activities.create(op, { domain: "health", titleZh: "活动", titleEn: "Activity", fromRegionCode: from, toRegionCode: to, pairingId: null, agreementId: null, startedOn: "2025-01-01", endedOn: null, measures: [], description: null, published, illustrative: false });
    await activity(yk, wy, false);
    await activity(yiwu, lanxi, false);
    await activity(lanxi, yiwu, true);
    await m.agreements.agreements.attachDocument(op, shared.id, { fileName: "agreement.pdf", mediaType: "application/pdf", content: Buffer.from("%PDF-1.4 test") });
    documentPath = `/api/v1/agreements/${shared.id}/documents/${(await m.agreements.agreements.get(op, shared.id)).documents[0]?.id}`;
    void pairing;

    const accounts: [string, AccountRole, Partial<Who>][] = [
      ["sysadmin", "system_admin", {}],
      ["secadmin", "security_admin", {}],
      ["auditadmin", "audit_admin", {}],
      ["viewer", "viewer", {}],
      ["auditor", "auditor", {}],
      ["official-yk", "county_official", { regionCode: yk, paired: [wy] }],
      ["official-wy", "county_official", { regionCode: wy, paired: [yk] }],
      ["official-yiwu", "county_official", { regionCode: yiwu, paired: [] }],
      ["manager-e1", "enclave_manager", { enclaveId: e1.id }],
      ["manager-e2", "enclave_manager", { enclaveId: e2.id }],
      ["firm-1", "enterprise_user", { enterpriseId: ent1.id }],
      ["firm-2", "enterprise_user", { enterpriseId: ent2.id }],
    ];
    walkers.push({ name: "public", role: "public", headers: {} });
    for (const [name, role, scope] of accounts) {
      const userId = await createAccount(app, name, role, { regionCode: scope.regionCode, enclaveId: scope.enclaveId, enterpriseId: scope.enterpriseId });
      walkers.push({ name, role, ...scope, userId, headers: sessionHeaders(await signIn(app, name)) });
    }
    victimId = await createAccount(app, "victim", "viewer");
  });

  afterAll(async () => {
    await app?.close();
  });

  it("covers every route of the OpenAPI document", async () => {
    const doc = await app.api<{ paths: Record<string, Record<string, unknown>> }>("GET", "/api/openapi.json");
    const routes = Object.entries(doc.body.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    const walked = new Set([...open, ...ownSession, ...Object.keys(probes)]);
    expect(routes.filter((r) => !walked.has(r))).toEqual([]);
    expect([...walked].filter((r) => !routes.includes(r))).toEqual([]);
  });

  /** Bodies of new records: one in the walker's own scope when it has one, one far away (Yiwu and Lanxi). */
  function newRecords(entity: Entity, who: Who): Rec[] {
    const n = counter++;
    const here = who.regionCode ? [who.regionCode] : null;
    const other = who.regionCode === yk ? wy : yk;
    const enclaveOf = who.enclaveId ?? null;
    switch (entity) {
      case "region":
        return [{ code: `3399${String(n % 100).padStart(2, "0")}`, nameZh: "新县", nameEn: "New county", level: "county" }];
      case "pairing":
        // Between two counties no walker is bound to, so that no walker's pairing scope changes.
        return [{ nameZh: "结对", nameEn: "Pairing", programme: "test", sinceYear: 2020, regionCodes: ["330797", "330798"] }];
      case "agreement":
        return [...(here ? [{ titleZh: "协议", titleEn: "A", kind: "project", parties: [...here, other] }] : []), { titleZh: "协议", titleEn: "A", kind: "project", parties: [yiwu, lanxi] }];
      case "enclave":
        return [...(here ? [{ nameZh: "飞地", nameEn: "E", kind: "industrial", hostRegionCode: here[0], sendingRegionCodes: [other], areaMu: "10" }] : []), { nameZh: "飞地", nameEn: "E", kind: "industrial", hostRegionCode: yiwu, sendingRegionCodes: [lanxi], areaMu: "10" }];
      case "enterprise": {
        const uscc = (region: string, k: number) => makeUscc({ regionCode: region, organisationCode: illustrativeOrganisationCode(5000 + n * 3 + k) });
        const own = here ? [{ uscc: uscc(here[0] as string, 0), nameZh: "新企业", homeRegionCode: here[0], industryCode: "3471" }] : enclaveOf ? [{ uscc: uscc(wy, 0), nameZh: "新企业", homeRegionCode: wy, industryCode: "3471", enclaveId: enclaveOf }] : [];
        return [...own, { uscc: uscc(yiwu, 1), nameZh: "新企业", homeRegionCode: yiwu, industryCode: "3471" }];
      }
      case "project":
        return [
          ...(here ? [{ nameZh: "新项目", nameEn: "P", kind: "investment", regionCodes: here }] : []),
          ...(enclaveOf ? [{ nameZh: "新项目", nameEn: "P", kind: "investment", regionCodes: [yk], enclaveId: enclaveOf }] : []),
          { nameZh: "新项目", nameEn: "P", kind: "investment", regionCodes: [yiwu] },
        ];
      case "cooperation_activity":
        return [...(here ? [{ domain: "talent", titleZh: "活动", titleEn: "C", fromRegionCode: here[0], toRegionCode: other, startedOn: "2025-02-01" }] : []), { domain: "talent", titleZh: "活动", titleEn: "C", fromRegionCode: yiwu, toRegionCode: lanxi, startedOn: "2025-02-01" }];
    }
  }

  /** Where a new record would lie, from its body. */
  function bodyScope(entity: Entity, body: Rec): Scope {
    switch (entity) {
      case "region":
        return { regions: [body.code as string] };
      case "pairing":
        return { regions: body.regionCodes as string[] };
      case "agreement":
        return { regions: body.parties as string[] };
      case "enclave":
        return { regions: [body.hostRegionCode as string, ...(body.sendingRegionCodes as string[])], enclaveId: null };
      case "enterprise":
        return { regions: [body.homeRegionCode as string], enclaveId: (body.enclaveId as string | undefined) ?? null, enterpriseId: null };
      case "project":
        return { regions: body.regionCodes as string[], enclaveId: (body.enclaveId as string | undefined) ?? null };
      case "cooperation_activity":
        return { regions: [body.fromRegionCode as string, body.toRegionCode as string] };
    }
  }

  type Probe = () => Promise<void>;
  const probes: Record<string, Probe> = {};

  for (const [plural, entity] of Object.entries(registers)) {
    const base = `/api/v1/${plural}`;
    const records = () => all(`/v1/${plural}`);

    probes[`GET ${base}`] = async () => {
      const everything = await records();
      for (const who of walkers) {
        const answer = await call(who, "GET", `${base}?pageSize=500`);
        const may = allowed(who, `${entity}.read` as Permission);
        check(who, `GET ${base}`, may, answer.status);
        if (!may || answer.status !== 200) continue;
        const expected = everything.filter((r) => allowed(who, `${entity}.read` as Permission, scopeOf[entity](r))).map(keyOf).sort();
        const got = (answer.body.items ?? []).map(keyOf).sort();
        if (JSON.stringify(got) !== JSON.stringify(expected)) mismatches.push(`GET ${base} as ${who.name}: listed ${got.length} (${got.join(",")}), the table allows ${expected.length} (${expected.join(",")})`);
        const csv = await call(who, "GET", `${base}?format=csv`);
        const lines = String(csv.body).trim().split("\r\n").length - 1;
        if (lines !== expected.length) mismatches.push(`GET ${base}?format=csv as ${who.name}: ${lines} rows, the table allows ${expected.length}`);
      }
    };

    probes[`POST ${base}`] = async () => {
      for (const who of walkers) {
        for (const body of newRecords(entity, who)) {
          const answer = await call(who, "POST", base, body);
          check(who, `POST ${base} ${JSON.stringify(bodyScope(entity, body))}`, allowed(who, `${entity}.create` as Permission, bodyScope(entity, body)), answer.status);
        }
      }
    };

    const perRecord = (method: string, suffix: string, permission: Permission, body?: unknown) => async () => {
      for (const record of await records()) {
        for (const who of walkers) {
          const answer = await call(who, method, `${base}/${keyOf(record)}${suffix}`, body);
          check(who, `${method} ${base}/${keyOf(record)}${suffix}`, allowed(who, permission, scopeOf[entity](record)), answer.status);
        }
      }
    };
    probes[`GET ${base}/{id}`] = perRecord("GET", "", `${entity}.read` as Permission);
    probes[`GET ${base}/{id}/history`] = perRecord("GET", "/history", `${entity}.read` as Permission);
    probes[`PATCH ${base}/{id}`] = perRecord("PATCH", "", `${entity}.update` as Permission, {});

    probes[`POST ${base}/{id}/archive`] = async () => {
      for (const record of await records()) {
        for (const who of walkers) {
          const id = keyOf(record);
          const answer = await call(who, "POST", `${base}/${id}/archive`);
          check(who, `POST ${base}/${id}/archive`, allowed(who, `${entity}.archive` as Permission, scopeOf[entity](record)), answer.status);
          if (answer.status === 200) await app.api("POST", `${base}/${id}/restore`, undefined, walkers.find((w) => w.role === "system_admin")?.headers);
        }
      }
    };
    probes[`POST ${base}/{id}/restore`] = async () => {
      const admin = walkers.find((w) => w.role === "system_admin") as Who;
      for (const record of await records()) {
        const id = keyOf(record);
        await app.api("POST", `${base}/${id}/archive`, undefined, admin.headers);
        const archived = { ...record, archivedAt: "now" };
        for (const who of walkers) {
          const answer = await call(who, "POST", `${base}/${id}/restore`);
          check(who, `POST ${base}/${id}/restore`, allowed(who, `${entity}.archive` as Permission, scopeOf[entity](archived)), answer.status);
          if (answer.status === 200) await app.api("POST", `${base}/${id}/archive`, undefined, admin.headers);
        }
        await app.api("POST", `${base}/${id}/restore`, undefined, admin.headers);
      }
    };
  }

  probes["POST /api/v1/projects/{id}/progress-reports"] = async () => {
    for (const record of await all("/v1/projects")) {
      for (const who of walkers) {
        const answer = await call(who, "POST", `/api/v1/projects/${record.id}/progress-reports`, { reportedOn: today, percentComplete: 0, text: "matrix" });
        check(who, `POST progress report on ${record.id}`, allowed(who, "project.update", scopeOf.project(record)), answer.status);
      }
    }
  };

  probes["GET /api/v1/projects/pipeline"] = async () => {
    const projects = await all("/v1/projects");
    for (const who of walkers) {
      const answer = await call(who, "GET", "/api/v1/projects/pipeline");
      const may = allowed(who, "project.read");
      check(who, "GET pipeline", may, answer.status);
      if (!may || answer.status !== 200) continue;
      const counted = (answer.body.stages ?? []).reduce((sum, s) => sum + s.count, 0);
      const expected = projects.filter((p) => allowed(who, "project.read", scopeOf.project(p))).length;
      if (counted !== expected) mismatches.push(`GET pipeline as ${who.name}: counts ${counted} projects, the table allows ${expected}`);
    }
  };

  probes["GET /api/v1/cooperation-activities/summary"] = async () => {
    const activities = await all("/v1/cooperation-activities");
    for (const who of walkers) {
      const answer = await call(who, "GET", "/api/v1/cooperation-activities/summary");
      const may = allowed(who, "cooperation_activity.read");
      check(who, "GET cooperation summary", may, answer.status);
      if (!may || answer.status !== 200) continue;
      const counted = (answer.body.domains ?? []).reduce((sum, d) => sum + d.activities, 0);
      const expected = activities.filter((a) => allowed(who, "cooperation_activity.read", scopeOf.cooperation_activity(a))).length;
      if (counted !== expected) mismatches.push(`GET cooperation summary as ${who.name}: counts ${counted}, the table allows ${expected}`);
    }
  };

  const multipart = (fileName: string, text: string) => {
    const boundary = "----matrix";
    return {
      payload: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${text}\r\n--${boundary}--\r\n`),
      contentType: `multipart/form-data; boundary=${boundary}`,
    };
  };
  const upload = (who: Who, url: string, file: { payload: Buffer; contentType: string }) =>
    app.http.inject({ method: "POST", url, payload: file.payload, headers: { ...who.headers, "content-type": file.contentType } });

  probes["POST /api/v1/agreements/{id}/documents"] = async () => {
    for (const record of await all("/v1/agreements")) {
      for (const who of walkers) {
        const answer = await upload(who, `/api/v1/agreements/${record.id}/documents`, multipart(`minutes-${counter++}.txt`, `minutes ${counter}`));
        check(who, `POST document on ${record.id}`, allowed(who, "agreement.update", scopeOf.agreement(record)), answer.statusCode);
      }
    }
  };

  probes["GET /api/v1/agreements/{id}/documents/{documentId}"] = async () => {
    const id = documentPath.split("/")[4];
    const record = (await all("/v1/agreements")).find((a) => a.id === id) as Rec;
    for (const who of walkers) {
      const answer = await call(who, "GET", documentPath);
      check(who, "GET document", allowed(who, "agreement.read", scopeOf.agreement(record)), answer.status);
    }
  };

  // Imports: the role must be able to create at all (else 401/403); each row is then checked against the scope.
  for (const [register, entity, row] of [
    ["enterprises", "enterprise", () => `USCC,企业名称,所属地区,行业代码\n${makeUscc({ regionCode: yiwu, organisationCode: illustrativeOrganisationCode(7000 + counter++) })},导入企业,${yiwu},3471\n`],
    ["projects", "project", () => `项目名称,英文名称,项目类型,所在地区\n导入项目${counter++},Imported,investment,${yiwu}\n`],
  ] as const) {
    probes[`POST /api/v1/${register}/import`] = async () => {
      for (const who of walkers) {
        const answer = await upload(who, `/api/v1/${register}/import?mode=valid_rows`, multipart("rows.csv", row()));
        const may = allowed(who, `${entity}.create`);
        check(who, `POST /api/v1/${register}/import`, may, answer.statusCode, [200, 201, 400]);
        if (may && answer.statusCode === 200) {
          const outcome = answer.json<{ created: number; rejected: number }>();
          const rowAllowed = allowed(who, `${entity}.create`, { regions: [yiwu] });
          if ((outcome.created === 1) !== rowAllowed) mismatches.push(`POST /api/v1/${register}/import as ${who.name}: created ${outcome.created} Yiwu rows, the table ${rowAllowed ? "allows" : "refuses"} them`);
        }
      }
    };
  }

  const roleLevel = (method: string, url: string, permission: Permission, body?: () => unknown) => async () => {
    for (const who of walkers) {
      const answer = await call(who, method, url, body?.());
      check(who, `${method} ${url}`, allowed(who, permission), answer.status);
    }
  };
  probes["GET /api/v1/audit-entries"] = roleLevel("GET", "/api/v1/audit-entries", "audit.read");
  probes["GET /api/v1/audit-entries/verify"] = roleLevel("GET", "/api/v1/audit-entries/verify", "audit.verify");
  probes["GET /api/v1/sessions"] = roleLevel("GET", "/api/v1/sessions", "session.read");
  probes["GET /api/v1/users"] = roleLevel("GET", "/api/v1/users", "user.read");
  probes["POST /api/v1/users"] = roleLevel("POST", "/api/v1/users", "user.create", () => ({ username: `new-${counter++}`, displayName: "New", role: "viewer", password: "Initial-pass-1" }));
  probes["GET /api/v1/api-tokens"] = roleLevel("GET", "/api/v1/api-tokens", "api_token.read");
  probes["POST /api/v1/api-tokens"] = roleLevel("POST", "/api/v1/api-tokens", "api_token.create", () => ({ name: "matrix", permissions: ["region.read"] }));

  const onVictim = (method: string, suffix: string, permission: Permission, body?: unknown, undo?: string) => async () => {
    for (const who of walkers) {
      const answer = await call(who, method, `/api/v1/users/${victimId}${suffix}`, body);
      check(who, `${method} /api/v1/users/victim${suffix}`, allowed(who, permission, { ownerId: victimId }), answer.status);
      if (answer.status === 200 && undo) await app.modules.accounts.users[undo as "enable"](testOperator, victimId);
    }
  };
  probes["GET /api/v1/users/{id}"] = onVictim("GET", "", "user.read");
  probes["GET /api/v1/users/{id}/history"] = onVictim("GET", "/history", "user.read");
  probes["PATCH /api/v1/users/{id}"] = onVictim("PATCH", "", "user.update", { displayName: "Victim" });
  probes["PUT /api/v1/users/{id}/password"] = onVictim("PUT", "/password", "user.update", { password: "Reset-pass-2026" });
  probes["POST /api/v1/users/{id}/disable"] = onVictim("POST", "/disable", "user.archive", undefined, "enable");
  probes["POST /api/v1/users/{id}/enable"] = onVictim("POST", "/enable", "user.archive");
  probes["POST /api/v1/users/{id}/unlock"] = onVictim("POST", "/unlock", "user.archive");

  probes["DELETE /api/v1/sessions/{id}"] = async () => {
    const victimSession = async () => {
      await app.modules.accounts.users.setPassword(testOperator, victimId, "Secret-pass-2026");
      await app.http.inject({ method: "POST", url: "/api/v1/session", payload: { username: "victim", password: "Secret-pass-2026", newPassword: `Secret-pass-${counter++}x` } });
      const sessions = await app.modules.accounts.sessions.list({ ...testOperator, role: "security_admin" });
      return sessions.find((s) => s.userId === victimId)?.id as string;
    };
    for (const who of walkers) {
      const id = await victimSession();
      const answer = await call(who, "DELETE", `/api/v1/sessions/${id}`);
      check(who, "DELETE a session", allowed(who, "session.end"), answer.status);
    }
  };

  probes["DELETE /api/v1/api-tokens/{id}"] = async () => {
    const victim: Actor = { id: victimId, name: "victim", kind: "user", role: "viewer", scope: {} };
    for (const who of walkers) {
      const token = await app.modules.accounts.tokens.create(victim, { name: "victim's", permissions: ["region.read"], expiresOn: null });
      const answer = await call(who, "DELETE", `/api/v1/api-tokens/${token.id}`);
      check(who, "DELETE someone else's API token", allowed(who, "api_token.revoke", { ownerId: victimId }), answer.status);
    }
  };

  // Benefit sharing (server/test/support/sharing-probes.ts).
  Object.assign(probes, sharingProbes({ get app() { return app; }, walkers, call, check, allowed, all }));
  // Figures (server/test/support/figures-probes.ts).
  Object.assign(probes, figuresProbes({ get app() { return app; }, walkers, call, check, allowed, all, mismatch: (m) => mismatches.push(m) }));
  // Residency histories of enterprises (server/test/support/residency-probes.ts).
  Object.assign(probes, residencyProbes({ get app() { return app; }, walkers, call, check, allowed, all }));
  // Industry chains (server/test/support/chains-probes.ts).
  Object.assign(probes, chainProbes({ get app() { return app; }, walkers, call, check, allowed, all }));

  for (const route of open) {
    probes[route] = async () => {
      const [method, url] = route.split(" ") as [string, string];
      for (const who of walkers) check(who, route, true, (await call(who, method, url)).status);
    };
  }

  // One test per route, so a failure names the route; the mismatches name the actor and the record.
  it.each(Object.keys(probes).filter((r) => !open.includes(r)))(
    "%s answers as the table says",
    async (route) => {
      mismatches.length = 0;
      await probes[route]?.();
      expect(mismatches).toEqual([]);
    },
    300_000,
  );

  it("answers the open routes to everyone", async () => {
    mismatches.length = 0;
    for (const route of open) await probes[route]?.();
    expect(mismatches).toEqual([]);
  });

  it("denies the IDOR probes: a Wuyi official changing a Yongkang project, an enterprise user reading another enterprise", async () => {
    const wuyiOfficial = walkers.find((w) => w.name === "official-wy") as Who;
    const yongkangProject = (await all("/v1/projects")).find((p) => JSON.stringify(p.regionCodes) === JSON.stringify([yk]) && !p.enclaveId) as Rec;
    expect([403, 404]).toContain((await call(wuyiOfficial, "PATCH", `/api/v1/projects/${yongkangProject.id}`, { nameEn: "Taken over" })).status);
    expect([403, 404]).toContain((await call(wuyiOfficial, "POST", `/api/v1/projects/${yongkangProject.id}/archive`)).status);
    const firm = walkers.find((w) => w.name === "firm-1") as Who;
    const other = walkers.find((w) => w.name === "firm-2") as Who;
    expect([403, 404]).toContain((await call(firm, "GET", `/api/v1/enterprises/${other.enterpriseId}`)).status);
    expect([403, 404]).toContain((await call(firm, "PATCH", `/api/v1/enterprises/${other.enterpriseId}`, { employees: 1 })).status);
    expect((await call(firm, "GET", `/api/v1/enterprises/${firm.enterpriseId}`)).status).toBe(200);
    // An enterprise user keeps its profile, not its identity or place (enterprise.register).
    expect((await call(firm, "PATCH", `/api/v1/enterprises/${firm.enterpriseId}`, { employees: 120 })).status).toBe(200);
    expect((await call(firm, "PATCH", `/api/v1/enterprises/${firm.enterpriseId}`, { enclaveId: null })).status).toBe(403);
    expect((await call(firm, "PATCH", `/api/v1/enterprises/${firm.enterpriseId}`, { homeRegionCode: yk })).status).toBe(403);
    // Moving one's own record out of one's scope is refused too.
    const wuyiProject = (await call(wuyiOfficial, "POST", "/api/v1/projects", { nameZh: "武义项目", nameEn: "W", kind: "investment", regionCodes: [wy] })).body;
    expect((await call(wuyiOfficial, "PATCH", `/api/v1/projects/${wuyiProject.id}`, { regionCodes: [yk] })).status).toBe(403);
  });
});
