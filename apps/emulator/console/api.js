// The console's JSON API under /_emulator/console/api/. Writes carry the console's header, which a page
// of another site cannot send without a CORS preflight that the emulator never approves.
const BASE = "/_emulator/console/api/";

/** An answer of the emulator that was not 2xx: its code and message, as the emulator wrote them. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Calls the console API; resolves to the parsed JSON, or rejects with an ApiError. */
export async function api(path, options = {}) {
  const method = options.method ?? "GET";
  const headers = method === "GET" ? {} : { "content-type": "application/json", "x-dmsflow-console": "1" };
  const res = await fetch(BASE + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: "same-origin",
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, data.Code ?? `HTTP${res.status}`, data.Message ?? `HTTP ${res.status}`);
  return data;
}

let meta;
/** The domain tables from the spec (statuses, trigger types, run actions, operations, fault outcomes), read once. */
export function loadMeta() {
  meta ??= api("meta").then((m) => ({
    ...m,
    statusName: new Map(m.statuses.map((st) => [st.value, st.name])),
    statusDescription: new Map(m.statuses.map((st) => [st.value, st.description])),
    triggerTypeName: new Map(m.triggerTypes.map((t) => [t.value, t.name])),
  }));
  return meta;
}
