// Tenants and their task flows: owner, schedule, deployed version and latest run.
import { api } from "./api.js";
import { h, link, when } from "./dom.js";
import { statusBadge, table } from "./views.js";

function schedule(s) {
  if (!s) return "–";
  return `${s.triggerType}${s.cron ? ` ${s.cron}` : ""}${s.enabled ? "" : " (off)"}`;
}

/** The deployed version, or the deployment id of a flow seeded as deployed with no version named. */
export function deployed(d) {
  if (!d) return "–";
  return `${d.versionId ?? `deployment ${d.deployId}`}${d.online === false ? " (offline)" : ""}`;
}

function render(meta, data) {
  if (data.tenants.length === 0) return h("p", {}, "No tenants: seed the emulator, or reset it with its start-up seed.");
  return h(
    "div",
    {},
    data.tenants.map((t) =>
      h(
        "section",
        { class: "tenant", "data-tid": t.Tid },
        h("h2", {}, `${t.name} `, h("small", {}, `Tid ${t.Tid}`)),
        t.flows.length === 0
          ? h("p", { class: "muted" }, "No task flows.")
          : table(
              ["Task flow", "Owner", "Schedule", "Deployed version", "Latest run"],
              t.flows.map((f) =>
                h(
                  "tr",
                  { "data-dag-id": f.DagId },
                  h("td", {}, link(`#/flow/${f.DagId}`, f.name), h("small", {}, ` ${f.DagId}`)),
                  h("td", {}, f.owner),
                  h("td", {}, schedule(f.schedule)),
                  h("td", {}, deployed(f.deployment)),
                  h(
                    "td",
                    {},
                    f.latestRun
                      ? [
                          link(`#/run/${f.latestRun.Id}`, f.latestRun.Id),
                          " ",
                          statusBadge(meta, f.latestRun.status),
                          " ",
                          when(f.latestRun.startTime),
                        ]
                      : "–",
                  ),
                ),
              ),
            ),
      ),
    ),
  );
}

/** The overview page. */
export async function overviewPage(root, { meta, live }) {
  const refresh = async () => root.replaceChildren(h("h1", {}, "Task flows"), render(meta, await api("overview")));
  let pending;
  const stop = await live.follow(
    (kind) => {
      // A run started or ended, or the state was replaced: read again, at most once a second.
      if ((kind === "run" || kind === "state") && !pending)
        pending = setTimeout(() => refresh().finally(() => (pending = undefined)), 1000);
    },
    refresh,
    2000,
  );
  return () => {
    stop();
    clearTimeout(pending);
  };
}
