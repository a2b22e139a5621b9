// The demo's accounts (README, "Demo accounts"): one per role, each signs in with the README's password and sees
// only what its role may see; every answer of a demo instance says it is a demo. Other instances have no accounts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionInfo } from "../../contracts/accounts.ts";
import type { Agreement } from "../../contracts/agreements.ts";
import type { Enterprise } from "../../contracts/enterprises.ts";
import type { Project } from "../../contracts/projects.ts";
import { demoPassword } from "../src/demo/demo-accounts.ts";
import { isDemoInstance, loadDemoCase } from "../src/demo/index.ts";
import { sessionHeaders, signIn } from "./support/accounts.ts";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

type Page<T> = { items: T[]; total: number };

const yongkang = "330784";
const wuyi = "330723";

describe.each(databaseTargets())("the demo accounts on %s", (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target, {
      asOperator: false,
      onReady: async (modules, database) => {
        await loadDemoCase(modules, database.db);
        return isDemoInstance(database.db);
      },
    });
  });
  afterAll(() => app.close());

  it("says it is a demo on every answer", async () => {
    for (const url of ["/api/health", "/api/v1/agreements", "/api/v1/enterprises", "/nowhere"]) {
      expect((await app.http.inject({ method: "GET", url })).headers["x-shanhai-demo"]).toBe("true");
    }
  });

  it("has one account per role, each signing in with the README's password", async () => {
    const roles: Record<string, string> = {};
    for (const username of ["sysadmin", "secadmin", "auditadmin", "viewer", "yongkang", "wuyi", "enclave", "enterprise", "auditor"]) {
      const session = await signIn(app, username, demoPassword);
      const me = await app.api<SessionInfo>("GET", "/api/v1/session", undefined, sessionHeaders(session));
      expect(me.body.demo).toBe(true);
      roles[username] = me.body.actor.role;
    }
    expect(new Set(Object.values(roles)).size).toBe(8);
    expect(roles).toMatchObject({ wuyi: "county_official", yongkang: "county_official", auditor: "auditor", auditadmin: "audit_admin" });
  });

  it("shows each role only what it may see", async () => {
    const as = async (username: string) => sessionHeaders(await signIn(app, username, demoPassword));
    const list = async <T>(headers: Record<string, string>, path: string) => (await app.api<Page<T>>("GET", `${path}?pageSize=500`, undefined, headers)).body;

    // The public: published records only, no enterprises.
    const publicAgreements = await list<Agreement>({}, "/api/v1/agreements");
    expect(publicAgreements.items.every((a) => a.published)).toBe(true);
    expect(publicAgreements.items.some((a) => a.signedOn === "2022-04-02")).toBe(true);
    expect((await app.api("GET", "/api/v1/enterprises")).status).toBe(401);
    expect((await list<Project>({}, "/api/v1/projects")).items.every((p) => p.published)).toBe(true);

    // Wuyi's official: Wuyi's and (through the pairing) Yongkang's enterprises.
    const wuyiOfficial = await as("wuyi");
    const enterprises = await list<Enterprise>(wuyiOfficial, "/api/v1/enterprises");
    expect(enterprises.total).toBeGreaterThan(0);
    expect(new Set(enterprises.items.map((e) => e.homeRegionCode))).toEqual(new Set([wuyi, yongkang]));
    const yongkangOnly = (await list<Project>(wuyiOfficial, "/api/v1/projects")).items.find((p) => p.regionCodes.length === 1 && p.regionCodes[0] === yongkang);
    expect(yongkangOnly).toBeDefined();
    expect([403, 404]).toContain((await app.api("PATCH", `/api/v1/projects/${yongkangOnly?.id}`, { note: "Wuyi was here" }, wuyiOfficial)).status);

    // The enterprise user: its own enterprise only.
    const firm = await as("enterprise");
    const own = await list<Enterprise>(firm, "/api/v1/enterprises");
    expect(own.total).toBe(1);

    // The auditor reads everything and changes nothing; the audit administrator reads the log, not the registers.
    const auditor = await as("auditor");
    expect((await list<Enterprise>(auditor, "/api/v1/enterprises")).total).toBeGreaterThan(own.total);
    expect((await app.api("PATCH", `/api/v1/enterprises/${own.items[0]?.id}`, { employees: 1 }, auditor)).status).toBe(403);
    expect((await app.api("GET", "/api/v1/audit-entries", undefined, auditor)).status).toBe(200);
    const auditAdmin = await as("auditadmin");
    expect((await app.api("GET", "/api/v1/audit-entries/verify", undefined, auditAdmin)).body).toMatchObject({ ok: true });
    expect((await app.api("GET", "/api/v1/enterprises", undefined, auditAdmin)).status).toBe(403);
  });
});

describe.each(databaseTargets())("an instance without the demo on %s", (target) => {
  it("has no accounts at all", async () => {
    const app = await startTestApp(target, { asOperator: false });
    try {
      expect((await app.api("POST", "/api/v1/session", { username: "sysadmin", password: demoPassword })).status).toBe(401);
      expect((await app.modules.accounts.users.list({ id: "t", name: "t", kind: "system", role: "system_admin", scope: {} }, { page: 1, pageSize: 10, includeDisabled: true })).total).toBe(0);
      expect((await app.http.inject({ method: "GET", url: "/api/health" })).headers["x-shanhai-demo"]).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
