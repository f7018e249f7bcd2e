/**
 * The data file cannot be opened or belongs to something else; the message says which and why.
 * In its own module so the public declarations never reach better-sqlite3's types.
 */
export class DataFileError extends Error {
  override readonly name = "DataFileError";
}
