// Passwords: argon2id hashes (OWASP parameters: 19 MiB, 2 passes, 1 lane) and the password policy, which
// defaults to the MLPS 2.0 profile: at least 8 characters from at least 3 of 4 classes, optional expiry
// (docs/security.md says where this departs from OWASP ASVS).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify, type Options } from "@node-rs/argon2";

// Algorithm is a const enum in the package's types; 2 is Argon2id.
const argon2id: Options = { algorithm: 2 as Options["algorithm"], memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFKC"), argon2id);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize("NFKC"));
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

// Verifying against this when the username is unknown makes both answers take as long.
let decoy: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<void> {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  await verifyPassword(await decoy, password);
}

export type PasswordPolicy = { minLength: number; minClasses: number; maxAgeDays: number };

const classes: [RegExp, string][] = [
  [/[a-z]/, "lower-case letters"],
  [/[A-Z]/, "upper-case letters"],
  [/[0-9]/, "digits"],
  [/[^A-Za-z0-9]/, "other characters"],
];

/** Every rule the password breaks, in words. */
export function passwordProblems(password: string, policy: PasswordPolicy, context: { username?: string; previous?: string } = {}): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < policy.minLength) problems.push(`must be at least ${policy.minLength} characters long (it has ${length})`);
  const used = classes.filter(([pattern]) => pattern.test(password)).length;
  if (used < policy.minClasses) {
    problems.push(`must mix at least ${policy.minClasses} of: ${classes.map(([, name]) => name).join(", ")} (it has ${used})`);
  }
  if (context.username && password.toLowerCase().includes(context.username.toLowerCase())) problems.push("must not contain the username");
  if (context.previous !== undefined && password === context.previous) problems.push("must differ from the current password");
  return problems;
}

export function passwordExpired(changedAt: Date, policy: PasswordPolicy, now: Date): boolean {
  return policy.maxAgeDays > 0 && now.getTime() - changedAt.getTime() > policy.maxAgeDays * 86_400_000;
}

/** A random secret for cookies and tokens (256 bits, URL-safe). */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** Secrets are stored as their SHA-256: a stolen table holds no usable session or token. */
export function secretHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
