// Between the API's values and a form's: dates are YYYY-MM-DD strings on the wire and Dayjs in date pickers;
// optional text is null when left blank.
import dayjs, { type Dayjs } from "dayjs";
import type { Translate } from "../i18n/i18n.tsx";

export const dayOf = (iso: string | null | undefined): Dayjs | null => (iso ? dayjs(iso) : null);

export const isoOf = (value: Dayjs | null | undefined): string | null =>
  value ? value.format("YYYY-MM-DD") : null;

export const textOrNull = (value: string | null | undefined): string | null =>
  value?.trim() ? value.trim() : null;

/** A decimal typed with separators ("1,047.5") as the API writes it ("1047.5"). */
export const decimalText = (value: string | null | undefined): string =>
  (value ?? "").trim().replace(/[,，\s]/g, "");

/** The rule of a field the form must not send empty (the server would refuse it too). */
export const requiredRule = (t: Translate) => [{ required: true, message: t("validation.required") }];
