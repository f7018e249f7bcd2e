/** A pinned Node runtime of the test matrix. */
export interface PinnedRuntime {
  readonly alias: string;
  readonly major: number;
  readonly version: string;
  readonly dir: string;
}
/** An installed matrix runtime: its binary, native-addon ABI and a label such as "Node v24.22.3". */
export interface MatrixRuntime extends PinnedRuntime {
  readonly node: string;
  readonly abi: number;
  readonly label: string;
}
/** This folder. */
export declare const MATRIX_DIR: string;
/** The workspace root. */
export declare const ROOT: string;
/** The pinned runtimes for a platform (default: this one). */
export declare function pinnedRuntimes(platform?: string): PinnedRuntime[];
/** The version a node binary reports and its ABI. */
export declare function probeNode(node: string): { version: string; abi: number };
/** The installed matrix runtimes; throws naming a missing one. */
export declare function matrixRuntimes(): MatrixRuntime[];
