import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
/** A fixture spec by name (test/fixtures/<name>.yaml). */
export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}.yaml`, import.meta.url));
/** The runtime templates folder (one subfolder per part of the client). */
export const TEMPLATES = fileURLToPath(new URL("../templates", import.meta.url));
/** The real spec. */
export const DMS_SPEC = fileURLToPath(new URL("../../../specs/dms-enterprise/2018-11-01/openapi.yaml", import.meta.url));
