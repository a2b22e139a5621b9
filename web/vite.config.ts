// Builds the web console into web/dist. Routes, the charts and the map are split into lazily loaded chunks by
// their dynamic imports; every asset also gets .gz and .br twins so the server can send them precompressed.
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const webDir = fileURLToPath(new URL(".", import.meta.url));
const outDir = join(webDir, "dist");
const apiTarget = process.env.SHANHAI_API ?? "http://127.0.0.1:3000";

/** Writes file.gz and file.br beside every compressible asset of the build (for @fastify/static's preCompressed). */
function precompress(): Plugin {
  const compressible = /\.(js|css|html|svg|json|geojson|txt)$/;
  return {
    name: "shanhai-precompress",
    apply: "build",
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir)) {
        if (!compressible.test(file) || statSync(file).size < 1024) continue;
        const bytes = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

export default defineConfig({
  root: webDir,
  base: "/",
  plugins: [react(), precompress()],
  // The map's GeoJSON is fetched at run time by URL, not bundled into JavaScript.
  assetsInclude: ["**/*.geojson"],
  // `npm run dev:web` (and `vite preview`) proxy the API to a running server: SHANHAI_API, default port 3000.
  server: { proxy: { "/api": apiTarget, "/docs": apiTarget } },
  preview: { proxy: { "/api": apiTarget, "/docs": apiTarget } },
  build: {
    outDir,
    emptyOutDir: true,
    manifest: true,
    target: "es2022",
    chunkSizeWarningLimit: 1500,
  },
});
