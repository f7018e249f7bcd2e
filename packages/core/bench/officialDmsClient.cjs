// ResumeTaskFlowInstance exactly as the official DMS SDK 3.x (@alicloud/dms-enterprise20181101,
// which the project registry does not serve) calls it on @alicloud/openapi-core 1.0.8: the same
// models, validate(), query building, Params and $dara.cast, reduced to this one operation.
const $dara = require("@darabonba/typescript");
const OpenApi = require("@alicloud/openapi-core");
const { OpenApiUtil, $OpenApiUtil } = OpenApi;

class ResumeTaskFlowInstanceRequest extends $dara.Model {
  static names() {
    return { dagId: "DagId", dagInstanceId: "DagInstanceId", dagVersion: "DagVersion", tid: "Tid" };
  }
  static types() {
    return { dagId: "number", dagInstanceId: "number", dagVersion: "string", tid: "number" };
  }
  validate() {
    super.validate();
  }
}

class ResumeTaskFlowInstanceResponseBody extends $dara.Model {
  static names() {
    return { errorCode: "ErrorCode", errorMessage: "ErrorMessage", requestId: "RequestId", success: "Success" };
  }
  static types() {
    return { errorCode: "string", errorMessage: "string", requestId: "string", success: "boolean" };
  }
}

class ResumeTaskFlowInstanceResponse extends $dara.Model {
  static names() {
    return { headers: "headers", statusCode: "statusCode", body: "body" };
  }
  static types() {
    return {
      headers: { type: "map", keyType: "string", valueType: "string" },
      statusCode: "number",
      body: ResumeTaskFlowInstanceResponseBody,
    };
  }
}

class DmsEnterpriseClient extends OpenApi.default {
  constructor(config) {
    super(config);
    this._endpointRule = "central";
    this.checkConfig(config);
    this._endpoint = this.getEndpoint(
      "dms-enterprise",
      this._regionId,
      this._endpointRule,
      this._network,
      this._suffix,
      this._endpointMap,
      this._endpoint,
    );
  }
  getEndpoint(productId, regionId, endpointRule, network, suffix, endpointMap, endpoint) {
    if (!$dara.isNull(endpoint)) return endpoint;
    if (!$dara.isNull(endpointMap) && !$dara.isNull(endpointMap[regionId])) return endpointMap[regionId];
    return OpenApiUtil.getEndpointRules(productId, regionId, endpointRule, network, suffix);
  }
  async resumeTaskFlowInstanceWithOptions(request, runtime) {
    request.validate();
    const query = {};
    if (!$dara.isNull(request.dagId)) query.DagId = request.dagId;
    if (!$dara.isNull(request.dagInstanceId)) query.DagInstanceId = request.dagInstanceId;
    if (!$dara.isNull(request.dagVersion)) query.DagVersion = request.dagVersion;
    if (!$dara.isNull(request.tid)) query.Tid = request.tid;
    const req = new $OpenApiUtil.OpenApiRequest({ query: OpenApiUtil.query(query) });
    const params = new $OpenApiUtil.Params({
      action: "ResumeTaskFlowInstance",
      version: "2018-11-01",
      protocol: "HTTPS",
      pathname: "/",
      method: "POST",
      authType: "AK",
      style: "RPC",
      reqBodyType: "formData",
      bodyType: "json",
    });
    return $dara.cast(await this.callApi(params, req, runtime), new ResumeTaskFlowInstanceResponse({}));
  }
  async resumeTaskFlowInstance(request) {
    const runtime = new $dara.RuntimeOptions({});
    return await this.resumeTaskFlowInstanceWithOptions(request, runtime);
  }
}

module.exports = { DmsEnterpriseClient, ResumeTaskFlowInstanceRequest, Config: $OpenApiUtil.Config };
