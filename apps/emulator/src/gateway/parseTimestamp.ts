const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3})\d*)?Z$/;

/**
 * Reads a signing time (`Timestamp` in V1, `x-acs-date` in V3): ISO 8601 in UTC, `YYYY-MM-DDThh:mm:ssZ`,
 * optionally with a fraction of a second. Returns epoch milliseconds, or undefined when the text is
 * not such a time or names a day that does not exist.
 */
export function parseTimestamp(text: string): number | undefined {
  const m = ISO_UTC.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = m[7] ? Number(m[7].padEnd(3, "0")) : 0;
  const time = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const back = new Date(time);
  // Date.UTC rolls 2024-02-30 over to March; a signing time like that is malformed, not a date.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return time;
}
