// The console's entry: reads the domain tables, follows the emulator, and shows the page the address
// names (#/, #/flow/<DagId>, #/run/<Id>, #/requests, #/faults).
import { api, loadMeta } from "./api.js";
import { h } from "./dom.js";
import { faultsPage } from "./faultsPage.js";
import { flowPage } from "./flowPage.js";
import { Live } from "./live.js";
import { overviewPage } from "./overviewPage.js";
import { requestsPage } from "./requestsPage.js";
import { runPage } from "./runPage.js";
import { actionButton, notify } from "./views.js";

const ROUTES = [
  [/^#\/flow\/(\d+)$/, flowPage],
  [/^#\/run\/(\d+)$/, runPage],
  [/^#\/requests$/, requestsPage],
  [/^#\/faults$/, faultsPage],
  [/^(#\/?)?$/, overviewPage],
];

const MODES = {
  connecting: "connecting…",
  stream: "live (event stream)",
  reconnecting: "reconnecting…",
  polling: "live (polling)",
};

function resetControl(meta, reopen) {
  const reseed = h("input", { type: "checkbox", name: "reseed", checked: meta.reseedable, disabled: !meta.reseedable });
  const holder = h("span");
  const ask = actionButton("Reset…", { type: "button", name: "reset" }, async () => {
    holder.replaceChildren(
      h("label", { title: "Apply the seed the emulator started with" }, reseed, " reseed"),
      " ",
      actionButton("Confirm reset", { type: "button", class: "danger", name: "confirm-reset" }, async () => {
        const answer = await api("reset", { method: "POST", body: { reseed: reseed.checked } });
        notify(
          answer.seeded
            ? "Reset, and seeded again with the start-up seed."
            : "Reset: access keys and tenants kept, everything else emptied.",
        );
        holder.replaceChildren(ask);
        if (location.hash === "#/" || location.hash === "") reopen();
        else location.hash = "#/";
      }),
      " ",
      h("button", { type: "button", onclick: () => holder.replaceChildren(ask) }, "Cancel"),
    );
  });
  holder.append(ask);
  return holder;
}

async function main() {
  const page = document.getElementById("page");
  const meta = await loadMeta();
  const liveBadge = document.getElementById("live");
  const live = new Live(meta.eventsPath, (mode) => {
    liveBadge.textContent = MODES[mode] ?? mode;
    liveBadge.dataset.mode = mode;
  });
  let dispose = () => {};
  let opening = 0;
  const open = async () => {
    dispose();
    dispose = () => {};
    const ticket = ++opening;
    const [pattern, render] = ROUTES.find(([re]) => re.test(location.hash)) ?? ROUTES.at(-1);
    const params = pattern.exec(location.hash)?.slice(1) ?? [];
    const root = h("div", { class: "page" });
    page.replaceChildren(root);
    try {
      const stop = await render(root, { meta, live, params });
      // A newer navigation happened while this page loaded: stop this one at once.
      if (ticket !== opening) stop();
      else dispose = stop;
    } catch (error) {
      root.replaceChildren(h("p", { class: "error" }, `${error.message}${error.code ? ` (${error.code})` : ""}`));
    }
  };
  document.getElementById("reset").append(resetControl(meta, open));
  window.addEventListener("hashchange", open);
  await open();
}

main().catch((error) => {
  document.getElementById("page").textContent = `The console could not start: ${error.message}`;
});
