// The accounts module's tables, as Kysely sees them (camelCase; the database has snake_case).
import type { Generated } from "kysely";
import type { MetaColumns } from "../../platform/register-kit.ts";

export type AccountsTables = {
  accountsUser: {
    id: Generated<string>;
    username: string;
    displayName: string;
    role: string;
    regionCode: string | null;
    enclaveId: string | null;
    enterpriseId: string | null;
    passwordHash: string;
    passwordChangedAt: Date;
    passwordMustChange: Generated<boolean>;
    failedAttempts: Generated<number>;
    lockedUntil: Date | null;
    lastSignInAt: Date | null;
  } & MetaColumns;
  accountsSession: {
    id: Generated<string>;
    tokenHash: string;
    userId: string;
    csrfToken: string;
    createdAt: Date;
    lastSeenAt: Date;
    expiresAt: Date;
    endedAt: Date | null;
    endReason: string | null;
    remoteAddress: string | null;
    userAgent: string | null;
  };
  accountsApiToken: {
    id: Generated<string>;
    userId: string;
    name: string;
    tokenHash: string;
    tokenPrefix: string;
    permissions: string[];
    createdAt: Date;
    expiresAt: Date | null;
    lastUsedAt: Date | null;
    revokedAt: Date | null;
  };
};
