// An enterprise's residency history: the periods in which it was resident in an enclave. Benefit sharing over
// "all enterprises resident in an enclave" counts an enterprise in the months it was resident (docs/sharing/guide.md).
import { z } from "zod";
import { Id, IsoDate } from "./common.ts";

export const ResidencyPeriod = z.object({
  enclaveId: Id,
  from: IsoDate.nullable().describe("The day it moved in; null: since before the register knew (counts from the start)"),
  to: IsoDate.nullable().describe("The day it moved out: the first day it was no longer resident; null while still resident"),
});
export type ResidencyPeriod = z.infer<typeof ResidencyPeriod>;

export const ResidencyHistory = z.object({
  enterpriseId: Id,
  version: z.number().int().describe("The enterprise's version: send it as If-Match to correct the history"),
  periods: z.array(ResidencyPeriod).describe("Oldest first; the open period (to null) is the current residency"),
});
export type ResidencyHistory = z.infer<typeof ResidencyHistory>;

export const CorrectResidencies = z.object({
  periods: z
    .array(ResidencyPeriod)
    .max(200)
    .describe("The whole history, replacing the stored one: no overlaps, from before to, at most one open period (it becomes the enterprise's enclave and residentSince)"),
});
export type CorrectResidencies = z.infer<typeof CorrectResidencies>;
