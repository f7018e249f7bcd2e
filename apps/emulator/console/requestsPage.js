// The request history, live, with filters on the action and the outcome.
import { api } from "./api.js";
import { h } from "./dom.js";

const SHOWN = 500;

/**
 * How a request ended, for the outcome filter, from a history entry (apps/emulator/src/log/requestHistory.ts):
 * its fault, HTTP status and outcome (`Success` or the error code).
 */
export function outcomeOf(entry) {
  if (entry.fault) return "fault";
  if (entry.status === 0) return "no answer";
  if (entry.status >= 400) return "gateway error";
  if (entry.outcome !== "Success") return "business error";
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
    h("td", {}, entry.outcome === "Success" ? "" : (entry.outcome ?? "")),
    h("td", {}, entry.fault ?? ""),
    h("td", { class: "num" }, entry.latencyMs === undefined ? "" : entry.latencyMs.toFixed(1)),
    h("td", {}, entry.accessKeyId ?? ""),
  );
}

/** The requests page. */
export async function requestsPage(root, { meta, live }) {
  // Oldest first; a request reaches the page once, by the stream or by a read of the history.
  const entries = [];
  const seen = new Set();
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
    let added = 0;
    for (const e of list) {
      if (seen.has(e.requestId)) continue;
      seen.add(e.requestId);
      entries.push(e);
      added++;
    }
    // A read of the history can answer after newer requests came by the stream: keep time order.
    // ISO times compare as strings; the sort is stable for requests of the same millisecond.
    if (added > 1 || (added === 1 && entries.length > 1 && entries.at(-2).time > entries.at(-1).time)) {
      entries.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
    }
    if (entries.length > SHOWN * 2) {
      for (const gone of entries.splice(0, entries.length - SHOWN * 2)) seen.delete(gone.requestId);
    }
  };
  const refresh = async () => {
    // The emulator's request history lists the newest first.
    const answer = await api(`requests?limit=${SHOWN}`);
    add(answer.requests.reverse());
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
  let pending;
  const stop = await live.follow(
    (kind, event) => {
      if (kind !== "request") return;
      add([event]);
      // Many requests a second redraw at most ten times a second.
      pending ??= setTimeout(() => {
        pending = undefined;
        draw();
      }, 100);
    },
    refresh,
    1000,
  );
  return () => {
    stop();
    clearTimeout(pending);
  };
}
