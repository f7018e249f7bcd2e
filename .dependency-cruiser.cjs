// `npm run check:cycles` (part of `npm test`): no import cycle in any package's src. Type-only
// imports count too: a cycle of types is still two modules that each need the other to be read.
/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Modules that import each other, directly or through others: give the shared concept one home both can import.",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    includeOnly: "^(packages|apps|tools)/[^/]+/src/",
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
  },
};
