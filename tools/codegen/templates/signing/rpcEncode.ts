// encodeURIComponent leaves !'()* alone; Alibaba's RPC encoding (RFC 3986 unreserved only) does not.
const EXTRA = /[!'()*]/g;
const NEEDS_ENCODING = /[^A-Za-z0-9\-_.~]/;
const hex = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;

/** Percent-encodes text the way Alibaba Cloud signs it: only A-Z a-z 0-9 - _ . ~ stay as they are. */
export function rpcEncode(text: string): string {
  // Most values (ids, names, nonces) need no encoding at all; checking is cheaper than encoding.
  return NEEDS_ENCODING.test(text) ? encodeURIComponent(text).replace(EXTRA, hex) : text;
}
