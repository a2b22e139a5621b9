// Builds the web console (web/dist) when it is missing or older than its sources, so `npm start` serves the
// current console with no separate step. Run by npm's prestart. Without Vite (a production install without
// dev dependencies) it says so and leaves the server to serve the API with its plain home page.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const web = join(root, "web");
const builtPage = join(web, "dist", "index.html");

/** The newest modification time under the given files and folders. */
export function newestChange(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/** What the build depends on: the app's sources, its page and config, and the shared contracts. */
const sources = [
  join(web, "src"),
  join(web, "public"),
  join(web, "index.html"),
  join(web, "vite.config.ts"),
  join(root, "contracts"),
  join(root, "package-lock.json"),
];

export function buildIsCurrent(): boolean {
  return existsSync(builtPage) && statSync(builtPage).mtimeMs >= newestChange(sources);
}

async function main(): Promise<void> {
  if (buildIsCurrent()) return;
  console.log(
    existsSync(builtPage)
      ? "web console: sources changed, rebuilding web/dist"
      : "web console: building web/dist (first start)",
  );
  let vite: typeof import("vite");
  try {
    vite = await import("vite");
  } catch {
    console.warn(
      "web console: Vite is not installed (npm ci installs it); the server will serve the API and its plain home page.",
    );
    return;
  }
  const started = Date.now();
  await vite.build({ configFile: join(web, "vite.config.ts"), logLevel: "warn" });
  console.log(`web console: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
