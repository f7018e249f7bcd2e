// One task flow: its graph laid out as a DAG, its versions and its runs; a trial run; a node's
// simulated behaviour (duration, failure rate, fail next) editable by clicking the node.
import { api } from "./api.js";
import { h, link, when } from "./dom.js";
import { drawGraph } from "./graph.js";
import { deployed } from "./overviewPage.js";
import { actionButton, notify, statusBadge, table, triggerName } from "./views.js";

function behaviourForm(dagId, node, current) {
  const duration = h("input", { type: "number", min: 0, step: 1, value: current.durationMs, name: "durationMs" });
  const rate = h("input", { type: "number", min: 0, max: 1, step: 0.05, value: current.failureRate, name: "failureRate" });
  const failNext = h("input", {
    type: "text",
    placeholder: "message (empty: none)",
    value: current.failNext?.message ?? "",
    name: "failNext",
  });
  return h(
    "form",
    { class: "behaviour", onsubmit: (e) => e.preventDefault() },
    h("h3", {}, `Node ${node.name} `, h("small", {}, node.id)),
    h("label", {}, "Duration (ms) ", duration),
    h("label", {}, "Failure rate ", rate),
    h("label", {}, "Fail next run with ", failNext),
    actionButton("Save behaviour", { type: "button" }, async () => {
      const body = {
        durationMs: Number(duration.value),
        failureRate: Number(rate.value),
        failNext: failNext.value.trim() ? { message: failNext.value.trim() } : null,
      };
      await api(`flows/${dagId}/nodes/${node.id}/behaviour`, { method: "PUT", body });
      notify(`Saved the behaviour of ${node.name}.`);
    }),
  );
}

function runsTable(meta, runs) {
  return table(
    ["Run", "Status", "Version", "Trigger", "Business time", "Start", "End"],
    runs.map((r) =>
      h(
        "tr",
        { "data-run-id": r.Id },
        h("td", {}, link(`#/run/${r.Id}`, r.Id)),
        h("td", {}, statusBadge(meta, r.status)),
        h("td", {}, r.DagVersion || "–"),
        h("td", {}, triggerName(meta, r.triggerType)),
        h("td", {}, when(r.businessTime)),
        h("td", {}, when(r.startTime)),
        h("td", {}, when(r.endTime)),
      ),
    ),
    { class: "runs" },
  );
}

function render(root, meta, flow) {
  const side = h("div", { class: "side" }, h("p", { class: "muted" }, "Click a node to set its simulated behaviour."));
  const graph = drawGraph(
    flow.graph,
    () => "",
    async (node) => {
      const current = await api(`flows/${flow.DagId}/nodes/${node.id}/behaviour`);
      side.replaceChildren(behaviourForm(flow.DagId, node, current));
    },
  );
  const runs = runsTable(meta, flow.runs);
  const versions = table(
    ["Version", "Previous", "Comments"],
    flow.versions.map((v) => h("tr", {}, h("td", {}, v.VersionId), h("td", {}, v.lastVersionId ?? "–"), h("td", {}, v.comments))),
  );
  const s = flow.schedule;
  root.replaceChildren(
    h("p", { class: "crumbs" }, link("#/", "Task flows"), ` / tenant ${flow.Tid}`),
    h("h1", {}, `${flow.name} `, h("small", {}, flow.DagId)),
    h(
      "p",
      { class: "facts" },
      `Owner ${flow.owner} · Schedule ${s ? `${s.triggerType} ${s.cron ?? ""}${s.enabled ? "" : " (off)"}` : "none"} · Deployed `,
      flow.deployment ? deployed(flow.deployment) : "never",
      " ",
      actionButton("Try run", { type: "button", class: "primary" }, async () => {
        const started = await api(`flows/${flow.DagId}/tryRun`, { method: "POST" });
        location.hash = `#/run/${started.InstanceId}`;
      }),
    ),
    h("div", { class: "graph-row" }, h("div", { class: "graph-box", "data-graph": "flow" }, graph.svg), side),
    h("h2", {}, `Runs (latest ${flow.runs.length})`),
    runs,
    h("h2", {}, `Versions (${flow.versionCount})`),
    versions,
  );
  document.body.dataset.graphDrawnMs = String(performance.now());
}

/** The page of one task flow. */
export async function flowPage(root, { meta, live, params }) {
  const dagId = params[0];
  let graphDrawn = false;
  const refresh = async () => {
    const flow = await api(`flows/${dagId}`);
    if (!graphDrawn) {
      render(root, meta, flow);
      graphDrawn = true;
      return;
    }
    // Later reads replace the runs only, so an open behaviour form and the graph stay put.
    root.querySelector("table.runs")?.replaceWith(runsTable(meta, flow.runs));
  };
  let pending;
  const stop = await live.follow(
    (kind, event) => {
      if (((kind === "run" && event.dagId === dagId) || kind === "state") && !pending)
        pending = setTimeout(() => refresh().finally(() => (pending = undefined)), 500);
    },
    refresh,
    2000,
  );
  return () => {
    stop();
    clearTimeout(pending);
  };
}
