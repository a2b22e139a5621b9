// What the list pages of the registers share: the button to a new record (for those who may create one), the
// name column linked to the record in the console's language, and the column that marks invented demo data.
import { PlusOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { Link, navigate } from "../app/router.tsx";
import { useCan } from "../app/session.tsx";
import type { I18n } from "../i18n/i18n.tsx";
import { IllustrativeTag } from "./illustrative-tag.tsx";
import { Localized } from "./localized-text.tsx";
import type { RemoteColumn } from "./remote-table.tsx";

export function CreateButton({ permission, to, label }: { permission: string; to: string; label: string }) {
  const allowed = useCan(permission);
  if (!allowed) return null;
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(to)}>
      {label}
    </Button>
  );
}

function bilingualColumn<T extends { id: string }>(
  key: "name" | "title",
  i18n: I18n,
  pathOf: (id: string) => string,
  text: (record: T) => { zh: string; en: string | null },
): RemoteColumn<T> {
  return {
    key,
    title: i18n.t(`field.${key}`),
    sortKey: `${key}${i18n.locale === "zh-CN" ? "Zh" : "En"}`,
    render: (_, record) => (
      <Link to={pathOf(record.id)}>
        <Localized {...text(record)} />
      </Link>
    ),
  };
}

/** The record's name (nameZh, nameEn), sortable, linked to its page. */
export const nameColumn = <T extends { id: string; nameZh: string; nameEn: string | null }>(
  i18n: I18n,
  pathOf: (id: string) => string,
): RemoteColumn<T> => bilingualColumn<T>("name", i18n, pathOf, (r) => ({ zh: r.nameZh, en: r.nameEn }));

/** The record's title (titleZh, titleEn), sortable, linked to its page. */
export const titleColumn = <T extends { id: string; titleZh: string; titleEn: string }>(
  i18n: I18n,
  pathOf: (id: string) => string,
): RemoteColumn<T> => bilingualColumn<T>("title", i18n, pathOf, (r) => ({ zh: r.titleZh, en: r.titleEn }));

export const illustrativeColumn = <T extends { illustrative: boolean }>(i18n: I18n): RemoteColumn<T> => ({
  key: "illustrative",
  title: i18n.t("field.illustrative"),
  render: (_, record) => <IllustrativeTag show={record.illustrative} />,
});
