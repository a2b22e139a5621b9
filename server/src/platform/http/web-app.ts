// The web console at "/": the Vite build in web/dist. Hashed assets are served (precompressed where the build
// wrote .br/.gz twins) with a year-long cache; every other GET that is not the API or its documentation gets
// the single page, so the console's own addresses (/agreements/…) load on refresh. Without a build the plain
// home page stays, so the API works on its own.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { HttpApp } from "./app.ts";
import { errorBody } from "./error-mapper.ts";
import { homePage } from "./home-page.ts";

export const defaultWebDist = fileURLToPath(new URL("../../../../web/dist/", import.meta.url));

const mediaTypes: Record<string, string> = {
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/** Paths the single page must never answer: the API and its documentation keep their own 404. */
const serverPaths = /^\/(api|docs)(\/|$)/;

/** The built index.html with what the server knows before any script runs: whether this is a demo instance. */
export function pageHtml(indexHtml: string, demo: boolean): string {
  const meta = `<meta name="shanhai-demo" content="${demo}" />`;
  const noscript =
    `<noscript><p>山海协作控制台需要启用 JavaScript。The shanhai console needs JavaScript; the API is documented at <a href="/docs">/docs</a>.</p>` +
    (demo
      ? `<p>演示实例：标有“示例”的记录为虚构数据。Demo instance: records flagged illustrative are invented.</p>`
      : "") +
    `</noscript>`;
  return indexHtml
    .replace("</head>", `    ${meta}\n  </head>`)
    .replace('<div id="root"></div>', `<div id="root"></div>\n    ${noscript}`);
}

/** Serves the web console from `distDir`, or the plain home page when there is no build there. */
export async function webApp(app: HttpApp, demo: boolean, distDir: string = defaultWebDist): Promise<void> {
  const indexPath = join(distDir, "index.html");
  if (!existsSync(indexPath)) {
    app.log.info({ distDir }, "no web console build; serving the plain home page (npm start builds it)");
    homePage(app, demo);
    return;
  }
  const html = pageHtml(readFileSync(indexPath, "utf8"), demo);

  await app.register(fastifyStatic, {
    root: join(distDir, "assets"),
    prefix: "/assets/",
    wildcard: true,
    preCompressed: true,
    decorateReply: false,
    cacheControl: true,
    immutable: true,
    maxAge: "365d",
  });

  // Files copied from web/public to the top of the build (the icon): small, read once.
  for (const name of readdirSync(distDir)) {
    const path = join(distDir, name);
    const type = mediaTypes[extname(name)];
    if (!type || !statSync(path).isFile()) continue;
    const body = readFileSync(path);
    app.get(`/${name}`, { schema: { hide: true } }, async (_request, reply) =>
      reply.type(type).header("cache-control", "public, max-age=86400").send(body),
    );
  }

  const sendPage = async (_request: unknown, reply: import("fastify").FastifyReply) =>
    reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(html);
  app.get("/", { schema: { hide: true } }, sendPage);
  app.get("/*", { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    // A missing file (a script, an image) is a 404, not the page: a browser would try to run HTML as code.
    if (serverPaths.test(path) || extname(path) !== "") {
      return reply.code(404).send(errorBody("route.not_found", `No route ${request.method} ${path}.`));
    }
    return sendPage(request, reply);
  });
}
