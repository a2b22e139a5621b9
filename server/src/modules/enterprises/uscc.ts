// Unified Social Credit Code (统一社会信用代码), GB 32100-2015; see DOMAIN.md §6.
// Pure functions: the register warns about codes that fail these checks but keeps them (real registers hold a few).

// 31 characters, value = index; I, O, S, V and Z are left out because they read like 1, 0, 5, U and 2.
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const ALPHABET_TEXT = "0-9 and A-H J-N P-R T U W-Y";
// Weight of position i (1-based) is 3^(i-1) mod 31.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const LENGTH = 18;

export interface UsccValid {
  readonly ok: true;
  readonly code: string;
  /** Position 1: registering authority (9 = market regulation). */
  readonly authority: string;
  /** Position 2: entity type within the authority (e.g. 1 = enterprise under authority 9). */
  readonly entityType: string;
  /** Positions 3–8: GB/T 2260 administrative division of the registering office. */
  readonly regionCode: string;
  /** Positions 9–17: organisation code body (GB 11714). */
  readonly organisationCode: string;
}

export interface UsccInvalid {
  readonly ok: false;
  readonly reason: "length" | "character" | "checksum";
  readonly message: string;
  /** 1-based position of the offending character, when one can be named. */
  readonly position?: number;
  /** The check character the first 17 characters call for (reason "checksum"). */
  readonly expected?: string;
}

export type UsccCheck = UsccValid | UsccInvalid;

// Spreadsheets from Chinese registers often carry full-width characters (９１３５…) and stray spaces;
// NFKC folds full-width letters and digits to ASCII so they are judged by what they say.
function normalise(input: string): string {
  return input.normalize("NFKC").trim().toUpperCase();
}

function firstForeignCharacter(chars: readonly string[]): number {
  return chars.findIndex((ch) => !ALPHABET.includes(ch) || ch.length !== 1);
}

function checkCharacterOf(first17: readonly string[]): string {
  let sum = 0;
  first17.forEach((ch, i) => {
    sum += ALPHABET.indexOf(ch) * (WEIGHTS[i] ?? 0);
  });
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export function checkUscc(input: string): UsccCheck {
  const code = normalise(input);
  const chars = [...code];
  if (chars.length !== LENGTH) {
    return { ok: false, reason: "length", message: `must be ${LENGTH} characters, got ${chars.length}` };
  }
  const foreign = firstForeignCharacter(chars);
  if (foreign >= 0) {
    const position = foreign + 1;
    return {
      ok: false,
      reason: "character",
      position,
      message: `character ${position} '${chars[foreign]}' is not allowed (the code uses ${ALPHABET_TEXT})`,
    };
  }
  const expected = checkCharacterOf(chars.slice(0, LENGTH - 1));
  const found = chars[LENGTH - 1];
  if (found !== expected) {
    return {
      ok: false,
      reason: "checksum",
      position: LENGTH,
      expected,
      message: `character ${LENGTH} should be '${expected}' (check character), found '${found}'`,
    };
  }
  return {
    ok: true,
    code,
    authority: code.slice(0, 1),
    entityType: code.slice(1, 2),
    regionCode: code.slice(2, 8),
    organisationCode: code.slice(8, 17),
  };
}

function requireAlphabet(label: string, value: string, length: number): void {
  const chars = [...value];
  if (chars.length !== length) {
    throw new RangeError(`${label} must be ${length} characters, got ${chars.length}`);
  }
  const foreign = firstForeignCharacter(chars);
  if (foreign >= 0) {
    throw new RangeError(
      `${label} character ${foreign + 1} '${chars[foreign]}' is not allowed (the code uses ${ALPHABET_TEXT})`,
    );
  }
}

/** The 18th character for the given first 17; throws RangeError on bad input (a programming error). */
export function usccCheckCharacter(first17: string): string {
  requireAlphabet("the first 17 characters", first17, LENGTH - 1);
  return checkCharacterOf([...first17]);
}

export interface UsccParts {
  readonly authority?: string;
  readonly entityType?: string;
  readonly regionCode: string;
  readonly organisationCode: string;
}

/** Builds a valid code; defaults to "91" (enterprise registered by market regulation). For demo data. */
export function makeUscc(parts: UsccParts): string {
  const authority = parts.authority ?? "9";
  const entityType = parts.entityType ?? "1";
  requireAlphabet("authority", authority, 1);
  requireAlphabet("entityType", entityType, 1);
  requireAlphabet("regionCode", parts.regionCode, 6);
  requireAlphabet("organisationCode", parts.organisationCode, 9);
  const first17 = authority + entityType + parts.regionCode + parts.organisationCode;
  return first17 + checkCharacterOf([...first17]);
}

// 31^9 organisation-code bodies; an affine map with a multiplier prime to 31 is a bijection on them,
// so distinct seeds below 31^9 give distinct bodies, while neighbouring seeds do not look alike.
const BODY_SPACE = 31n ** 9n;
const MIX_MULTIPLIER = 7_368_787_261n;
const MIX_OFFSET = 1_234_567_891_011n;

/** Deterministic 9-character organisation code body for seed (an integer 0 ≤ seed < 31^9). Not a real GB 11714 code. */
export function illustrativeOrganisationCode(seed: number): string {
  if (!Number.isSafeInteger(seed) || seed < 0 || BigInt(seed) >= BODY_SPACE) {
    throw new RangeError(`seed must be an integer from 0 to 31^9 - 1, got ${seed}`);
  }
  let n = (BigInt(seed) * MIX_MULTIPLIER + MIX_OFFSET) % BODY_SPACE;
  let body = "";
  for (let i = 0; i < 9; i += 1) {
    body = ALPHABET.charAt(Number(n % 31n)) + body;
    n /= 31n;
  }
  return body;
}
