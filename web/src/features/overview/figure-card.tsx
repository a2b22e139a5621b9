// One headline figure of the overview: its value (or one value per side), the period it covers, whether it rests
// on illustrative data, and links to the records behind it.
import { Card, Flex, Statistic, Typography } from "antd";
import type { ReactNode } from "react";
import { IllustrativeTag } from "../../components/illustrative-tag.tsx";

export type FigurePart = { key: string; label: string; value: string };

export function FigureCard({
  title,
  value,
  note,
  period,
  links,
  illustrative,
}: {
  title: string;
  /** One value, or one per side (each with its label). */
  value: string | readonly FigurePart[];
  note?: ReactNode;
  period: string;
  links?: ReactNode;
  illustrative?: boolean;
}) {
  return (
    <Card className="figure-card" size="small">
      {typeof value === "string" ? (
        <Statistic title={title} value={value} />
      ) : (
        <>
          <Typography.Text>{title}</Typography.Text>
          <Flex gap="large" wrap>
            {value.map((part) => (
              <Statistic key={part.key} title={part.label} value={part.value} />
            ))}
          </Flex>
        </>
      )}
      {note && <div className="figure-period">{note}</div>}
      <div className="figure-period">
        {period} <IllustrativeTag show={illustrative ?? false} computed />
      </div>
      {links && <div className="figure-links">{links}</div>}
    </Card>
  );
}
