// The sharing routes' probes for the permission matrix (server/test/permissions.int.test.ts): every route ×
// every walker, compared with the table. A record's scope is its agreement's parties; confirming needs, besides,
// the party's county in the caller's scope. Fixtures (terms with a fixed guaranteed return, so no figures are
// needed, and a draft run for 2024 per agreement) are made once, through the services, as the test operator.
import type { Permission } from "../../src/platform/permissions.ts";
import { testOperator, type TestApp } from "./test-app.ts";

type Scope = { regions?: string[] };
type Walker = { name: string; headers: Record<string, string> };
type Rec = Record<string, unknown> & { id?: string };
type Answer = { status: number; body: unknown };

export type ProbeContext<W extends Walker> = {
  /** A getter: the app is started after the probes are made. */
  readonly app: TestApp;
  walkers: W[];
  call(who: W, method: string, url: string, body?: unknown): Promise<Answer>;
  check(who: W, what: string, expectAllowed: boolean, status: number, okStatuses?: number[]): void;
  allowed(who: W, permission: Permission, scope?: Scope): boolean;
  all(path: string): Promise<Rec[]>;
};

type Fixture = { agreementId: string; parties: string[]; runId: string; enterprises: { id: string; homeRegionCode: string }[] };

const termsOf = (parties: string[], version: number) => ({
  id: "matrix-terms",
  version,
  effectiveFrom: `2024-01-${String(Math.min(version, 28)).padStart(2, "0")}`,
  parties: parties.map((code) => ({ code, name: code })),
  rules: [],
  guaranteedReturns: [{ id: "fixed", kind: "fixed", principalFen: "1000000", rate: 1000, payer: parties[1], beneficiary: parties[0], fromYear: 2024, toYear: null }],
});

