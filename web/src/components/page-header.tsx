// The heading of a page: its title as the page's <h1>, a way back, and the page's actions.
import { Breadcrumb, Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "../app/router.tsx";

export type Crumb = { to?: string; label: ReactNode };

export function PageHeader({
  title,
  crumbs = [],
  extra,
  tags,
}: {
  title: ReactNode;
  crumbs?: Crumb[];
  extra?: ReactNode;
  tags?: ReactNode;
}) {
  return (
    <header className="page-header">
      {crumbs.length > 0 && (
        <Breadcrumb
          items={crumbs.map((c, i) => ({ key: i, title: c.to ? <Link to={c.to}>{c.label}</Link> : c.label }))}
        />
      )}
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={1} className="page-title">
          {title} {tags}
        </Typography.Title>
        {extra && (
          <Flex gap="small" wrap>
            {extra}
          </Flex>
        )}
      </Flex>
    </header>
  );
}
