// The overview of a pairing: where the two sides and their enclave are, the headline figures with their period,
// the common-prosperity gap, the project pipeline, cooperation by domain and the latest changes. Every figure
// links to the records behind it. The charts and the map load in their own chunks after the figures.
import { Card, Col, Flex, Form, List, Row, Select, Spin, Table, Tag, Typography } from "antd";
import { lazy, Suspense, useMemo } from "react";
import type { CooperationSummary } from "../../../../contracts/cooperation.ts";
import type { Enclave } from "../../../../contracts/enclaves.ts";
import type { Pipeline } from "../../../../contracts/projects.ts";
import type { Pairing, Region } from "../../../../contracts/regions.ts";
import type { Page } from "../../api/client.ts";
import { useApi, useApiAll } from "../../api/use-api.ts";
import { Link, useSearchParams } from "../../app/router.tsx";
import { ErrorAlert } from "../../components/api-error.tsx";
import { IllustrativeTag } from "../../components/illustrative-tag.tsx";
import { Localized, pick } from "../../components/localized-text.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { cooperationDomains, enumLabel } from "../../domain/enums.ts";
import { todayInChina } from "../../format/dates.ts";
import { groupDecimal, trimDecimal } from "../../format/decimal.ts";
import { useI18n, type MessageKey } from "../../i18n/i18n.tsx";
import { measureValue } from "../cooperation/measures.tsx";
import { EnclaveResults } from "./enclave-results.tsx";
import { FigureCard } from "./figure-card.tsx";
import { developedFirst, investmentFrom, perCapitaGdp } from "./overview-figures.ts";

const JinhuaMap = lazy(async () => ({ default: (await import("./jinhua-map.tsx")).JinhuaMap }));
const GapChart = lazy(async () => ({ default: (await import("./overview-charts.tsx")).GapChart }));
const PipelineFunnel = lazy(async () => ({
  default: (await import("./overview-charts.tsx")).PipelineFunnel,
}));
const DomainChart = lazy(async () => ({ default: (await import("./overview-charts.tsx")).DomainChart }));

function ChartFallback({ className = "chart-box" }: { className?: string }) {
  const { t } = useI18n();
  return (
    <Flex className={className} align="center" justify="center">
      <Spin aria-label={t("common.loading")} />
    </Flex>
  );
}

type Recent = {
  id: string;
  register: MessageKey;
  path: string;
  zh: string;
  en: string;
  updatedAt: string;
  createdAt: string;
};

const recentSources = [
  {
    endpoint: "/api/v1/agreements",
    register: "register.agreement",
    path: recordPath.agreement,
    zh: "titleZh",
    en: "titleEn",
  },
  {
    endpoint: "/api/v1/enclaves",
    register: "register.enclave",
    path: recordPath.enclave,
    zh: "nameZh",
    en: "nameEn",
  },
  {
    endpoint: "/api/v1/projects",
    register: "register.project",
    path: recordPath.project,
    zh: "nameZh",
    en: "nameEn",
  },
  {
    endpoint: "/api/v1/enterprises",
    register: "register.enterprise",
    path: recordPath.enterprise,
    zh: "nameZh",
    en: "nameEn",
  },
  {
    endpoint: "/api/v1/cooperation-activities",
    register: "register.activity",
    path: recordPath.activity,
    zh: "titleZh",
    en: "titleEn",
  },
] as const;

function RecentChanges() {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error } = useApiAll<Page<Record<string, string>>>(
    recentSources.map((s) => `${s.endpoint}?sort=-updatedAt&pageSize=5`),
  );
  const recent = useMemo<Recent[]>(() => {
    if (!data) return [];
    return recentSources
      .flatMap((source, i) =>
        (data[i]?.items ?? []).map((r) => ({
          id: r.id ?? "",
          register: source.register,
          path: source.path(r.id ?? ""),
          zh: r[source.zh] ?? "",
          en: r[source.en] ?? "",
          updatedAt: r.updatedAt ?? "",
          createdAt: r.createdAt ?? "",
        })),
      )
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .slice(0, 8);
  }, [data]);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Spin aria-label={t("common.loading")} />;
  return (
    <List
      size="small"
      dataSource={recent}
      renderItem={(r) => (
        <List.Item
          key={r.path}
          extra={<Typography.Text type="secondary">{i18n.dateTime(r.updatedAt)}</Typography.Text>}
        >
          <span>
            <Tag>{t(r.register)}</Tag>
            <Link to={r.path}>
              <Localized zh={r.zh} en={r.en} />
            </Link>{" "}
            <Typography.Text type="secondary">
              {t(r.createdAt === r.updatedAt ? "overview.created" : "overview.updated")}
            </Typography.Text>
          </span>
        </List.Item>
      )}
    />
  );
}

