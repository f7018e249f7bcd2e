// One run: the graph with every node coloured by its status, live; the failed node's message; the
// operator actions, enabled by the statuses the spec's transition rules accept.
import { api } from "./api.js";
import { h, link, when } from "./dom.js";
import { drawGraph } from "./graph.js";
import { actionButton, notify, statusBadge, statusName, triggerName } from "./views.js";

const LABELS = { resume: "Resume", suspend: "Suspend", stop: "Stop", rerun: "Rerun", succeed: "Mark succeeded" };

function nodeRows(meta, nodes) {
  return nodes.map((n) =>
    h(
      "tr",
      { "data-node-id": n.id },
      h("td", {}, n.name),
      h("td", {}, statusBadge(meta, n.status)),
      h("td", {}, String(n.attempts)),
      h("td", {}, when(n.startTime)),
      h("td", {}, when(n.endTime)),
      h("td", { class: "message" }, n.message || ""),
    ),
  );
}

/** The page of one run. */
export async function runPage(root, { meta, live, params }) {
  const instanceId = params[0];
  let run;
  let graph;
  const head = h("div");
  const failures = h("div", { class: "failures" });
  const nodesBody = h("tbody");

  const showRun = () => {
    const failed = run.nodes.filter((n) => statusName(meta, n.status) === "failed");
    head.replaceChildren(
      h("p", { class: "crumbs" }, link("#/", "Task flows"), " / ", link(`#/flow/${run.DagId}`, run.flowName ?? run.DagId)),
      h("h1", {}, `Run ${run.Id} `, h("span", { id: "run-status" }, statusBadge(meta, run.status))),
      h(
        "p",
        { class: "facts" },
        `Version ${run.DagVersion || "–"} · ${triggerName(meta, run.triggerType)} · business time ${when(run.businessTime)} · started ${when(run.startTime)} · ended ${when(run.endTime)}`,
        run.drivenByEngine ? "" : " · no node runs here (seeded): the graph is its version's",
      ),
      run.message ? h("p", { class: "run-message" }, run.message) : "",
      h(
        "p",
        { class: "actions" },
        meta.runActions.map((a) =>
          actionButton(
            LABELS[a.verb] ?? a.verb,
            { type: "button", "data-action": a.verb, disabled: !a.from.includes(run.status), title: a.action },
            async () => {
              await api(`runs/${instanceId}/${a.verb}`, { method: "POST" });
              notify(`${LABELS[a.verb] ?? a.verb}: done.`);
              await refresh();
            },
          ),
        ),
      ),
    );
    failures.replaceChildren(
      ...failed.map((n) =>
        h(
          "p",
          { class: "failed-node", "data-node-id": n.id },
          h("strong", {}, `${n.name} failed: `),
          n.message || "(no message)",
        ),
      ),
    );
    nodesBody.replaceChildren(...nodeRows(meta, run.nodes));
  };

  // Events of this run seen so far. An answer to a request sent before one of them may be older than
  // the event (already drawn): such an answer is asked for again rather than drawn over it.
  let changes = 0;
  const fetchRun = async () => {
    for (;;) {
      const seen = changes;
      const fresh = await api(`runs/${instanceId}`);
      if (seen === changes) return fresh;
    }
  };

  const refresh = async () => {
    run = await fetchRun();
    if (!graph) {
      graph = drawGraph(run.nodes, (n) => statusName(meta, n.status));
      root.replaceChildren(
        head,
        failures,
        h("div", { class: "graph-box", "data-graph": "run" }, graph.svg),
        h("h2", {}, "Nodes"),
        h(
          "table",
          { class: "nodes" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              ["Node", "Status", "Attempts", "Started", "Ended", "Message"].map((t) => h("th", {}, t)),
            ),
          ),
          nodesBody,
        ),
      );
      document.body.dataset.graphDrawnMs = String(performance.now());
    } else for (const n of run.nodes) graph.setStatus(n.id, statusName(meta, n.status));
    showRun();
  };
  let pending;
  const stop = await live.follow(
    (kind, event) => {
      if (kind === "state" && !pending) {
        pending = setTimeout(() => refresh().finally(() => (pending = undefined)), 100);
        return;
      }
      if (event.instanceId !== instanceId) return;
      changes++;
      // Before the first answer is drawn, counting is enough: fetchRun asks again.
      if (!graph) return;
      if (kind === "node") {
        // A node event carries everything the node shows: update it in place.
        const node = run.nodes.find((n) => n.id === event.nodeId);
        if (node) Object.assign(node, { status: event.status, attempts: event.attempt, message: event.message });
        graph.setStatus(event.nodeId, statusName(meta, event.status));
        showRun();
      } else if (kind === "run" && !pending) pending = setTimeout(() => refresh().finally(() => (pending = undefined)), 100);
    },
    refresh,
    1000,
  );
  return () => {
    stop();
    clearTimeout(pending);
  };
}
