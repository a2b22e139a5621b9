// The parts of "why this number": each schedule segment with the figure versions it read, its share and the
// largest-remainder rounding step; caps and floors; a guaranteed return's target and top-up. Read from the
// explanation the engine stored with the line (GET /api/v1/settlements/:id/lines/:lineNo/explanation).
import { Descriptions, Table, Tag } from "antd";
import { serverMessage } from "../../components/api-error.tsx";
import { DataText } from "../../components/localized-text.tsx";
import { useI18n, type I18n, type MessageKey } from "../../i18n/i18n.tsx";
import { amountText, sharePercent, unitText } from "./settlement-format.ts";

/** The drawer shows money to the fen: an official redoes the line by hand from it. */
const exact = { exact: true };

export type FigureUse = { id: string; version: number; month: string; value: string };
export type Segment = {
  window: { index: number; fromYear: number; toYear: number | null };
  scheduleYears: number[];
  months: { from: string; to: string };
  figures: FigureUse[];
  total: string;
  share: string;
  allocated: string;
  rounding: {
    quota: string;
    whole: string;
    remainder: string;
    roundingUnit: number;
    rank: number | null;
    reason: string;
  };
};
export type LimitStep = { kind: string; change: string; reason: string };
export type GuaranteeStep = {
  guaranteeKind: "fixed" | "floor";
  year: number;
  role: "beneficiary" | "payer";
  principal: string;
  rate: string;
  exactTarget: string;
  target: string;
  receivedFromRules: string | null;
  rulesCounted: string[];
  reason: string;
};

/** The engine's rounding sentence in the console's language where its form is known, else as written. */
export function roundingText(reason: string, i18n: I18n) {
  if (reason === "the quota is whole: no rounding") return i18n.t("settlements.why.roundingWhole");
  if (reason === "no share in this window") return i18n.t("settlements.why.noShare");
  const gets = /^remainder (\S+) (\S+) ranks (\d+) of (\d+) leftover \S+: receives one$/.exec(reason);
  if (gets)
    return i18n.t("settlements.why.roundingGets", {
      remainder: gets[1] ?? "",
      rank: gets[3] ?? "",
      leftover: gets[4] ?? "",
    });
  const none =
    /^remainder (\S+) (\S+) ranks (\d+), after the (\d+) leftover \S+ were given out: no rounding unit$/.exec(
      reason,
    );
  if (none)
    return i18n.t("settlements.why.roundingNone", {
      remainder: none[1] ?? "",
      rank: none[3] ?? "",
      leftover: none[4] ?? "",
    });
  return serverMessage(reason, i18n);
}

/** The unit the rounding counts in: fen for money, millionths of the unit for quantities. */
function roundingUnitText(unit: string, i18n: I18n): string {
  return unit === "fen"
    ? i18n.t("settlements.unit.fen")
    : i18n.t("settlements.unit.micro", { unit: unitText(unit, i18n.t) });
}

export function windowText(w: Segment["window"], i18n: I18n): string {
  return w.toYear === null
    ? i18n.t("settlements.why.windowOpen", { index: w.index + 1, from: w.fromYear })
    : i18n.t("settlements.why.window", { index: w.index + 1, from: w.fromYear, to: w.toYear });
}

function FigureTable({ figures, unit }: { figures: FigureUse[]; unit: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Table<FigureUse>
      className="explanation-figures"
      rowKey={(f) => `${f.id}|${f.version}`}
      size="small"
      pagination={false}
      dataSource={figures}
      locale={{ emptyText: t("settlements.why.noFigures") }}
      columns={[
        { key: "month", title: t("settlements.why.month"), dataIndex: "month" },
        {
          key: "value",
          title: t("field.value"),
          align: "right",
          render: (_, f) => <span className="money">{amountText(f.value, unit, i18n, exact)}</span>,
        },
        {
          key: "version",
          title: t("settlements.why.figureVersion"),
          render: (_, f) => <Tag>{t("history.version", { version: f.version })}</Tag>,
        },
        {
          key: "id",
          title: t("settlements.why.figure"),
          render: (_, f) => (
            <a
              href={`/api/v1/figures/${f.id}/history`}
              target="_blank"
              rel="noreferrer"
              aria-label={t("settlements.why.figureHistoryOf", { month: f.month, version: f.version })}
            >
              <code>{f.id.slice(0, 8)}</code> {t("settlements.why.figureHistory")}
            </a>
          ),
        },
      ]}
    />
  );
}

