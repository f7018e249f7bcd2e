import { type Schema, writeValue } from "@dmsflow/client";
import type { GatewayFailure } from "../gateway/gatewayError.js";

/** The product host the real gateway reports as HostId. */
export const HOST_ID = "dms-enterprise.aliyuncs.com";

const PRODUCT = "dms-enterprise";

/** The gateway error body: {RequestId, HostId, Code, Message, Recommend}. */
export function gatewayErrorBody(requestId: string, failure: GatewayFailure): string {
  const recommend = `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(failure.code)}&product=${PRODUCT}&requestId=${requestId}`;
  return `{"RequestId":"${requestId}","HostId":"${HOST_ID}","Code":${JSON.stringify(failure.code)},"Message":${JSON.stringify(failure.message)},"Recommend":${JSON.stringify(recommend)}}`;
}

/**
 * A successful answer, written by the operation's response schema from the spec (writeValue): the
 * envelope, then the action's own members, int64 values as bare digits, in the spec's order.
 */
export function successBody(requestId: string, output: Schema, body: object): string {
  return writeValue(output, { RequestId: requestId, Success: true, ...body });
}

/** A business failure, still HTTP 200: {RequestId, Success:false, ErrorCode, ErrorMessage}. */
export function businessFailureBody(requestId: string, code: string, message: string): string {
  return `{"RequestId":"${requestId}","Success":false,"ErrorCode":${JSON.stringify(code)},"ErrorMessage":${JSON.stringify(message)}}`;
}
