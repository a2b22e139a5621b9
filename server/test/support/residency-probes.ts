// The residency-history routes' probes for the permission matrix (server/test/permissions.int.test.ts): every
// enterprise × every walker, compared with the table. Reading the history is reading the enterprise
// (enterprise.read); correcting it changes the enterprise's place, so it needs enterprise.update and
// enterprise.register where the enterprise lies. The probe sends the stored history back with the current
// version: an allowed walker gets 200 and changes nothing, so the other probes see the records unchanged.
import type { ResidencyHistory } from "../../../contracts/enterprise-residency.ts";
import type { Permission } from "../../src/platform/permissions.ts";
import { testOperator, type TestApp } from "./test-app.ts";

type Scope = { regions?: string[]; enclaveId?: string | null; enterpriseId?: string | null };
type Walker = { name: string; headers: Record<string, string> };
type Rec = Record<string, unknown> & { id?: string };
type Answer = { status: number; body: unknown };

export type ResidencyProbeContext<W extends Walker> = {
  /** A getter: the app is started after the probes are made. */
  readonly app: TestApp;
  walkers: W[];
  call(who: W, method: string, url: string, body?: unknown): Promise<Answer>;
  check(who: W, what: string, expectAllowed: boolean, status: number, okStatuses?: number[]): void;
  allowed(who: W, permission: Permission, scope?: Scope): boolean;
  all(path: string): Promise<Rec[]>;
};

const scopeOf = (e: Rec): Scope => ({ regions: [e.homeRegionCode as string], enterpriseId: e.id ?? null, enclaveId: (e.enclaveId as string | null) ?? null });

export function residencyProbes<W extends Walker>(ctx: ResidencyProbeContext<W>): Record<string, () => Promise<void>> {
  const { walkers, call, check, allowed } = ctx;
  const path = (id: string) => `/api/v1/enterprises/${id}/residencies`;
  return {
    "GET /api/v1/enterprises/{id}/residencies": async () => {
      for (const e of await ctx.all("/v1/enterprises")) {
        for (const who of walkers) check(who, `GET ${path(e.id as string)}`, allowed(who, "enterprise.read", scopeOf(e)), (await call(who, "GET", path(e.id as string))).status);
      }
    },
    "PUT /api/v1/enterprises/{id}/residencies": async () => {
      for (const e of await ctx.all("/v1/enterprises")) {
        const id = e.id as string;
        for (const who of walkers) {
          const stored: ResidencyHistory = await ctx.app.modules.enterprises.enterprises.residencies(testOperator, id);
          const answer = await ctx.app.api("PUT", path(id), { periods: stored.periods }, { ...who.headers, "if-match": String(stored.version) });
          const may = allowed(who, "enterprise.update", scopeOf(e)) && allowed(who, "enterprise.register", scopeOf(e));
          check(who, `PUT ${path(id)}`, may, answer.status);
        }
      }
    },
  };
}
