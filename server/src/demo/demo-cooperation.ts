// Illustrative cooperation activities in all six domains, 2022–2026, with measures from the catalogue.
import { CreateCooperationActivity, type CooperationDomain } from "../../../contracts/cooperation.ts";
import type { Actor } from "../platform/actor.ts";
import type { Modules } from "../modules.ts";
import { wuyi, yongkang } from "./demo-facts.ts";
import { seededRandom } from "./seeded-random.ts";

type Template = { domain: CooperationDomain; zh: string; en: string; measures: [string, string, number, number][] };

// [measure, unit, min, max] — values drawn per activity.
const templates: Template[] = [
  { domain: "industry", zh: "永武产业对接会", en: "Yongkang–Wuyi industry matchmaking fair", measures: [["projects_signed", "item", 2, 9], ["investment_fen", "fen", 5_000, 80_000]] },
  { domain: "industry", zh: "电动工具产业链招商推介", en: "Electric-tool chain investment promotion", measures: [["enterprises_introduced", "item", 1, 6], ["jobs_created", "person", 40, 400]] },
  { domain: "industry", zh: "武义农特产品永康消费帮扶周", en: "Wuyi farm products consumer-support week in Yongkang", measures: [["products_sold_fen", "fen", 300, 3_000]] },
  { domain: "talent", zh: "干部双向挂职", en: "Two-way secondment of officials", measures: [["cadres_seconded", "person", 2, 8]] },
  { domain: "talent", zh: "五金技工联合培训班", en: "Joint training for hardware technicians", measures: [["people_trained", "person", 30, 200], ["training_sessions", "session", 2, 10]] },
  { domain: "technology", zh: "五金科创专家服务团", en: "Hardware innovation expert service team", measures: [["experts_visits", "visit", 5, 40], ["technologies_transferred", "item", 0, 4]] },
  { domain: "technology", zh: "电机控制联合攻关", en: "Joint research on motor control", measures: [["joint_research_projects", "item", 1, 3], ["patents_licensed", "item", 0, 5]] },
  { domain: "culture", zh: "永武文化走亲", en: "Yongkang–Wuyi cultural exchange tour", measures: [["performances_held", "session", 2, 12], ["events_held", "session", 1, 6]] },
  { domain: "culture", zh: "武义温泉旅游永康专场", en: "Wuyi hot-spring tourism days for Yongkang residents", measures: [["visitors_received", "person", 800, 9_000]] },
  { domain: "education", zh: "名校结对帮扶", en: "School pairing and teacher exchange", measures: [["teachers_exchanged", "person", 4, 20], ["schools_paired", "item", 1, 5]] },
  { domain: "education", zh: "职业教育联合招生", en: "Joint vocational-school enrolment", measures: [["students_enrolled", "person", 20, 120]] },
  { domain: "health", zh: "医共体专家下沉", en: "Hospital alliance: specialists sent to Wuyi", measures: [["doctors_dispatched", "person", 3, 15], ["patients_treated", "person", 200, 3_000]] },
  { domain: "health", zh: "山海提升工程义诊", en: "Mountain–sea upgrade project free clinics", measures: [["clinics_held", "session", 2, 12], ["patients_treated", "person", 100, 1_500]] },
];

export async function loadDemoCooperation(modules: Modules, actor: Actor, pairingId: string, agreementId: string): Promise<number> {
  const random = seededRandom(2006);
  let count = 0;
  for (const year of [2022, 2023, 2024, 2025, 2026]) {
    for (const t of templates) {
      if (random.next() < 0.35) continue; // not every activity every year
      const toWuyi = t.domain !== "culture" || random.next() < 0.5;
      const month = year === 2026 ? random.int(1, 10) : year === 2022 ? random.int(5, 12) : random.int(1, 12);
      const startedOn = `${year}-${String(month).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`;
      await modules.cooperation.activities.create(
        actor,
        CreateCooperationActivity.parse({
          domain: t.domain,
          titleZh: `${year}年${t.zh}`,
          titleEn: `${t.en} ${year}`,
          fromRegionCode: toWuyi ? yongkang : wuyi,
          toRegionCode: toWuyi ? wuyi : yongkang,
          pairingId,
          agreementId,
          startedOn,
          measures: t.measures.map(([measure, unit, min, max]) => ({
            measure,
            unit,
            // money templates are in 万元 (tens of thousands of yuan); stored in fen
            value: unit === "fen" ? `${random.int(min, max) * 1_000_000}` : String(random.int(min, max)),
          })),
          description: "Illustrative demo activity.",
          // Results of finished years are published; the current year's are drafts.
          published: year < 2026,
          illustrative: true,
        }),
      );
      count++;
    }
  }
  return count;
}
