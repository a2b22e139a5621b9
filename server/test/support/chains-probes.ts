// The industry-chain routes' probes for the permission matrix (server/test/permissions.int.test.ts): every route ×
// every walker, compared with the table. The chain map is reference data (chain.read); an enterprise's links and
// matches lie where the enterprise lies; a pair's analysis needs both counties in scope; a recorded match lies
// where either of its enterprises lies. Fixtures are made once, through the services, as the test operator.
import type { ChainMatchRecord } from "../../../contracts/chains.ts";
import reference from "../../src/modules/chains/data/industry-chains.json" with { type: "json" };
import type { Permission } from "../../src/platform/permissions.ts";
import { testOperator, type TestApp } from "./test-app.ts";

type Scope = { regions?: string[]; enclaveId?: string | null; enterpriseId?: string | null };
type Walker = { name: string; headers: Record<string, string> };
type Rec = Record<string, unknown> & { id?: string };
type Answer = { status: number; body: unknown };

export type ChainProbeContext<W extends Walker> = {
  /** A getter: the app is started after the probes are made. */
  readonly app: TestApp;
  walkers: W[];
  call(who: W, method: string, url: string, body?: unknown): Promise<Answer>;
  check(who: W, what: string, expectAllowed: boolean, status: number, okStatuses?: number[]): void;
  allowed(who: W, permission: Permission, scope?: Scope): boolean;
  all(path: string): Promise<Rec[]>;
};

type Firm = { id: string; homeRegionCode: string; enclaveId: string | null };
type Fixture = { firms: Firm[]; matches: ChainMatchRecord[] };

const yk = "330784";
const wy = "330723";
const paired = [yk, wy];
const node = "electric-tools";

