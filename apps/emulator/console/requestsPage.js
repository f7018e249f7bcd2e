// The request history, live, with filters on the action and the outcome.
import { api } from "./api.js";
import { h } from "./dom.js";

const SHOWN = 500;

/** How a request ended, for the outcome filter: from its HTTP status, error code and fault. */
export function outcomeOf(entry) {
  if (entry.fault) return "fault";
  if (entry.status === 0) return "no answer";
  if (entry.status >= 400) return "gateway error";
  if (entry.code) return "business error";
  return "success";
}

const OUTCOMES = ["success", "business error", "gateway error", "fault", "no answer"];

function row(entry) {
  const outcome = outcomeOf(entry);
  return h(
    "tr",
    { "data-outcome": outcome, "data-action": entry.action ?? "" },
    h("td", {}, (entry.time ?? "").replace("T", " ").replace("Z", "")),
    h("td", {}, entry.action ?? "–"),
    h("td", {}, String(entry.status)),
    h("td", {}, outcome),
    h("td", {}, entry.code ?? ""),
    h("td", {}, entry.fault ?? ""),
    h("td", { class: "num" }, entry.latencyMs === undefined ? "" : entry.latencyMs.toFixed(1)),
    h("td", {}, entry.accessKeyId ?? ""),
  );
}

/** The requests page. */
export async function requestsPage(root, { meta, live }) {
  const entries = [];
  let lastSeq = 0;
  const action = h(
    "select",
    { name: "action" },
    h("option", { value: "" }, "every action"),
    meta.operations.map((op) => h("option", { value: op }, op)),
  );
  const outcome = h(
    "select",
    { name: "outcome" },
    h("option", { value: "" }, "every outcome"),
    OUTCOMES.map((o) => h("option", { value: o }, o)),
  );
  const body = h("tbody");
  const count = h("span", { class: "muted" });
  const draw = () => {
    const shown = entries.filter(
      (e) => (!action.value || e.action === action.value) && (!outcome.value || outcomeOf(e) === outcome.value),
    );
    body.replaceChildren(...shown.slice(-SHOWN).reverse().map(row));
    count.textContent = `${shown.length} of the last ${entries.length} requests`;
  };
  action.addEventListener("change", draw);
  outcome.addEventListener("change", draw);
  const add = (list) => {
    for (const e of list) {
      if (e.seq !== undefined) {
        if (e.seq <= lastSeq) continue;
        lastSeq = e.seq;
      }
      entries.push(e);
    }
    if (entries.length > SHOWN * 2) entries.splice(0, entries.length - SHOWN * 2);
  };
  const refresh = async () => {
    const answer = await api(`requests?after=${lastSeq}`);
    if (answer.lastSeq < lastSeq) {
      // The emulator restarted: start over.
      entries.length = 0;
      lastSeq = 0;
    }
    add(answer.requests);
    draw();
  };
  root.replaceChildren(
    h("h1", {}, "Requests"),
    h("p", { class: "filters" }, h("label", {}, "Action ", action), " ", h("label", {}, "Outcome ", outcome), " ", count),
    h(
      "table",
      { class: "requests" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["Time", "Action", "HTTP", "Outcome", "Code", "Fault", "ms", "Key"].map((t) => h("th", {}, t)),
        ),
      ),
      body,
    ),
  );
  await refresh();
  let pending;
  const unsubscribe = live.subscribe((kind, event) => {
    if (kind !== "request") return;
    add([event]);
    // Many requests a second redraw at most ten times a second.
    pending ??= setTimeout(() => {
      pending = undefined;
      draw();
    }, 100);
  });
  const stop = live.pollWithoutStream(1000, refresh);
  return () => {
    unsubscribe();
    stop();
    clearTimeout(pending);
  };
}
