// Illustrative enterprises for both counties: valid USCCs carrying the home county's code, GB/T 4754-2017
// classes of the hardware cluster (DOMAIN §5), products taken from the keywords of the industry-chain node the
// class belongs to. The mix per county is invented but follows DOMAIN §4: Yongkang makes doors, cups, cookware,
// tools, scooters and has the upstream suppliers; Wuyi has an electric-tool and auto-parts base, tea and spas,
// and few motor or battery makers — gaps the industry-chain work can find.
import chains from "../modules/chains/data/industry-chains.json" with { type: "json" };
import { illustrativeOrganisationCode, makeUscc } from "../modules/enterprises/index.ts";
import { CreateEnterprise } from "../../../contracts/enterprises.ts";
import type { Actor } from "../platform/actor.ts";
import type { Modules } from "../modules.ts";
import type { DemoOwner } from "./demo-projects.ts";
import { seededRandom, type Random } from "./seeded-random.ts";
import { wuyi, yongkang } from "./demo-facts.ts";

export type DemoEnterprise = {
  uscc: string;
  nameZh: string;
  nameEn: string;
  homeRegionCode: string;
  industryCode: string;
  employees: number;
  foundedOn: string;
  products: string[];
  registeredCapitalFen: string;
};

// [class, weight] per county.
const mix: Record<string, readonly (readonly [string, number])[]> = {
  [yongkang]: [
    ["3312", 14], ["3389", 14], ["3381", 12], ["3465", 12], ["3770", 8], ["3670", 8], ["3752", 5], ["2443", 6],
    ["3854", 5], ["4050", 3], ["3322", 3], ["3252", 3], ["3391", 4], ["3392", 4], ["3393", 2], ["3360", 5],
    ["3525", 5], ["3813", 4], ["3812", 2], ["3841", 2], ["2929", 4], ["3453", 3], ["3482", 3], ["3483", 2], ["3484", 4], ["3399", 3],
  ],
  [wuyi]: [
    ["3465", 14], ["3670", 12], ["3752", 6], ["3389", 6], ["3391", 6], ["3392", 3], ["3360", 4], ["3484", 6],
    ["3453", 3], ["3482", 3], ["2929", 3], ["3525", 2], ["3321", 3], ["0164", 5], ["1530", 5], ["8051", 2], ["7861", 2],
  ],
};

const counts: Record<string, number> = { [yongkang]: 260, [wuyi]: 160 };

const trade: Record<string, [string, string]> = {
  "3312": ["门业", "Door"], "3389": ["杯业", "Cup"], "3381": ["炊具", "Cookware"], "3465": ["电动工具", "Power Tools"],
  "3770": ["车业", "Vehicle"], "3670": ["汽车配件", "Auto Parts"], "3752": ["摩托车配件", "Motorcycle Parts"], "2443": ["健身器材", "Fitness"],
  "3854": ["厨房电器", "Kitchen Appliance"], "4050": ["衡器", "Scale"], "3322": ["工具", "Tools"], "3252": ["铝业", "Aluminium"],
  "3391": ["铸造", "Casting"], "3392": ["压铸", "Die Casting"], "3393": ["锻造", "Forging"], "3360": ["表面处理", "Surface Treatment"],
  "3525": ["模具", "Mould"], "3813": ["电机", "Motor"], "3812": ["电机", "Motor"], "3841": ["电池", "Battery"], "2929": ["塑业", "Plastics"],
  "3453": ["齿轮", "Gear"], "3482": ["紧固件", "Fastener"], "3483": ["弹簧", "Spring"], "3484": ["精密机械", "Precision Machinery"],
  "3399": ["冲压件", "Stamping"], "3321": ["切削工具", "Cutting Tools"], "0164": ["茶业", "Tea Plantation"], "1530": ["茶叶", "Tea"],
  "8051": ["温泉", "Hot Spring"], "7861": ["旅游开发", "Tourism"],
};

const extraProducts: Record<string, string[]> = {
  "4050": ["电子秤", "台秤", "electronic scale"], "3322": ["手动工具", "扳手", "hand tools"], "0164": ["有机茶园", "tea garden"],
  "1530": ["武义有机茶", "绿茶", "green tea"], "8051": ["温泉度假", "hot spring resort"], "7861": ["景区运营", "scenic area"],
};

