/** A stream the CLI writes to (process.stdout or a test double). */
export interface OutputStream {
  write(text: string): unknown;
  /** True on a terminal: tables, colours and the progress bar. */
  readonly isTTY?: boolean;
  /** The terminal's width, when it has one. */
  readonly columns?: number;
}

/** Everything the CLI touches outside itself, so that it can run in-process too. */
export interface CliIo {
  /** Where results go. */
  readonly stdout: OutputStream;
  /** Where errors, notes, debug lines and the progress bar go. */
  readonly stderr: OutputStream;
  /** The environment (credentials, NO_COLOR, ALIBABA_CLOUD_ENDPOINT ...). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The package version that `--version` prints. */
  readonly version: string;
  /** Standard input, read when a flag's value is `-` (`resume --instance-id -`). */
  readonly stdin?: AsyncIterable<string | Uint8Array>;
  /** Aborted on Ctrl-C: bulk commands stop starting new calls and print what they did. */
  readonly signal?: AbortSignal;
}