export function OverviewPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [search, setSearch] = useSearchParams();
  const today = todayInChina();
  const thisYear = Number(today.slice(0, 4));
  const year = search.get("year") ?? "";

  const pairings = useApi<Page<Pairing>>("/api/v1/pairings?pageSize=100");
  const pairing = pairings.data?.items.find((p) => p.id === search.get("pairing")) ?? pairings.data?.items[0];
  const members = useMemo(() => developedFirst(pairing?.members ?? []), [pairing]);
  const memberCodes = useMemo(() => members.map((m) => m.regionCode), [members]);
  const regions = useApiAll<Region>(memberCodes.map((c) => `/api/v1/regions/${c}`));
  const pipeline = useApi<Pipeline>("/api/v1/projects/pipeline");
  const invented = useApi<Pipeline>("/api/v1/projects/pipeline?illustrative=true");
  const enclaves = useApi<Page<Enclave>>("/api/v1/enclaves?pageSize=100");
  const summary = useApi<CooperationSummary>(
    pairing
      ? `/api/v1/cooperation-activities/summary?pairingId=${pairing.id}${year ? `&year=${year}` : ""}`
      : null,
  );

  const ours = useMemo(
    () =>
      (enclaves.data?.items ?? []).filter(
        (e) =>
          memberCodes.includes(e.hostRegionCode) || e.sendingRegionCodes.some((c) => memberCodes.includes(c)),
      ),
    [enclaves.data, memberCodes],
  );
  const enclave = ours[0];
  const residents = useApi<Page<unknown>>(
    enclave ? `/api/v1/enterprises?enclaveId=${enclave.id}&pageSize=1` : null,
  );

  if (pairings.error) return <ErrorAlert error={pairings.error} />;
  if (!pairings.data) return <Spin size="large" className="page-spin" aria-label={t("common.loading")} />;
  if (!pairing) return <PageHeader title={t("overview.noPairing")} />;

  const name = (code: string) => {
    const m = members.find((x) => x.regionCode === code);
    return m ? pick(locale, m.nameZh, m.nameEn) : code;
  };
  const cumulative = t("overview.cumulativeTo", { date: i18n.date(today) });
  const period = year ? t("overview.inYear", { year }) : t("overview.allYears");
  const pipelineInvented = (invented.data?.stages ?? []).some((s) => s.count > 0);
  const signed = pipeline.data ? investmentFrom(pipeline.data, "signed") : undefined;
  const landed = pipeline.data ? investmentFrom(pipeline.data, "landed") : undefined;
  const stageLinks = (stages: Pipeline["stages"]) =>
    stages.map((s) => (
      <Link key={s.stage} to={`/projects?stage=${s.stage}`}>
        {t("overview.stageCount", { stage: enumLabel("stage", s.stage, t), count: i18n.number(s.count) })}
      </Link>
    ));
  const jobs = (summary.data?.domains ?? []).flatMap((d) =>
    d.measures
      .filter((m) => m.measure === "jobs_created")
      .map((m) => ({ domain: d.domain, total: BigInt(m.total.split(".")[0] ?? "0") })),
  );
  const jobsTotal = jobs.reduce((sum, j) => sum + j.total, 0n);
  const activitiesTotal = (summary.data?.domains ?? []).reduce((sum, d) => sum + d.activities, 0);
  const gap = regions.data ? perCapitaGdp(regions.data) : [];
  const gapIllustrative = gap.some((g) => g.illustrative);
  const years = Array.from(
    { length: Math.max(1, thisYear - Math.max(pairing.sinceYear, thisYear - 6) + 1) },
    (_, i) => thisYear - i,
  );

  return (
    <>
      <PageHeader
        title={<Localized zh={pairing.nameZh} en={pairing.nameEn} />}
        tags={<IllustrativeTag show={pairing.illustrative} />}
        extra={
          <Form layout="inline">
            {pairings.data.items.length > 1 && (
              <Form.Item label={t("overview.pairing")} htmlFor="overview-pairing">
                <Select
                  id="overview-pairing"
                  value={pairing.id}
                  style={{ width: 240 }}
                  onChange={(id: string) => setSearch({ pairing: id })}
                  options={pairings.data.items.map((p) => ({
                    value: p.id,
                    label: pick(locale, p.nameZh, p.nameEn),
                  }))}
                />
              </Form.Item>
            )}
            <Form.Item label={t("overview.period")} htmlFor="overview-year">
              <Select
                id="overview-year"
                value={year}
                style={{ width: 140 }}
                onChange={(y: string) => setSearch({ year: y || undefined })}
                options={[
                  { value: "", label: t("overview.allYears") },
                  ...years.map((y) => ({ value: String(y), label: t("overview.yearOption", { year: y }) })),
                ]}
              />
            </Form.Item>
          </Form>
        }
      />
      <Typography.Paragraph type="secondary" className="overview-lead">
        {t("overview.lead", {
          since: pairing.sinceYear,
          developed: name(memberCodes[0] ?? ""),
          mountain: name(memberCodes[1] ?? ""),
        })}
      </Typography.Paragraph>

      <Row gutter={[16, 16]} className="overview-figures">
        <Col xs={24} sm={12} xl={6}>
          <FigureCard
            title={t("overview.investmentSigned")}
            value={signed ? i18n.money(signed.plannedFen) : "…"}
            period={cumulative}
            illustrative={pipelineInvented}
            links={signed && stageLinks(signed.stages)}
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <FigureCard
            title={t("overview.investmentLanded")}
            value={landed ? i18n.money(landed.plannedFen) : "…"}
            period={
              landed
                ? t("overview.actualToDate", { amount: i18n.money(landed.actualFen), date: i18n.date(today) })
                : cumulative
            }
            illustrative={pipelineInvented}
            links={landed && stageLinks(landed.stages)}
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <FigureCard
            title={t("overview.enclaveArea")}
            value={enclave ? t("unit.muValue", { value: groupDecimal(trimDecimal(enclave.areaMu)) }) : "—"}
            period={t("overview.asOf", { date: i18n.date(today) })}
            illustrative={enclave?.illustrative}
            links={
              enclave && (
                <>
                  <Link to={recordPath.enclave(enclave.id)}>
                    {t("overview.parcels", {
                      count: i18n.number(enclave.parcels.length),
                      area: groupDecimal(trimDecimal(enclave.parcelAreaMu)),
                    })}
                  </Link>
                  <Link to={`/enterprises?enclaveId=${enclave.id}`}>
                    {t("overview.residents", { count: i18n.number(residents.data?.total ?? 0) })}
                  </Link>
                </>
              )
            }
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <FigureCard
            title={t("overview.jobs")}
            value={summary.data ? t("unit.personValue", { value: i18n.number(jobsTotal) }) : "…"}
            period={period}
            illustrative={summary.data?.illustrative}
            links={
              <>
                {jobs.map((j) => (
                  <Link key={j.domain} to={`/cooperation?domain=${j.domain}`}>
                    {enumLabel("domain", j.domain, t)}
                  </Link>
                ))}
                <Link to="/cooperation">
                  {t("overview.activitiesCount", { count: i18n.number(activitiesTotal) })}
                </Link>
              </>
            }
          />
        </Col>
        {enclave && <EnclaveResults enclave={enclave} year={year} partyName={name} />}
      </Row>

      <Row gutter={[16, 16]} className="section-gap">
        <Col xs={24} xl={12}>
          <Card title={t("overview.mapTitle")} className="map-card">
            <Suspense fallback={<ChartFallback className="map-box" />}>
              <JinhuaMap
                label={t("overview.mapLabel", {
                  developed: name(memberCodes[0] ?? ""),
                  mountain: name(memberCodes[1] ?? ""),
                })}
                sides={members.map((m) => ({
                  code: m.regionCode,
                  name: pick(locale, m.nameZh, m.nameEn),
                  kind: m.kind,
                }))}
                enclaves={ours.map((e) => ({
                  id: e.id,
                  name: pick(locale, e.nameZh, e.nameEn),
                  hostCode: e.hostRegionCode,
                  sendingCodes: e.sendingRegionCodes,
                }))}
              />
            </Suspense>
            <Flex wrap gap="small" className="map-legend" aria-label={t("overview.mapLegend")}>
              {members.map((m) => (
                <Link key={m.regionCode} to={recordPath.region(m.regionCode)}>
                  <Tag color={m.kind === "mountain" ? "green" : "blue"}>
                    <Localized zh={m.nameZh} en={m.nameEn} /> ·{" "}
                    {m.kind ? enumLabel("regionKind", m.kind, t) : ""}
                  </Tag>
                </Link>
              ))}
              {ours.map((e) => (
                <Link key={e.id} to={recordPath.enclave(e.id)}>
                  <Tag color="volcano">
                    {t("overview.enclaveMarker")}: <Localized zh={e.nameZh} en={e.nameEn} />
                  </Tag>
                </Link>
              ))}
            </Flex>
            <div className="attribution">{t("overview.mapAttribution")}</div>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t("overview.gapTitle")} extra={<IllustrativeTag show={gapIllustrative} computed />}>
            {regions.error && <ErrorAlert error={regions.error} />}
            {gap.length > 0 ? (
              <Suspense fallback={<ChartFallback />}>
                <GapChart
                  label={t("overview.gapLabel")}
                  points={gap.map((g) => ({
                    year: g.year,
                    ratio: g.ratio,
                    sides: g.sides.map((s) => ({ code: s.code, name: name(s.code), perCapita: s.perCapita })),
                  }))}
                />
              </Suspense>
            ) : (
              <Typography.Paragraph>
                {regions.data ? t("overview.gapNone") : t("common.loading")}
              </Typography.Paragraph>
            )}
            <Table
              size="small"
              pagination={false}
              rowKey="year"
              dataSource={gap}
              columns={[
                { key: "year", title: t("field.year"), dataIndex: "year" },
                ...members.map((m, i) => ({
                  key: m.regionCode,
                  title: t("overview.perCapitaOf", { region: name(m.regionCode) }),
                  align: "right" as const,
                  render: (_: unknown, g: (typeof gap)[number]) => (
                    <Link to={recordPath.region(m.regionCode)}>
                      {t("unit.yuanValue", { value: groupDecimal(g.sides[i]?.perCapita ?? "—") })}
                    </Link>
                  ),
                })),
                {
                  key: "ratio",
                  title: t("overview.ratio"),
                  align: "right" as const,
                  render: (_: unknown, g: (typeof gap)[number]) => <strong>{g.ratio}</strong>,
                },
              ]}
            />
            <Typography.Paragraph type="secondary" className="section-gap">
              {t("overview.gapNote")}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]} className="section-gap">
        <Col xs={24} xl={12}>
          <Card
            title={t("overview.pipelineTitle")}
            extra={<IllustrativeTag show={pipelineInvented} computed />}
          >
            <Typography.Paragraph type="secondary">{t("overview.funnelNote")}</Typography.Paragraph>
            {pipeline.data && (
              <Suspense fallback={<ChartFallback />}>
                <PipelineFunnel
                  label={t("overview.pipelineLabel")}
                  stages={pipeline.data.stages.map((s) => ({
                    stage: s.stage,
                    label: enumLabel("stage", s.stage, t),
                    count: s.count,
                    reached: pipeline.data ? investmentFrom(pipeline.data, s.stage).count : s.count,
                  }))}
                />
              </Suspense>
            )}
            <Table
              size="small"
              pagination={false}
              rowKey="stage"
              dataSource={pipeline.data?.stages ?? []}
              columns={[
                {
                  key: "stage",
                  title: t("field.stage"),
                  render: (_, s) => (
                    <Link to={`/projects?stage=${s.stage}`}>{enumLabel("stage", s.stage, t)}</Link>
                  ),
                },
                {
                  key: "count",
                  title: t("overview.projects"),
                  align: "right",
                  render: (_, s) => i18n.number(s.count),
                },
                {
                  key: "planned",
                  title: t("field.plannedInvestment"),
                  align: "right",
                  render: (_, s) => i18n.money(s.plannedInvestmentFen),
                },
                {
                  key: "actual",
                  title: t("field.actualInvestment"),
                  align: "right",
                  render: (_, s) => i18n.money(s.actualInvestmentFen),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            title={t("overview.domainsTitle", { period })}
            extra={<IllustrativeTag show={summary.data?.illustrative ?? false} computed />}
          >
            {summary.data && (
              <Suspense fallback={<ChartFallback />}>
                <DomainChart
                  label={t("overview.domainsLabel")}
                  domains={cooperationDomains.map((d) => ({
                    domain: d,
                    label: enumLabel("domain", d, t),
                    activities: summary.data?.domains.find((x) => x.domain === d)?.activities ?? 0,
                  }))}
                />
              </Suspense>
            )}
            <Table
              size="small"
              pagination={false}
              rowKey="domain"
              dataSource={summary.data?.domains ?? []}
              columns={[
                {
                  key: "domain",
                  title: t("field.domain"),
                  render: (_, d) => (
                    <Link to={`/cooperation?domain=${d.domain}`}>{enumLabel("domain", d.domain, t)}</Link>
                  ),
                },
                {
                  key: "activities",
                  title: t("cooperation.activities"),
                  align: "right",
                  render: (_, d) => i18n.number(d.activities),
                },
                {
                  key: "measures",
                  title: t("field.measures"),
                  render: (_, d) =>
                    d.measures.slice(0, 3).map((m) => (
                      <div key={m.measure}>
                        {pick(locale, m.labelZh, m.labelEn) || m.measure}
                        {locale === "zh-CN" ? "：" : ": "}
                        {measureValue(m.total, m.unit, i18n)}
                      </div>
                    )),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>

      <Card title={t("overview.recentTitle")} className="section-gap">
        <RecentChanges />
      </Card>
    </>
  );
}
