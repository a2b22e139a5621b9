// Measures the built web console (web/dist): the gzipped size of the app shell's JavaScript — the entry chunk
// and everything it imports statically, i.e. what loads before any page, chart or map — and, beside it, the
// overview page's own chunks and the lazily loaded chart and map chunks. Fails when the shell exceeds the
// budget (issue 5: under 400 kB gzipped). Run after the build: `npm run measure:web`.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

type ManifestChunk = {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
};
type Manifest = Record<string, ManifestChunk>;

const dist = new URL("../web/dist/", import.meta.url).pathname;
const budgetKb = Number(process.argv.find((a) => a.startsWith("--budget-kb="))?.split("=")[1] ?? 400);

function readManifest(): Manifest {
  try {
    return JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8")) as Manifest;
  } catch {
    console.error(
      "web/dist/.vite/manifest.json is missing: build the web console first (npm run build:web).",
    );
    process.exit(2);
  }
}

const manifest = readManifest();
const gzipped = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const raw = (file: string) => statSync(join(dist, file)).size;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** A chunk and everything it imports statically (what the browser must load before the chunk runs). */
function closure(keys: string[], skip = new Set<string>()): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || skip.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  keys.forEach(visit);
  return seen;
}

function report(title: string, keys: Set<string>): number {
  let total = 0;
  const rows = [...keys].map((key) => {
    const chunk = manifest[key] as ManifestChunk;
    const size = gzipped(chunk.file);
    total += size;
    return { file: chunk.file, raw: raw(chunk.file), gz: size };
  });
  rows.sort((a, b) => b.gz - a.gz);
  console.log(`\n${title}: ${kb(total)} gzipped in ${rows.length} chunk(s)`);
  for (const r of rows)
    console.log(`  ${r.file.padEnd(48)} ${kb(r.raw).padStart(10)} raw ${kb(r.gz).padStart(10)} gzipped`);
  return total;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
if (!entryKey) {
  console.error("no entry chunk in the manifest");
  process.exit(2);
}
const shell = closure([entryKey]);
const shellJs = report("App shell JavaScript (entry + static imports, before any page)", shell);
const shellCss = [...shell].flatMap((k) => manifest[k]?.css ?? []);
const cssBytes = shellCss.reduce((sum, f) => sum + gzipped(f), 0);
if (shellCss.length) console.log(`  + CSS ${kb(cssBytes)} gzipped`);

const find = (pattern: RegExp) => Object.keys(manifest).filter((k) => pattern.test(k));
const overview = closure(find(/features\/overview\/overview\.page\.tsx$/), shell);
const overviewJs = report("Overview page (its route chunk and what it adds to the shell)", overview);
const charts = closure(
  find(/features\/overview\/(jinhua-map|overview-charts)\.tsx$/),
  new Set([...shell, ...overview]),
);
report("Chart and map chunks (lazily loaded after the overview paints)", charts);
const geo = Object.values(manifest).find((c) => c.file.endsWith(".geojson"));
if (geo)
  console.log(
    `\nMap data ${geo.file}: ${kb(raw(geo.file))} raw, ${kb(gzipped(geo.file))} gzipped (fetched by the map chunk)`,
  );

console.log(
  `\nShell JavaScript before the chart and map chunks: ${kb(shellJs)} gzipped (budget ${budgetKb} kB); with the overview page: ${kb(shellJs + overviewJs)}.`,
);
if (shellJs > budgetKb * 1024) {
  console.error(`The app shell is over its budget of ${budgetKb} kB gzipped.`);
  process.exit(1);
}
