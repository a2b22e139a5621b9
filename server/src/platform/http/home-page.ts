// The page at "/" until the web console is served there: says what this server is and where to go.
import type { HttpApp } from "./app.ts";

const registers: [string, string, string][] = [
  ["/api/v1/agreements", "协议", "Agreements"],
  ["/api/v1/enclaves", "飞地", "Enclaves"],
  ["/api/v1/enterprises", "企业", "Enterprises"],
  ["/api/v1/projects", "项目", "Projects"],
  ["/api/v1/projects/pipeline", "项目进度漏斗", "Project pipeline"],
  ["/api/v1/cooperation-activities", "协作活动", "Cooperation activities"],
  ["/api/v1/regions", "地区", "Regions"],
  ["/api/v1/pairings", "结对关系", "Pairings"],
];

export function homePage(app: HttpApp, demo: boolean): void {
  const links = registers.map(([href, zh, en]) => `<li><a href="${href}">${zh} · ${en}</a> — <a href="${href}?format=xlsx">XLSX</a></li>`).join("");
  const banner = demo ? `<p class="demo">演示实例：数据含示例（illustrative）记录 · Demo instance: records flagged illustrative are invented.</p>` : "";
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>山海协作 shanhai</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,"WenQuanYi Micro Hei",sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.6}
.demo{background:#fff7e6;border:1px solid #ffd591;padding:.5rem .75rem}a{color:#1677ff}</style></head><body>
<h1>山海协作 · shanhai</h1>
<p>山海协作登记系统：结对、协议、飞地、企业、项目与协作活动。<br>The register of a mountain–sea cooperation: pairings, agreements, enclaves, enterprises, projects and cooperation activities.</p>
${banner}<ul>${links}</ul>
<p><a href="/docs">API 文档 · API documentation</a> · <a href="/api/health">健康检查 · Health</a></p>
</body></html>`;
  app.get("/", { schema: { hide: true } }, async (_request, reply) => reply.type("text/html; charset=utf-8").send(html));
}
