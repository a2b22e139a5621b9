// An amount of money typed in the locale's unit (万元 in Chinese, yuan in English) and held by the form as the
// API's fen string, so the field has the server's name and a switch of language never changes the amount.
import { Form, Input } from "antd";
import type { NamePath } from "antd/es/form/interface";
import { useState, type ReactNode } from "react";
import { inputUnitOf, moneyInputText, parseMoneyInput, type MoneyUnit } from "../format/money.ts";
import { useI18n } from "../i18n/i18n.tsx";

/** What the field holds while its text is not an amount; the form refuses it before sending. */
export class UnreadableAmount {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** Fen as a string, null when left blank, or the unreadable text. */
export type MoneyValue = string | null | UnreadableAmount;

export function readAmount(text: string, unit: MoneyUnit): MoneyValue {
  if (!text.trim()) return null;
  const fen = parseMoneyInput(text, unit);
  return fen === undefined ? new UnreadableAmount(text) : fen.toString();
}

/** The fen string to send, or null for a blank field. */
export function fenOrNull(value: MoneyValue | undefined): string | null {
  return typeof value === "string" ? value : null;
}

function textOf(value: MoneyValue | undefined, unit: MoneyUnit): string {
  if (typeof value === "string") return /^-?\d+$/.test(value) ? moneyInputText(value, unit) : value;
  return value instanceof UnreadableAmount ? value.text : "";
}

const sameValue = (a: MoneyValue | undefined, b: MoneyValue | undefined) =>
  a instanceof UnreadableAmount && b instanceof UnreadableAmount
    ? a.text === b.text
    : (a ?? null) === (b ?? null);

export function MoneyInput({
  id,
  value,
  onChange,
  width = 200,
}: {
  id?: string;
  value?: MoneyValue;
  onChange?: (value: MoneyValue) => void;
  width?: number;
}) {
  const { t, locale } = useI18n();
  const unit = inputUnitOf(locale);
  const [text, setText] = useState(() => textOf(value, unit));
  const [seen, setSeen] = useState({ value, unit });
  // The text follows the value when it changes from outside (a reset, another unit), not while one types.
  if (seen.value !== value || seen.unit !== unit) {
    setSeen({ value, unit });
    if (!sameValue(readAmount(text, unit), value)) setText(textOf(value, unit));
  }
  return (
    <Input
      id={id}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange?.(readAmount(event.target.value, unit));
      }}
      suffix={t(unit === "wan" ? "unit.wanYuan" : "unit.yuan")}
      style={{ width }}
      inputMode="decimal"
    />
  );
}

/** A form field of money: the amount in the locale's unit, checked to be one before the form is sent. */
export function MoneyField({
  name,
  label,
  extra,
  width,
}: {
  name: NamePath;
  label: ReactNode;
  extra?: ReactNode;
  width?: number;
}) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={[
        {
          validator: async (_, value: MoneyValue | undefined) => {
            if (value instanceof UnreadableAmount) throw new Error(t("validation.money"));
          },
        },
      ]}
    >
      <MoneyInput width={width} />
    </Form.Item>
  );
}
