// encodeURIComponent leaves !'()* alone; Alibaba's RPC encoding (RFC 3986 unreserved only) does not.
const EXTRA = /[!'()*]/g;
const hex = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;

/** Percent-encodes text the way Alibaba Cloud signs it: only A-Z a-z 0-9 - _ . ~ stay as they are. */
export function rpcEncode(text: string): string {
  return encodeURIComponent(text).replace(EXTRA, hex);
}
