// ISO-8601 durations and IANA time zones, read the same way by the data sources and the sandbox.

/** `PnYnMnWnDTnHnMnS`: at least one part, and a `T` only before a time part. */
export const ISO_DURATION =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** An ISO-8601 duration split into calendar parts and a fixed part in ms. */
export interface Duration {
  years: number;
  months: number;
  days: number;
  ms: number;
}

/** The parts of an ISO-8601 duration (weeks count as 7 days; all zero for `P0D`); undefined when unreadable. */
export function parseIsoDuration(text: string): Duration | undefined {
  const m = ISO_DURATION.exec(text);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  return { years: n(1), months: n(2), days: n(3) * 7 + n(4), ms: (n(5) * 3600 + n(6) * 60 + n(7)) * 1000 };
}

/** Whether the runtime knows an IANA time zone. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
