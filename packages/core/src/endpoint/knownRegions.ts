/** What the reference says about one DMS Enterprise region. */
export interface DmsRegion {
  /** The region ID, e.g. `cn-hangzhou`. */
  readonly id: string;
  /** Whether the API metadata lists a VPC endpoint for it. */
  readonly vpc: boolean;
}

/**
 * The regions with a DMS Enterprise endpoint (`dms-enterprise.<region>.aliyuncs.com`), from the
 * endpoint documentation and the API metadata. us-west-1, us-east-1 and eu-central-1 follow the
 * documented pattern without a confirming source; pass `endpoint` if one of them does not answer.
 */
export const KNOWN_REGIONS: readonly DmsRegion[] = [
  { id: "cn-qingdao", vpc: true },
  { id: "cn-beijing", vpc: true },
  { id: "cn-zhangjiakou", vpc: true },
  { id: "cn-huhehaote", vpc: true },
  { id: "cn-hangzhou", vpc: true },
  { id: "cn-shanghai", vpc: true },
  { id: "cn-shenzhen", vpc: true },
  { id: "cn-chengdu", vpc: true },
  { id: "cn-hongkong", vpc: true },
  { id: "ap-southeast-1", vpc: true },
  { id: "ap-southeast-2", vpc: false },
  { id: "ap-southeast-3", vpc: true },
  { id: "ap-southeast-5", vpc: true },
  { id: "ap-northeast-1", vpc: true },
  { id: "ap-northeast-2", vpc: false },
  { id: "us-west-1", vpc: true },
  { id: "us-east-1", vpc: true },
  { id: "eu-central-1", vpc: true },
];
