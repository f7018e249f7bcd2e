/** Marks errors raised while opening a proxy tunnel, so the transport can say the proxy failed. */
export const PROXY_FAILURE = Symbol("dmsflow.proxyFailure");
