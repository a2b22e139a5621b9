// The benefit-sharing engine: pure functions, no I/O. Terms in, figures in, exact shares out, each with its
// explanation. The sharing module's services (ledger, settlement runs, statements) build on this door.
export { allocate, allocateByWeights, type Allocation, type AllocationPart, type PartyShare, type RoundingStep } from "./allocate.ts";
export { figureColumns, figuresFromWorkbook, measureKeyOf, monthCell, quantityCell, type FiguresTable } from "./figures-table.ts";
export { fraction, fractionText, parseShare, shareText, type Fraction } from "./fraction.ts";
export { formatMeasureAmount, measureOf, parseMeasureAmount, QUANTITY_SCALE } from "./measures.ts";
export { parsePeriod, yearPeriod } from "./periods.ts";
export { figureIndexOf, indexFigures, isFigureIndex, type FigureIndex, type FigureUse, type SubjectFigures } from "./figure-index.ts";
export { presentComparison, presentLine, presentSettlement, presentSkipped, settlementRows } from "./report.ts";
export type { RuleDue, SegmentStep, SkippedFigure } from "./rule-settlement.ts";
export type { GuaranteeDue } from "./guaranteed.ts";
export type { LimitStep } from "./limits.ts";
export { compareScenarios, growthFactor, projectFigures, type Projection, type ScenarioComparison, type ScenarioInput } from "./scenarios.ts";
export {
  annualSplit,
  figureIndex,
  GUARANTEE_MEASURE,
  latestFigures,
  postedBefore,
  settlePeriod,
  type GuaranteeLine,
  type PartyTotal,
  type RuleLine,
  type Settlement,
  type SettlementInput,
  type SettlementLine,
} from "./settle.ts";
export { parseTerms, validateTerms, type TermsResult } from "./terms.ts";
export type * from "./types.ts";
