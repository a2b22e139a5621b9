// The figures routes' probes for the permission matrix (server/test/permissions.int.test.ts): every route × every
// walker, compared with the table. A figure lies where its subject lies (an enterprise's home county, enclave and
// itself; an enclave's host and sending counties and itself); an import belongs to its importer (`self`).
// Fixtures (one figure per enterprise and enclave, one import by the operator) are made once, as the operator.
import type { Permission } from "../../src/platform/permissions.ts";
import { testOperator, type TestApp } from "./test-app.ts";

type Scope = { regions?: string[]; enclaveId?: string | null; enterpriseId?: string | null; ownerId?: string | null };
type Walker = { name: string; headers: Record<string, string> };
type Rec = Record<string, unknown> & { id?: string };
type Answer = { status: number; body: unknown };

export type FigureProbeContext<W extends Walker> = {
  /** A getter: the app is started after the probes are made. */
  readonly app: TestApp;
  walkers: W[];
  call(who: W, method: string, url: string, body?: unknown): Promise<Answer>;
  check(who: W, what: string, expectAllowed: boolean, status: number, okStatuses?: number[]): void;
  allowed(who: W, permission: Permission, scope?: Scope): boolean;
  all(path: string): Promise<Rec[]>;
  mismatch(message: string): void;
};

type Subject = { kind: "enterprise" | "enclave"; id: string; uscc?: string; scope: Scope };
type Fixture = { subjects: Subject[]; figures: { figureId: string; subject: Subject }[] };