export function chainProbes<W extends Walker>(ctx: ChainProbeContext<W>): Record<string, () => Promise<void>> {
  const { walkers, call, check, allowed } = ctx;
  const chains = () => ctx.app.modules.chains;
  let made: Promise<Fixture> | undefined;
  let versions = 0;

  // Two enterprises of each place (county and enclave), each linked to a node, and a recorded match between the
  // first of each place and the first of every other.
  const fixtures = () =>
    (made ??= (async () => {
      const seen = new Map<string, number>();
      const firms: Firm[] = [];
      for (const e of await ctx.all("/v1/enterprises")) {
        const place = `${String(e.homeRegionCode)}|${String(e.enclaveId)}`;
        if ((seen.get(place) ?? 0) >= 2) continue;
        seen.set(place, (seen.get(place) ?? 0) + 1);
        firms.push({ id: e.id as string, homeRegionCode: e.homeRegionCode as string, enclaveId: (e.enclaveId as string | null) ?? null });
        await chains().links.decide(testOperator, e.id as string, "add", { nodeId: node });
      }
      const heads = [...new Map(firms.map((f) => [`${f.homeRegionCode}|${f.enclaveId}`, f])).values()];
      const matches: ChainMatchRecord[] = [];
      for (const s of heads) for (const c of heads) if (s !== c) matches.push((await chains().outcomes.record(testOperator, { supplierId: s.id, customerId: c.id, status: "suggested", illustrative: false })).match);
      return { firms, matches };
    })());

  const firmScope = (f: Firm): Scope => ({ regions: [f.homeRegionCode], enterpriseId: f.id, enclaveId: f.enclaveId });
  /** Either side's scope, with both counties. */
  const matchAllowed = (who: W, permission: Permission, m: ChainMatchRecord) =>
    [m.supplier, m.customer].some((side) => allowed(who, permission, { regions: [m.supplier.regionCode, m.customer.regionCode], enterpriseId: side.id, enclaveId: side.enclaveId }));
  const pairAllowed = (who: W, pair: string[]) => allowed(who, "chain_analysis.read") && pair.every((code) => allowed(who, "chain_analysis.read", { regions: [code] }));

  const roleLevel = (method: string, url: () => string, permission: Permission, body?: () => unknown) => async () => {
    for (const who of walkers) {
      const answer = await call(who, method, url(), body?.());
      check(who, `${method} ${url()}`, allowed(who, permission), answer.status);
    }
  };
  const perFirm = (method: string, suffix: string, permission: Permission, body?: unknown, ok?: (f: Firm) => number[]) => async () => {
    for (const f of (await fixtures()).firms) {
      for (const who of walkers) {
        const answer = await call(who, method, `/api/v1/enterprises/${f.id}${suffix}`, body);
        check(who, `${method} /api/v1/enterprises/${f.id}${suffix}`, allowed(who, permission, firmScope(f)), answer.status, ok?.(f));
      }
    }
  };
  const perPair = (path: string) => async () => {
    for (const pair of [paired, ["330782", "330781"]]) {
      for (const who of walkers) {
        const answer = await call(who, "GET", `${path}?regionCodes=${pair.join(",")}`);
        check(who, `GET ${path} for ${pair.join("–")}`, pairAllowed(who, pair), answer.status);
      }
    }
  };
  const perMatch = (method: string, suffix: string, permission: Permission, okStatuses?: number[], after?: (m: ChainMatchRecord) => Promise<void>, body?: unknown) => async () => {
    for (const m of (await fixtures()).matches) {
      for (const who of walkers) {
        const answer = await call(who, method, `/api/v1/chain-matches/${m.id}${suffix}`, body);
        check(who, `${method} /api/v1/chain-matches/${m.id}${suffix}`, matchAllowed(who, permission, m), answer.status, okStatuses);
        if (answer.status === 200) await after?.(m);
      }
    }
  };

  return {
    "GET /api/v1/chains": roleLevel("GET", () => "/api/v1/chains", "chain.read"),
    "GET /api/v1/chains/{chainId}": roleLevel("GET", () => `/api/v1/chains/${node}`, "chain.read"),
    "GET /api/v1/chain-sets": roleLevel("GET", () => "/api/v1/chain-sets", "chain.read"),
    "GET /api/v1/chain-sets/{version}": roleLevel("GET", () => "/api/v1/chain-sets/reference-1", "chain.read"),
    "PUT /api/v1/chain-sets": roleLevel("PUT", () => "/api/v1/chain-sets", "chain.manage", () => ({ ...reference, version: `matrix-${++versions}` })),
    "GET /api/v1/chains/gaps": perPair("/api/v1/chains/gaps"),
    "GET /api/v1/chains/matches": perPair("/api/v1/chains/matches"),
    "GET /api/v1/chains/{chainId}/nodes/{nodeId}/enterprises": perPair(`/api/v1/chains/${node}/nodes/${node}/enterprises`),
    "GET /api/v1/enterprises/{id}/chain-links": perFirm("GET", "/chain-links", "chain_link.read"),
    "GET /api/v1/enterprises/{id}/chain-links/history": perFirm("GET", "/chain-links/history", "chain_link.read"),
    "POST /api/v1/enterprises/{id}/chain-links/confirm": perFirm("POST", "/chain-links/confirm", "chain_link.confirm", { nodeId: node }),
    "POST /api/v1/enterprises/{id}/chain-links/reject": perFirm("POST", "/chain-links/reject", "chain_link.confirm", { nodeId: node }),
    "POST /api/v1/enterprises/{id}/chain-links/add": perFirm("POST", "/chain-links/add", "chain_link.confirm", { nodeId: node }),
    // An enterprise outside the paired counties has no partner county: 400 for those who may ask.
    "GET /api/v1/enterprises/{id}/matches": perFirm("GET", "/matches", "chain_match.read", undefined, (f) => (paired.includes(f.homeRegionCode) ? [200] : [400])),
    "GET /api/v1/chain-matches": async () => {
      const { matches } = await fixtures();
      for (const who of walkers) {
        const answer = await call(who, "GET", "/api/v1/chain-matches?pageSize=500");
        const may = allowed(who, "chain_match.read");
        check(who, "GET /api/v1/chain-matches", may, answer.status);
        if (!may || answer.status !== 200) continue;
        const expected = matches.filter((m) => matchAllowed(who, "chain_match.read", m)).map((m) => m.id).sort();
        const got = ((answer.body as { items: Rec[] }).items ?? []).map((m) => m.id as string).sort();
        check(who, `GET /api/v1/chain-matches lists ${got.length}, the table allows ${expected.length}`, true, JSON.stringify(got) === JSON.stringify(expected) ? 200 : 500);
      }
    },
    "POST /api/v1/chain-matches": async () => {
      for (const m of (await fixtures()).matches) {
        for (const who of walkers) {
          const answer = await call(who, "POST", "/api/v1/chain-matches", { supplierId: m.supplier.id, customerId: m.customer.id, status: "suggested" });
          check(who, `POST /api/v1/chain-matches ${m.supplier.id} → ${m.customer.id}`, allowed(who, "chain_match.create") && matchAllowed(who, "chain_match.update", m), answer.status);
        }
      }
    },
    "GET /api/v1/chain-matches/{id}": perMatch("GET", "", "chain_match.read"),
    "GET /api/v1/chain-matches/{id}/history": perMatch("GET", "/history", "chain_match.read"),
    // The fixtures are suggestions, not deals: those who may act get 409, the others 401, 403 or 404.
    "POST /api/v1/chain-matches/{id}/project": perMatch("POST", "/project", "chain_match.update", [409], undefined, {}),
    "POST /api/v1/chain-matches/{id}/archive": perMatch("POST", "/archive", "chain_match.archive", undefined, async (m) => void (await chains().outcomes.restore(testOperator, m.id))),
    "POST /api/v1/chain-matches/{id}/restore": async () => {
      for (const m of (await fixtures()).matches) {
        await chains().outcomes.archive(testOperator, m.id);
        for (const who of walkers) {
          const answer = await call(who, "POST", `/api/v1/chain-matches/${m.id}/restore`);
          check(who, `POST /api/v1/chain-matches/${m.id}/restore`, matchAllowed(who, "chain_match.archive", m), answer.status);
          if (answer.status === 200) await chains().outcomes.archive(testOperator, m.id);
        }
        await chains().outcomes.restore(testOperator, m.id);
      }
    },
  };
}
