/**
 * @dmsflow/client: generated types, operation descriptors, serializers and one function per
 * operation of the DMS Enterprise task-flow API. Everything lives in ./generated (never edit it).
 */
export * from "./generated/index.js";
