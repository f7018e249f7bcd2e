/** Formats epoch milliseconds the way the API prints times: `yyyy-MM-dd HH:mm:ss` (the emulator uses UTC). */
export function formatApiTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
