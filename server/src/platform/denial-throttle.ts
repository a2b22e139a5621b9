// Anonymous callers' denials are audited, but an unauthenticated flood must not fill the audit log: of the
// denials of one kind (address, permission, entity) in a minute, the first is written and the rest counted, and
// the count goes with the next one written. An account's denials are always written: someone answers for them.

const windowMs = 60_000;
/** Kinds remembered at most (the oldest forgotten first): memory stays bounded whatever the flood. */
const maxKinds = 10_000;

type Seen = { writtenAt: number; unwritten: number };

export type DenialThrottle = {
  /** Whether to write this denial, and how many of its kind went unwritten since the last one written. */
  admit(kind: string, now: number): { write: true; unwrittenBefore: number } | { write: false };
};

export function createDenialThrottle(): DenialThrottle {
  const seen = new Map<string, Seen>();
  return {
    admit(kind, now) {
      const last = seen.get(kind);
      if (last && now - last.writtenAt < windowMs) {
        last.unwritten += 1;
        return { write: false };
      }
      seen.delete(kind);
      seen.set(kind, { writtenAt: now, unwritten: 0 });
      if (seen.size > maxKinds) seen.delete(seen.keys().next().value as string);
      return { write: true, unwrittenBefore: last?.unwritten ?? 0 };
    },
  };
}
