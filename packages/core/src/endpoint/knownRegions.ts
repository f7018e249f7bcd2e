/** What the reference says about one DMS Enterprise region. */
export interface DmsRegion {
  /** The region ID, e.g. `cn-hangzhou`. */
  readonly id: string;
  /** Where it is. */
  readonly location: string;
  /** Whether the API metadata lists a VPC endpoint for it. */
  readonly vpc: boolean;
}

/**
 * The regions with a DMS Enterprise endpoint (`dms-enterprise.<region>.aliyuncs.com`), from the
 * endpoint documentation and the API metadata. us-west-1, us-east-1 and eu-central-1 follow the
 * documented pattern without a confirming source; pass `endpoint` if one of them does not answer.
 */
export const KNOWN_REGIONS: readonly DmsRegion[] = [
  { id: "cn-qingdao", location: "Qingdao", vpc: true },
  { id: "cn-beijing", location: "Beijing", vpc: true },
  { id: "cn-zhangjiakou", location: "Zhangjiakou", vpc: true },
  { id: "cn-huhehaote", location: "Hohhot", vpc: true },
  { id: "cn-hangzhou", location: "Hangzhou", vpc: true },
  { id: "cn-shanghai", location: "Shanghai", vpc: true },
  { id: "cn-shenzhen", location: "Shenzhen", vpc: true },
  { id: "cn-chengdu", location: "Chengdu", vpc: true },
  { id: "cn-hongkong", location: "Hong Kong", vpc: true },
  { id: "ap-southeast-1", location: "Singapore", vpc: true },
  { id: "ap-southeast-2", location: "Sydney", vpc: false },
  { id: "ap-southeast-3", location: "Kuala Lumpur", vpc: true },
  { id: "ap-southeast-5", location: "Jakarta", vpc: true },
  { id: "ap-northeast-1", location: "Tokyo", vpc: true },
  { id: "ap-northeast-2", location: "Seoul", vpc: false },
  { id: "us-west-1", location: "Silicon Valley", vpc: true },
  { id: "us-east-1", location: "Virginia", vpc: true },
  { id: "eu-central-1", location: "Frankfurt", vpc: true },
];