// Two-character trade names with their pinyin, combined pairwise.
const syllables: [string, string][] = [
  ["金", "Jin"], ["鼎", "Ding"], ["恒", "Heng"], ["顺", "Shun"], ["华", "Hua"], ["宏", "Hong"], ["兴", "Xing"], ["达", "Da"],
  ["盛", "Sheng"], ["瑞", "Rui"], ["博", "Bo"], ["凯", "Kai"], ["力", "Li"], ["精", "Jing"], ["锐", "Rui"], ["泰", "Tai"],
  ["丰", "Feng"], ["立", "Li"], ["佳", "Jia"], ["宇", "Yu"], ["新", "Xin"], ["正", "Zheng"], ["诚", "Cheng"], ["安", "An"],
  ["康", "Kang"], ["昌", "Chang"], ["通", "Tong"], ["明", "Ming"], ["峰", "Feng"], ["联", "Lian"], ["凌", "Ling"], ["威", "Wei"],
];

const countyName: Record<string, [string, string]> = { [yongkang]: ["永康市", "Yongkang"], [wuyi]: ["武义县", "Wuyi"] };

function productsOf(code: string, random: Random): string[] {
  const nodes = chains.nodes.filter((n) => n.gbt4754.includes(code));
  if (nodes.length === 0) return extraProducts[code] ?? [];
  const node = random.pick(nodes);
  const zh = [...node.keywords_zh].sort(() => random.next() - 0.5).slice(0, 2);
  return [...zh, random.pick(node.keywords_en)];
}

export function demoEnterprises(): DemoEnterprise[] {
  const random = seededRandom(20220402);
  const usedNames = new Set<string>();
  const result: DemoEnterprise[] = [];
  let seed = 1;
  for (const county of [yongkang, wuyi]) {
    const [placeZh, placeEn] = countyName[county] ?? ["", ""];
    for (let i = 0; i < (counts[county] ?? 0); i++) {
      const industryCode = random.weighted(mix[county] ?? []);
      const [tradeZh, tradeEn] = trade[industryCode] ?? ["实业", "Industrial"];
      let a: [string, string], b: [string, string], nameZh: string;
      do {
        a = random.pick(syllables);
        b = random.pick(syllables);
        nameZh = `${placeZh}${a[0]}${b[0]}${tradeZh}有限公司`;
      } while (a === b || usedNames.has(nameZh));
      usedNames.add(nameZh);
      const employees = Math.round(8 * Math.exp(random.next() * 5.3)); // 8 … ~1,600, most of them small
      const capitalWan = random.pick([50, 100, 200, 300, 500, 800, 1000, 2000, 3000, 5000]);
      result.push({
        uscc: makeUscc({ regionCode: county, organisationCode: illustrativeOrganisationCode(seed++) }),
        nameZh,
        nameEn: `${placeEn} ${a[1]}${b[1].toLowerCase()} ${tradeEn} Co., Ltd.`,
        homeRegionCode: county,
        industryCode,
        employees,
        foundedOn: `${random.int(1988, 2022)}-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`,
        products: productsOf(industryCode, random),
        registeredCapitalFen: `${capitalWan * 1_000_000}`, // 万元 × 10,000 yuan × 100 fen
      });
    }
  }
  return result;
}

/**
 * Loads the generated enterprises; about one in eight Wuyi manufacturers is resident in the enclave (the
 * enclave is for Wuyi), resident since the enclave opened or later.
 */
export async function loadDemoEnterprises(
  modules: Modules,
  actor: Actor,
  enclaveId: string,
  progress: (done: number, total: number) => void,
): Promise<DemoOwner[]> {
  const all = demoEnterprises();
  const owners: DemoOwner[] = [];
  for (const [i, e] of all.entries()) {
    const resident = e.homeRegionCode === wuyi && !["0164", "1530", "8051", "7861"].includes(e.industryCode) && i % 8 === 0;
    const created = await modules.enterprises.enterprises.create(
      actor,
      CreateEnterprise.parse({
        ...e,
        enclaveId: resident ? enclaveId : null,
        residentSince: resident ? `${2023 + (i % 3)}-0${1 + (i % 9)}-15` : null,
        note: "Illustrative demo enterprise: the name, code and figures are invented.",
        illustrative: true,
      }),
    );
    owners.push({ id: created.id, nameZh: created.nameZh, nameEn: created.nameEn ?? created.nameZh, homeRegionCode: created.homeRegionCode });
    if (i % 20 === 0) progress(i, all.length);
  }
  return owners;
}
