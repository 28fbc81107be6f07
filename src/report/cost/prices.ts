/** Unit prices in USD, and where they come from (tests pass their own round numbers). */
export interface Prices {
  readonly region: string;
  readonly recorded: string;
  readonly sources: readonly string[];
  readonly hoursPerMonth: number;
  readonly natGatewayHour: number;
  readonly natGatewayGb: number;
  readonly interfaceEndpointAzHour: number;
  readonly interfaceEndpointGb: number;
  readonly albHour: number;
  readonly albLcuHour: number;
  readonly publicIpv4Hour: number;
  readonly fargateX86VcpuHour: number;
  readonly fargateX86GbHour: number;
  readonly fargateArmVcpuHour: number;
  readonly fargateArmGbHour: number;
  readonly fargateStorageGbHour: number;
  readonly fargateSpotDiscount: number;
}

/**
 * Unit prices used by the cost report: AWS on-demand list prices for us-east-1 (Linux),
 * as published on the AWS pricing pages below and as known to the author when this file
 * was written. They are NOT fetched live: check the pages before relying on a number.
 */
export const PRICES: Prices = {
  region: 'us-east-1',
  /** When these constants were recorded (from the published pages as known; no live check). */
  recorded: '2026-11-26',
  sources: [
    'https://aws.amazon.com/vpc/pricing/ (NAT gateway, public IPv4)',
    'https://aws.amazon.com/privatelink/pricing/ (interface endpoints)',
    'https://aws.amazon.com/elasticloadbalancing/pricing/ (ALB)',
    'https://aws.amazon.com/fargate/pricing/ (Fargate, Fargate Spot)',
  ],
  hoursPerMonth: 730,
  natGatewayHour: 0.045,
  natGatewayGb: 0.045,
  interfaceEndpointAzHour: 0.01,
  interfaceEndpointGb: 0.01,
  albHour: 0.0225,
  albLcuHour: 0.008,
  publicIpv4Hour: 0.005,
  fargateX86VcpuHour: 0.04048,
  fargateX86GbHour: 0.004445,
  fargateArmVcpuHour: 0.03238,
  fargateArmGbHour: 0.00356,
  /** Ephemeral storage above the free 20 GiB, per GB-hour. */
  fargateStorageGbHour: 0.000111,
  /** Fargate Spot's discount off on-demand: "up to 70%"; Spot prices move, this is the usual figure. */
  fargateSpotDiscount: 0.7,
};
