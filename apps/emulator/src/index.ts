/** Version marker until the package's own issue lands. */
export const PACKAGE_STAGE = "scaffold";
