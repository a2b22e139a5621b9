// What a record's page shows of it: its basics as a list of facts (or the form to change them, while editing),
// and the facts that are often missing, shown as "none" rather than left blank.
import { Card, Descriptions, type DescriptionsProps } from "antd";
import type { ReactNode } from "react";
import { Link } from "../app/router.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { DataText } from "./localized-text.tsx";
import { recordPath } from "./record-link.tsx";

/** The record's basics card, or its form in their place while the page is editing. */
export function RecordBasics({
  editing,
  editTitle,
  form,
  title,
  facts,
}: {
  editing: boolean;
  editTitle: string;
  form: ReactNode;
  title: string;
  facts: DescriptionsProps["items"];
}) {
  return editing ? (
    <Card title={editTitle}>{form}</Card>
  ) : (
    <Card title={title}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={facts} />
    </Card>
  );
}

/** Text from the data, or "none". */
export function TextOrNone({ text }: { text: string | null | undefined }) {
  const { t } = useI18n();
  return <DataText text={text}>{t("common.none")}</DataText>;
}

/** A date, or "none". */
export function DateOrNone({ date }: { date: string | null | undefined }) {
  const i18n = useI18n();
  return <>{i18n.date(date) || i18n.t("common.none")}</>;
}

/** A link to the agreement the record belongs to, or "none". */
export function AgreementLinkOrNone({ id }: { id: string | null | undefined }) {
  const { t } = useI18n();
  return id ? (
    <Link to={recordPath.agreement(id)}>{t("enclave.openAgreement")}</Link>
  ) : (
    <>{t("common.none")}</>
  );
}
