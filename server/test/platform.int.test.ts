import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

describe.each(databaseTargets())("platform on %s", (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target);
  });
  afterAll(() => app.close());

  it("reports the database reachable and the migrations current", async () => {
    const health = await app.api<{ status: string; database: { kind: string }; migrations: { current: boolean; pending: string[] } }>("GET", "/api/health");
    expect(health.status).toBe(200);
    expect(health.body.database.kind).toBe(target);
    expect(health.body.migrations).toMatchObject({ current: true, pending: [] });
  });

  it("serves a valid OpenAPI 3 document and the interactive docs", async () => {
    const doc = await app.api<Record<string, unknown>>("GET", "/api/openapi.json");
    expect(doc.status).toBe(200);
    const result = await new Validator().validate(doc.body as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.body.paths as object)).toContain("/api/v1/regions");
    const docs = await app.http.inject({ method: "GET", url: "/docs/" });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain("swagger");
  });

  it("answers an unknown route with a JSON 404", async () => {
    const missing = await app.api<{ error: { code: string } }>("GET", "/api/v1/nothing-here");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("route.not_found");
  });
});
