// The fault settings, editable: one rule per action (or * for every other action), each with the
// probability of every outcome, a latency and how many requests it still covers.
import { api } from "./api.js";
import { h } from "./dom.js";
import { actionButton, notify, table } from "./views.js";

function numberOrUndefined(text) {
  return text.trim() === "" ? undefined : Number(text);
}

/** The faults page. */
export async function faultsPage(root, { meta }) {
  let settings = await api("faults");
  const save = async (next) => {
    settings = await api("faults", { method: "PUT", body: next });
    notify("Fault settings saved.");
    draw();
  };
  const action = h(
    "select",
    { name: "action" },
    ["*", ...meta.operations].map((op) => h("option", { value: op }, op)),
  );
  const outcome = h(
    "select",
    { name: "outcome" },
    meta.faultOutcomes.map((o) => h("option", { value: o }, o)),
  );
  const probability = h("input", { name: "probability", type: "number", min: 0, max: 1, step: 0.05, value: 1 });
  const latency = h("input", { name: "latencyMs", type: "number", min: 0, step: 1, placeholder: "ms" });
  const remaining = h("input", { name: "remaining", type: "number", min: 1, step: 1, placeholder: "unlimited" });
  const rules = h("div");
  const seed = h("input", { name: "seed", type: "number", min: 0, step: 1 });

  function draw() {
    seed.value = settings.seed;
    const entries = Object.entries(settings.actions);
    rules.replaceChildren(
      entries.length === 0
        ? h("p", { class: "muted", id: "no-faults" }, "No faults: every request is answered normally.")
        : table(
            ["Action", ...meta.faultOutcomes, "latencyMs", "remaining", ""],
            entries.map(([name, rule]) =>
              h(
                "tr",
                { "data-fault-action": name },
                h("td", {}, name),
                meta.faultOutcomes.map((o) => h("td", {}, rule[o] === undefined ? "" : String(rule[o]))),
                h("td", {}, rule.latencyMs === undefined ? "" : JSON.stringify(rule.latencyMs)),
                h("td", {}, rule.remaining === undefined ? "" : String(rule.remaining)),
                h(
                  "td",
                  {},
                  actionButton("Remove", { type: "button" }, () => {
                    const { [name]: _removed, ...others } = settings.actions;
                    return save({ seed: settings.seed, actions: others });
                  }),
                ),
              ),
            ),
          ),
    );
  }

  root.replaceChildren(
    h("h1", {}, "Faults"),
    h(
      "p",
      { class: "muted" },
      "Faults apply to signed API requests (not to this console's buttons). One random draw per request picks an outcome.",
    ),
    rules,
    h(
      "form",
      { class: "fault-form", onsubmit: (e) => e.preventDefault() },
      h("label", {}, "Action ", action),
      h("label", {}, "Outcome ", outcome),
      h("label", {}, "Probability ", probability),
      h("label", {}, "Latency ", latency),
      h("label", {}, "Remaining ", remaining),
      actionButton("Set rule", { type: "button", class: "primary", name: "set-rule" }, () => {
        const rule = { ...(settings.actions[action.value] ?? {}) };
        rule[outcome.value] = Number(probability.value);
        const ms = numberOrUndefined(latency.value);
        if (ms !== undefined) rule.latencyMs = ms;
        const left = numberOrUndefined(remaining.value);
        if (left !== undefined) rule.remaining = left;
        return save({ seed: settings.seed, actions: { ...settings.actions, [action.value]: rule } });
      }),
    ),
    h(
      "p",
      {},
      h("label", {}, "PRNG seed ", seed),
      " ",
      actionButton("Save seed", { type: "button" }, () => save({ seed: Number(seed.value), actions: settings.actions })),
      " ",
      actionButton("Clear all faults", { type: "button", name: "clear-faults" }, () => save({})),
    ),
  );
  draw();
  return () => {};
}
