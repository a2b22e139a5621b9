// npm run bench: every benchmark prints ratios against a baseline measured in the same run. Absolute times on
// these shared 2-core machines are noise; the ratios are what to compare between runs. Words after the command
// pick benchmarks by name (`npm run bench -- figure` runs only those whose name contains "figure").
import { benchChainMatching } from "./chain-matching.bench.ts";
import { benchEnterpriseImport } from "./enterprise-import.bench.ts";
import { benchFiguresImport } from "./figures-import.bench.ts";
import { benchListEndpoint } from "./list-endpoint.bench.ts";
import { benchSettlement } from "./settlement.bench.ts";

const benchmarks: [string, () => Promise<string[]>][] = [
  ["list endpoint vs hello-world route", benchListEndpoint],
  ["enterprise import vs plain COPY", benchEnterpriseImport],
  ["figure import (100,000-row XLSX) vs bare ExcelJS streaming read", benchFiguresImport],
  ["chain matching: indexed top-10 vs brute force", benchChainMatching],
  ["settlement vs plain SQL GROUP BY; allocation kernel", benchSettlement],
];

const picked = process.argv.slice(2).map((w) => w.toLowerCase());
for (const [name, run] of benchmarks.filter(([n]) => picked.length === 0 || picked.some((w) => n.toLowerCase().includes(w)))) {
  process.stdout.write(`\n# ${name}\n`);
  for (const line of await run()) process.stdout.write(`${line}\n`);
}
