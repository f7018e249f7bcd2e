/** Why the upstream comparison could not run: a usage or input problem, printed without a stack trace. */
export class UpstreamInputError extends Error {
  override readonly name = "UpstreamInputError";
  /** A stable code: MetaFolderMissing, MetaUnreadable, MetaInvalid, SpecUnreadable, SpecInvalid. */
  readonly code: string;
  /** The file or folder concerned. */
  readonly file: string;

  constructor(code: string, file: string, message: string) {
    super(`${file}: ${message}`);
    this.code = code;
    this.file = file;
  }
}
