// Small pieces the pages share: a status badge, a table, the run actions' availability.
import { h } from "./dom.js";

/** The status name of a status value ("" for none, e.g. a node that never ran here). */
export function statusName(meta, value) {
  return value === null || value === undefined ? "" : (meta.statusName.get(value) ?? `status ${value}`);
}

/** How a run was started, by the spec's trigger type name (e.g. manual). */
export function triggerName(meta, value) {
  return meta.triggerTypeName.get(value) ?? `trigger ${value}`;
}

/** A badge for a status value, coloured by its name. */
export function statusBadge(meta, value) {
  const name = statusName(meta, value);
  return h(
    "span",
    { class: "badge", "data-status": name, title: meta.statusDescription.get(value) ?? "" },
    name || "not run here",
  );
}

/** A table with a header row and one row per item. */
export function table(headers, rows, attrs = {}) {
  return h(
    "table",
    attrs,
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        headers.map((t) => h("th", {}, t)),
      ),
    ),
    h("tbody", {}, rows),
  );
}

/** A button that runs an async action, disabled while it runs; errors go to the notice. */
export function actionButton(label, attrs, run) {
  const button = h(
    "button",
    {
      ...attrs,
      onclick: async () => {
        button.disabled = true;
        try {
          await run();
        } catch (error) {
          notify(`${label}: ${error.message}${error.code ? ` (${error.code})` : ""}`, "error");
        } finally {
          button.disabled = attrs.disabled ?? false;
        }
      },
    },
    label,
  );
  return button;
}

/** Shows a message under the bar (errors stay until the next message). */
export function notify(text, kind = "info") {
  const notice = document.getElementById("notice");
  notice.textContent = text;
  notice.dataset.kind = kind;
  notice.hidden = false;
  clearTimeout(notify.timer);
  if (kind !== "error") notify.timer = setTimeout(() => (notice.hidden = true), 4000);
}