export function sharingProbes<W extends Walker>(ctx: ProbeContext<W>): Record<string, () => Promise<void>> {
  const { walkers, call, check, allowed } = ctx;
  // The app starts after the probes are made: read it when a probe runs.
  const sharing = () => ctx.app.modules.sharing;
  let made: Promise<Fixture[]> | undefined;

  async function draftOf(agreementId: string): Promise<string> {
    return (await sharing().runs.start(testOperator, agreementId, { period: "2024" })).run.id;
  }

  const fixtures = () =>
    (made ??= (async () => {
      const enterprises = (await ctx.all("/v1/enterprises")).map((e) => ({ id: e.id as string, homeRegionCode: e.homeRegionCode as string }));
      const result: Fixture[] = [];
      for (const a of (await ctx.all("/v1/agreements")).slice(0, 4)) {
        const parties = a.parties as string[];
        if ((await sharing().terms.list(testOperator, a.id as string)).length === 0) await sharing().terms.add(testOperator, a.id as string, termsOf(parties, 1));
        result.push({ agreementId: a.id as string, parties, runId: await draftOf(a.id as string), enterprises });
      }
      return result;
    })());

  const scopeOf = (f: Fixture): Scope => ({ regions: f.parties });
  const perAgreement = (method: string, path: (f: Fixture) => string, permission: Permission, body?: (f: Fixture) => unknown, okStatuses?: number[]) => async () => {
    for (const f of await fixtures()) {
      for (const who of walkers) {
        const answer = await call(who, method, path(f), body?.(f));
        check(who, `${method} ${path(f)}`, allowed(who, permission, scopeOf(f)), answer.status, okStatuses);
      }
    }
  };

  return {
    "GET /api/v1/agreements/{id}/sharing-terms": perAgreement("GET", (f) => `/api/v1/agreements/${f.agreementId}/sharing-terms`, "sharing.read"),
    "GET /api/v1/agreements/{id}/sharing-terms/{version}": perAgreement("GET", (f) => `/api/v1/agreements/${f.agreementId}/sharing-terms/1`, "sharing.read"),
    "GET /api/v1/sharing/production-starts": async () => {
      for (const who of walkers) check(who, "GET production starts", allowed(who, "sharing.read"), (await call(who, "GET", "/api/v1/sharing/production-starts")).status);
    },
    "PUT /api/v1/sharing/production-starts/{enterpriseId}": async () => {
      for (const e of ((await fixtures())[0]?.enterprises ?? []).slice(0, 3)) {
        for (const who of walkers) {
          const answer = await call(who, "PUT", `/api/v1/sharing/production-starts/${e.id}`, { startedOn: "2020-01-01" });
          check(who, `PUT production start of ${e.id}`, allowed(who, "sharing.manage", { regions: [e.homeRegionCode] }), answer.status);
        }
      }
    },
    "POST /api/v1/agreements/{id}/settlements": perAgreement("POST", (f) => `/api/v1/agreements/${f.agreementId}/settlements`, "sharing.manage", () => ({ period: "2024" }), [200, 201]),
    "GET /api/v1/agreements/{id}/settlements": perAgreement("GET", (f) => `/api/v1/agreements/${f.agreementId}/settlements`, "sharing.read"),
    "GET /api/v1/settlements/{id}": perAgreement("GET", (f) => `/api/v1/settlements/${f.runId}`, "sharing.read"),
    "GET /api/v1/settlements/{id}/lines/{lineNo}/explanation": perAgreement("GET", (f) => `/api/v1/settlements/${f.runId}/lines/1/explanation`, "sharing.read"),
    "GET /api/v1/settlements/{id}/statement": perAgreement("GET", (f) => `/api/v1/settlements/${f.runId}/statement?party=${f.parties[0]}&format=json`, "sharing.read"),
    "GET /api/v1/agreements/{id}/ledger": perAgreement("GET", (f) => `/api/v1/agreements/${f.agreementId}/ledger?year=2024`, "sharing.read"),
    "GET /api/v1/agreements/{id}/ledger/entries": perAgreement("GET", (f) => `/api/v1/agreements/${f.agreementId}/ledger/entries?year=2024`, "sharing.read"),
    "POST /api/v1/agreements/{id}/scenarios": perAgreement("POST", (f) => `/api/v1/agreements/${f.agreementId}/scenarios`, "sharing.read", () => ({ termSets: [{ label: "v1", version: 1 }], years: [2024] })),
    "GET /api/v1/enclaves/{id}/sharing-summary": async () => {
      // The matrix's enclaves name no agreement, so the enclave's host and sending regions decide alone.
      for (const e of await ctx.all("/v1/enclaves")) {
        for (const who of walkers) {
          const answer = await call(who, "GET", `/api/v1/enclaves/${e.id}/sharing-summary?year=2024`);
          const regions = [e.hostRegionCode as string, ...(e.sendingRegionCodes as string[])];
          check(who, `GET sharing summary of enclave ${e.id}`, allowed(who, "sharing.read", { regions }), answer.status);
        }
      }
    },
    "POST /api/v1/settlements/{id}/confirm": async () => {
      // Every walker confirms for the first party only, so the run stays a draft and each allowed call succeeds.
      for (const f of await fixtures()) {
        for (const who of walkers) {
          const answer = await call(who, "POST", `/api/v1/settlements/${f.runId}/confirm`, { party: f.parties[0] });
          const may = allowed(who, "sharing.read", scopeOf(f)) && allowed(who, "sharing.confirm", { regions: [f.parties[0] as string] });
          check(who, `POST confirm ${f.runId} for ${f.parties[0]}`, may, answer.status);
        }
      }
    },
    "POST /api/v1/settlements/{id}/discard": async () => {
      for (const f of await fixtures()) {
        for (const who of walkers) {
          const runId = await draftOf(f.agreementId); // a fresh draft when the last walker discarded it
          const answer = await call(who, "POST", `/api/v1/settlements/${runId}/discard`);
          check(who, `POST discard ${runId}`, allowed(who, "sharing.manage", scopeOf(f)), answer.status);
        }
      }
    },
    "POST /api/v1/agreements/{id}/sharing-terms": async () => {
      for (const f of await fixtures()) {
        for (const who of walkers) {
          const next = (await sharing().terms.list(testOperator, f.agreementId)).length + 1;
          const answer = await call(who, "POST", `/api/v1/agreements/${f.agreementId}/sharing-terms`, termsOf(f.parties, next));
          check(who, `POST sharing-terms v${next} on ${f.agreementId}`, allowed(who, "sharing.manage", scopeOf(f)), answer.status);
        }
      }
    },
  };
}
