// Sign-in, shown when the server has accounts and nobody is signed in (or the session has ended).
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useSession } from "../../app/session.tsx";
import { ErrorAlert } from "../../components/api-error.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

export function SignInPage({ expired }: { expired: boolean }) {
  const { t } = useI18n();
  const session = useSession();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  return (
    <Card className="sign-in-card">
      <Typography.Title level={1} className="page-title">
        {t("signIn.title")}
      </Typography.Title>
      {expired && <Alert type="info" showIcon title={t("signIn.expired")} className="section-gap" />}
      {error !== undefined && <ErrorAlert error={error} />}
      <Form
        layout="vertical"
        className="section-gap"
        onFinish={(values: { username: string; password: string }) => {
          setBusy(true);
          setError(undefined);
          session
            .signIn(values.username, values.password)
            .catch(setError)
            .finally(() => setBusy(false));
        }}
      >
        <Form.Item
          name="username"
          label={t("signIn.username")}
          rules={[{ required: true, message: t("validation.required") }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("signIn.password")}
          rules={[{ required: true, message: t("validation.required") }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t("signIn.submit")}
        </Button>
      </Form>
    </Card>
  );
}
