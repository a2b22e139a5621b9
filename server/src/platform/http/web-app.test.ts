import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpApp } from "./app.ts";
import { errorBody } from "./error-mapper.ts";
import { pageHtml, webApp } from "./web-app.ts";

const indexHtml = `<!doctype html><html><head><title>t</title></head><body><div id="root"></div><script type="module" src="/assets/app-1.js"></script></body></html>`;

function fakeBuild(): string {
  const dist = mkdtempSync(join(tmpdir(), "shanhai-web-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), indexHtml);
  writeFileSync(join(dist, "favicon.svg"), "<svg/>");
  const js = "console.log('console');".repeat(100);
  writeFileSync(join(dist, "assets", "app-1.js"), js);
  writeFileSync(join(dist, "assets", "app-1.js.gz"), gzipSync(js));
  return dist;
}

async function serve(dist: string, demo: boolean): Promise<HttpApp> {
  const app = Fastify({ logger: false }) as unknown as HttpApp;
  app.get("/api/health", async () => ({ status: "ok" }));
  // As in buildHttpApp: one 404 shape for everything no route serves.
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody("route.not_found", `No route ${request.method} ${request.url}.`)),
  );
  await webApp(app, demo, dist);
  await app.ready();
  return app;
}

describe("the web console at /", () => {
  let app: HttpApp;
  beforeAll(async () => {
    app = await serve(fakeBuild(), true);
  });
  afterAll(() => app.close());

  it("serves the single page at / and at the console's own addresses, marked as a demo", async () => {
    for (const url of ["/", "/agreements/43482bb4-18d6-4fdb-a240-21523f449e5b", "/enterprises?q=x"]) {
      const page = await app.inject({ method: "GET", url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers["content-type"]).toContain("text/html");
      expect(page.headers["cache-control"]).toBe("no-cache");
      expect(page.body).toContain('<meta name="shanhai-demo" content="true" />');
      expect(page.body).toContain("Demo instance");
    }
  });

  it("serves hashed assets precompressed with a long cache", async () => {
    const asset = await app.inject({
      method: "GET",
      url: "/assets/app-1.js",
      headers: { "accept-encoding": "gzip" },
    });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["content-encoding"]).toBe("gzip");
    expect(asset.headers["cache-control"]).toContain("immutable");
    expect((await app.inject({ method: "GET", url: "/favicon.svg" })).headers["content-type"]).toContain(
      "image/svg+xml",
    );
  });

  it("keeps the API's routes and its 404 for unknown API paths and missing files", async () => {
    expect((await app.inject({ method: "GET", url: "/api/health" })).json()).toEqual({ status: "ok" });
    for (const url of ["/api/v1/nothing", "/docs/nothing", "/assets/missing.js", "/missing.png"]) {
      const missing = await app.inject({ method: "GET", url });
      expect(missing.statusCode, url).toBe(404);
      expect(missing.json().error.code).toBe("route.not_found");
    }
  });
});

describe("without a build", () => {
  it("falls back to the plain home page", async () => {
    const app = await serve(mkdtempSync(join(tmpdir(), "shanhai-noweb-")), false);
    const home = await app.inject({ method: "GET", url: "/" });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain("/api/v1/agreements");
    await app.close();
  });

  it("marks a non-demo page as such", () => {
    expect(pageHtml(indexHtml, false)).toContain('content="false"');
    expect(pageHtml(indexHtml, false)).not.toContain("Demo instance");
  });
});
