// The real facts of the demo case (source report and public statistics; see docs/demo-case.md).
import facts from "./data/yongkang-wuyi.json" with { type: "json" };

export type DemoFacts = typeof facts;
export const demoFacts: DemoFacts = facts;

export const yongkang = "330784";
export const wuyi = "330723";
