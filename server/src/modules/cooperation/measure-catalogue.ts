// The shipped catalogue of known measures per domain. A measure key means the same thing (and has the same unit)
// in every domain it appears in, so definitions are kept once and domains list keys.
import type { CooperationDomain, MeasureCatalogue, MeasureDefinition } from "../../../../contracts/cooperation.ts";

const definitions: readonly MeasureDefinition[] = [
  { measure: "enterprises_introduced", labelZh: "引进企业", labelEn: "Enterprises introduced", unit: "item" },
  { measure: "projects_signed", labelZh: "签约项目", labelEn: "Projects signed", unit: "item" },
  { measure: "investment_fen", labelZh: "投资额", labelEn: "Investment", unit: "fen" },
  { measure: "jobs_created", labelZh: "新增就业", labelEn: "Jobs created", unit: "person" },
  { measure: "products_sold_fen", labelZh: "消费帮扶销售额", labelEn: "Products sold", unit: "fen" },
  { measure: "cadres_seconded", labelZh: "挂职干部", labelEn: "Cadres seconded", unit: "person" },
  { measure: "talent_introduced", labelZh: "引进人才", labelEn: "Talent recruited", unit: "person" },
  { measure: "person_days_served", labelZh: "服务人日", labelEn: "Person-days of service", unit: "person-day" },
  { measure: "people_trained", labelZh: "培训人数", labelEn: "People trained", unit: "person" },
  { measure: "training_sessions", labelZh: "培训场次", labelEn: "Training sessions", unit: "session" },
  { measure: "experts_visits", labelZh: "专家服务人次", labelEn: "Expert visits", unit: "visit" },
  { measure: "technologies_transferred", labelZh: "转化科技成果", labelEn: "Technologies transferred", unit: "item" },
  { measure: "patents_licensed", labelZh: "许可专利", labelEn: "Patents licensed", unit: "item" },
  { measure: "joint_research_projects", labelZh: "联合攻关项目", labelEn: "Joint research projects", unit: "item" },
  { measure: "performances_held", labelZh: "演出场次", labelEn: "Performances held", unit: "session" },
  { measure: "events_held", labelZh: "交流活动场次", labelEn: "Exchange events held", unit: "session" },
  { measure: "visitors_received", labelZh: "接待游客", labelEn: "Visitors received", unit: "person" },
  { measure: "teachers_exchanged", labelZh: "交流教师", labelEn: "Teachers exchanged", unit: "person" },
  { measure: "students_enrolled", labelZh: "招收学生", labelEn: "Students enrolled", unit: "person" },
  { measure: "schools_paired", labelZh: "结对学校", labelEn: "Schools paired", unit: "item" },
  { measure: "doctors_dispatched", labelZh: "派驻医生", labelEn: "Doctors dispatched", unit: "person" },
  { measure: "patients_treated", labelZh: "诊治患者", labelEn: "Patients treated", unit: "person" },
  { measure: "clinics_held", labelZh: "义诊场次", labelEn: "Free clinics held", unit: "session" },
  { measure: "funds_fen", labelZh: "投入资金", labelEn: "Funds", unit: "fen" },
];

const domains: readonly { domain: CooperationDomain; labelZh: string; labelEn: string; measures: readonly string[] }[] = [
  { domain: "industry", labelZh: "产业", labelEn: "Industry", measures: ["enterprises_introduced", "projects_signed", "investment_fen", "jobs_created", "products_sold_fen", "funds_fen"] },
  { domain: "talent", labelZh: "人才", labelEn: "Talent", measures: ["cadres_seconded", "talent_introduced", "people_trained", "training_sessions", "person_days_served", "funds_fen"] },
  { domain: "technology", labelZh: "科技", labelEn: "Technology", measures: ["experts_visits", "technologies_transferred", "patents_licensed", "joint_research_projects", "training_sessions", "funds_fen"] },
  { domain: "culture", labelZh: "文化", labelEn: "Culture", measures: ["performances_held", "events_held", "visitors_received", "people_trained", "funds_fen"] },
  { domain: "education", labelZh: "教育", labelEn: "Education", measures: ["teachers_exchanged", "students_enrolled", "schools_paired", "people_trained", "training_sessions", "funds_fen"] },
  { domain: "health", labelZh: "卫生健康", labelEn: "Health", measures: ["doctors_dispatched", "patients_treated", "clinics_held", "experts_visits", "people_trained", "funds_fen"] },
];

const byKey = new Map(definitions.map((d) => [d.measure, d]));

/** Units that count whole things: 12.5 doctors or 0.3 fen is a typing mistake, not a measurement. */
export const wholeUnits: ReadonlySet<string> = new Set(["fen", "person", "session", "visit", "item"]);

/** The definition of a known measure key, whatever the domain. */
export function knownMeasure(measure: string): MeasureDefinition | undefined {
  return byKey.get(measure);
}

export function measureCatalogue(): MeasureCatalogue {
  return domains.map((d) => ({
    domain: d.domain,
    labelZh: d.labelZh,
    labelEn: d.labelEn,
    measures: d.measures.map((key) => {
      const definition = byKey.get(key);
      if (!definition) throw new Error(`measure catalogue: ${d.domain} lists unknown measure ${key}`);
      return { ...definition };
    }),
  }));
}
