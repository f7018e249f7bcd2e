/** DMS shows times in the flow's time zone, Asia/Shanghai unless the schedule names another. */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Per zone, the last whole second formatted: the engine formats many node times within the same second. */
const lastFormatted = new Map<string, { second: number; text: string }>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    // sv-SE writes yyyy-MM-dd HH:mm:ss, the API's own layout.
    formatter = new Intl.DateTimeFormat("sv-SE", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Whether `zone` is an IANA time zone this Node knows. */
export function isTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** Epoch milliseconds as `yyyy-MM-dd HH:mm:ss` in a time zone. */
export function formatZonedTime(ms: number, zone: string): string {
  // Intl formatting costs microseconds; a node run formats two times, so the last second is reused.
  const second = Math.floor(ms / 1000);
  const last = lastFormatted.get(zone);
  if (last?.second === second) return last.text;
  const text = formatterFor(zone).format(new Date(second * 1000));
  lastFormatted.set(zone, { second, text });
  return text;
}

/** The epoch milliseconds of a wall-clock `yyyy-MM-dd[ HH:mm:ss]` in a time zone, or undefined when it is not one. */
export function parseZonedTime(text: string, zone: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [y, mo, d, h = "0", mi = "0", s = "0"] = match.slice(1).map((part) => part ?? "0");
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== Number(d)) return undefined;
  // The zone's offset at that instant, found by formatting a first guess; twice settles DST edges.
  let guess = wall;
  for (let i = 0; i < 2; i++) guess = wall - (Date.parse(`${formatZonedTime(guess, zone).replace(" ", "T")}Z`) - guess);
  return guess;
}