export function SegmentView({ segment, unit, index }: { segment: Segment; unit: string; index: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const r = segment.rounding;
  const units = roundingUnitText(unit, i18n);
  return (
    <section className="explanation-segment" aria-label={t("settlements.why.segment", { index: index + 1 })}>
      <Descriptions
        size="small"
        bordered
        column={1}
        title={t("settlements.why.segment", { index: index + 1 })}
        items={[
          {
            key: "months",
            label: t("settlements.why.months"),
            children: `${segment.months.from} – ${segment.months.to}`,
          },
          {
            key: "years",
            label: t("settlements.why.scheduleYears"),
            children: t("settlements.why.yearsList", {
              years: segment.scheduleYears.join(i18n.locale === "zh-CN" ? "、" : ", "),
            }),
          },
          {
            key: "window",
            label: t("settlements.why.windowApplied"),
            children: windowText(segment.window, i18n),
          },
          {
            key: "total",
            label: t("settlements.why.total"),
            children: amountText(segment.total, unit, i18n, exact),
          },
          {
            key: "share",
            label: t("settlements.why.share"),
            children: (
              <>
                {sharePercent(segment.share)} {segment.share.includes("/") && <code>{segment.share}</code>}
              </>
            ),
          },
          {
            key: "quota",
            label: t("settlements.why.quota"),
            children: (
              <>
                <code>{r.quota}</code> {units}
              </>
            ),
          },
          {
            key: "whole",
            label: t("settlements.why.whole"),
            children: (
              <>
                <code>{r.whole}</code> {units}
              </>
            ),
          },
          { key: "remainder", label: t("settlements.why.remainder"), children: <code>{r.remainder}</code> },
          { key: "rounding", label: t("settlements.why.rounding"), children: roundingText(r.reason, i18n) },
          {
            key: "allocated",
            label: t("settlements.why.allocated"),
            children: <strong>{amountText(segment.allocated, unit, i18n, exact)}</strong>,
          },
        ]}
      />
      <h4 className="explanation-subtitle">
        {t("settlements.why.figures", { count: segment.figures.length })}
      </h4>
      <FigureTable figures={segment.figures} unit={unit} />
    </section>
  );
}

export function LimitsView({ limits, unit }: { limits: LimitStep[]; unit: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (limits.length === 0) return null;
  return (
    <Table<LimitStep>
      className="explanation-limits"
      rowKey={(l, i) => `${l.kind}|${i}`}
      size="small"
      pagination={false}
      dataSource={limits}
      columns={[
        {
          key: "kind",
          title: t("field.kind"),
          render: (_, l) =>
            i18n.has(`settlements.limit.${l.kind}`) ? t(`settlements.limit.${l.kind}` as MessageKey) : l.kind,
        },
        {
          key: "change",
          title: t("settlements.why.change"),
          align: "right",
          render: (_, l) => amountText(l.change, unit, i18n, exact),
        },
        {
          key: "reason",
          title: t("settlements.why.reason"),
          render: (_, l) => serverMessage(l.reason, i18n),
        },
      ]}
    />
  );
}

export function GuaranteeView({ step, note }: { step: GuaranteeStep; note: string | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      className="explanation-guarantee"
      items={[
        { key: "kind", label: t("field.kind"), children: t(`settlements.guarantee.${step.guaranteeKind}`) },
        { key: "year", label: t("field.year"), children: step.year },
        { key: "role", label: t("settlements.why.role"), children: t(`settlements.guarantee.${step.role}`) },
        {
          key: "principal",
          label: t("settlements.why.principal"),
          children: i18n.money(step.principal, { unit: "yuan" }),
        },
        { key: "rate", label: t("settlements.why.rate"), children: step.rate },
        {
          key: "target",
          label: t("settlements.why.target"),
          // The exact target differs from the rounded one only when principal × rate is not whole fen.
          children:
            step.exactTarget === step.target ? (
              i18n.money(step.target, { unit: "yuan" })
            ) : (
              <>
                {i18n.money(step.target, { unit: "yuan" })} ({t("settlements.why.exactly")}{" "}
                <code>{step.exactTarget}</code> {t("settlements.unit.fen")})
              </>
            ),
        },
        ...(step.receivedFromRules === null
          ? []
          : [
              {
                key: "received",
                label: t("settlements.why.received"),
                children: i18n.money(step.receivedFromRules, { unit: "yuan" }),
              },
            ]),
        ...(step.rulesCounted.length
          ? [
              {
                key: "counted",
                label: t("settlements.why.rulesCounted"),
                children: step.rulesCounted.map((r) => <code key={r}>{r} </code>),
              },
            ]
          : []),
        { key: "reason", label: t("settlements.why.reason"), children: serverMessage(step.reason, i18n) },
        ...(note ? [{ key: "note", label: t("field.note"), children: <DataText text={note} /> }] : []),
      ]}
    />
  );
}