let month = 0;
/** A month no other probe used: every recorded figure and every uploaded file is new. */
const nextMonth = () => {
  month += 1;
  return `${1950 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
};

export function figuresProbes<W extends Walker>(ctx: FigureProbeContext<W>): Record<string, () => Promise<void>> {
  const { walkers, call, check, allowed } = ctx;
  let made: Promise<Fixture> | undefined;

  const fixtures = () =>
    (made ??= (async () => {
      const subjects: Subject[] = [
        ...(await ctx.all("/v1/enterprises")).map((e): Subject => ({
          kind: "enterprise",
          id: e.id as string,
          uscc: e.uscc as string,
          scope: { regions: [e.homeRegionCode as string], enterpriseId: e.id as string, enclaveId: (e.enclaveId as string | null) ?? null },
        })),
        ...(await ctx.all("/v1/enclaves")).map((e): Subject => ({
          kind: "enclave",
          id: e.id as string,
          scope: { regions: [e.hostRegionCode as string, ...(e.sendingRegionCodes as string[])], enclaveId: e.id as string },
        })),
      ];
      const figures = [];
      for (const subject of subjects) {
        const recorded = await ctx.app.modules.indicators.figures.record(testOperator, { [`${subject.kind}Id`]: subject.id, month: "2024-01", measure: "investment", amountFen: "100" });
        figures.push({ figureId: recorded.figure.figureId, subject });
      }
      const enterprise = subjects.find((s) => s.kind === "enterprise") as Subject;
      await ctx.app.modules.indicators.imports.start(testOperator, { fileName: "operator.csv", bytes: csv(enterprise.uscc as string) }, { mode: "valid_rows" });
      return { subjects, figures };
    })());

  const csv = (uscc: string) => new TextEncoder().encode(`企业,月份,指标,金额（元）\n${uscc},${nextMonth()},investment,1.00\n`);

  const probes: Record<string, () => Promise<void>> = {};

  probes["GET /api/v1/figures"] = async () => {
    const { figures } = await fixtures();
    for (const who of walkers) {
      const answer = await call(who, "GET", "/api/v1/figures?pageSize=500&measure=investment&from=2024-01&to=2024-01");
      const may = allowed(who, "figure.read");
      check(who, "GET /api/v1/figures", may, answer.status);
      if (!may || answer.status !== 200) continue;
      const expected = figures.filter((f) => allowed(who, "figure.read", f.subject.scope)).map((f) => f.figureId).sort();
      const got = ((answer.body as { items: Rec[] }).items ?? []).map((f) => f.figureId as string).sort();
      if (JSON.stringify(got) !== JSON.stringify(expected)) ctx.mismatch(`GET /api/v1/figures as ${who.name}: listed ${got.length}, the table allows ${expected.length}`);
      const exported = await call(who, "GET", "/api/v1/figures?format=csv&measure=investment&from=2024-01&to=2024-01");
      const lines = String(exported.body).trim().split("\r\n").length - 1;
      if (lines !== expected.length) ctx.mismatch(`GET /api/v1/figures?format=csv as ${who.name}: ${lines} rows, the table allows ${expected.length}`);
    }
  };

  probes["POST /api/v1/figures"] = async () => {
    const { subjects } = await fixtures();
    for (const subject of subjects) {
      for (const who of walkers) {
        const answer = await call(who, "POST", "/api/v1/figures", { [`${subject.kind}Id`]: subject.id, month: nextMonth(), measure: "investment", amountFen: "1" });
        check(who, `POST /api/v1/figures on ${subject.kind} ${subject.id}`, allowed(who, "figure.record", subject.scope), answer.status);
      }
    }
  };

  const perFigure = (suffix: string) => async () => {
    const { figures } = await fixtures();
    for (const figure of figures) {
      for (const who of walkers) {
        const answer = await call(who, "GET", `/api/v1/figures/${figure.figureId}${suffix}`);
        check(who, `GET /api/v1/figures/${figure.figureId}${suffix}`, allowed(who, "figure.read", figure.subject.scope), answer.status);
      }
    }
  };
  probes["GET /api/v1/figures/{id}"] = perFigure("");
  probes["GET /api/v1/figures/{id}/history"] = perFigure("/history");

  // The role must hold figure.record at all (else 401/403); each row is then checked against the scope.
  probes["POST /api/v1/figures/import"] = async () => {
    const { subjects } = await fixtures();
    const target = subjects.find((s) => s.kind === "enterprise" && s.scope.regions?.[0] === "330782") ?? (subjects.find((s) => s.kind === "enterprise") as Subject);
    for (const who of walkers) {
      const boundary = "----figures-matrix";
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="rows.csv"\r\nContent-Type: text/csv\r\n\r\n`),
        csv(target.uscc as string),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const response = await ctx.app.http.inject({ method: "POST", url: "/api/v1/figures/import?mode=valid_rows", payload, headers: { ...who.headers, "content-type": `multipart/form-data; boundary=${boundary}` } });
      const may = allowed(who, "figure.record");
      check(who, "POST /api/v1/figures/import", may, response.statusCode, [200, 202]);
      if (may && response.statusCode === 200) {
        const created = (response.json() as { created: number }).created;
        const rowAllowed = allowed(who, "figure.record", target.scope);
        if ((created === 1) !== rowAllowed) ctx.mismatch(`POST /api/v1/figures/import as ${who.name}: created ${created}, the table ${rowAllowed ? "allows" : "refuses"} the row`);
      }
    }
  };

  const imports = async () => {
    await fixtures();
    return (await ctx.all("/v1/figures/imports")).map((i) => ({ id: i.id as string, ownerId: (i.importedBy as { id: string }).id }));
  };

  probes["GET /api/v1/figures/imports"] = async () => {
    const everything = await imports();
    for (const who of walkers) {
      const answer = await call(who, "GET", "/api/v1/figures/imports?pageSize=200");
      const may = allowed(who, "figure_import.read");
      check(who, "GET /api/v1/figures/imports", may, answer.status);
      if (!may || answer.status !== 200) continue;
      const expected = everything.filter((i) => allowed(who, "figure_import.read", { ownerId: i.ownerId })).map((i) => i.id).sort();
      const got = ((answer.body as { items: Rec[] }).items ?? []).map((i) => i.id as string).sort();
      if (JSON.stringify(got) !== JSON.stringify(expected)) ctx.mismatch(`GET /api/v1/figures/imports as ${who.name}: listed ${got.length}, the table allows ${expected.length}`);
    }
  };

  probes["GET /api/v1/figures/imports/{id}"] = async () => {
    for (const i of await imports()) {
      for (const who of walkers) {
        const answer = await call(who, "GET", `/api/v1/figures/imports/${i.id}`);
        check(who, `GET /api/v1/figures/imports/${i.id}`, allowed(who, "figure_import.read", { ownerId: i.ownerId }), answer.status);
      }
    }
  };

  return probes;
}
