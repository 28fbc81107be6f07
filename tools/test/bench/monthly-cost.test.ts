import { HourlyResources } from '../../../src/report/cost/hourly-resources';
import { breakEvenGb, costAt, fargateServiceMonthly, fargateTaskMonthly, fixedMonthlyCost } from '../../../src/report/cost/monthly-cost';
import { PRICES, Prices } from '../../../src/report/cost/prices';

// Round prices so expected values are easy to check by hand.
const P: Prices = {
  ...PRICES,
  hoursPerMonth: 100,
  natGatewayHour: 0.05,
  interfaceEndpointAzHour: 0.01,
  albHour: 0.02,
  publicIpv4Hour: 0.005,
  fargateX86VcpuHour: 0.04,
  fargateX86GbHour: 0.004,
  fargateArmVcpuHour: 0.03,
  fargateArmGbHour: 0.003,
  fargateStorageGbHour: 0.0001,
  fargateSpotDiscount: 0.7,
};

const none: HourlyResources = {
  natGateways: 0,
  interfaceEndpoints: 0,
  interfaceEndpointEnis: 0,
  applicationLoadBalancers: 0,
  publicIpv4: { elasticIps: 0, loadBalancerNodes: 0, publicTasks: 0 },
};

describe('fixedMonthlyCost', () => {
  test('prices NATs, endpoint ENIs, ALBs and every public IPv4 by the hour', () => {
    const c = fixedMonthlyCost({
      natGateways: 2,
      interfaceEndpoints: 3,
      interfaceEndpointEnis: 6,
      applicationLoadBalancers: 1,
      publicIpv4: { elasticIps: 2, loadBalancerNodes: 2, publicTasks: 4 },
    }, P);
    expect(c.natGateways).toBeCloseTo(10);
    expect(c.interfaceEndpoints).toBeCloseTo(6);
    expect(c.loadBalancers).toBeCloseTo(2);
    expect(c.publicIpv4).toBeCloseTo(4);
    expect(c.total).toBeCloseTo(22);
  });

  test('nothing hourly costs nothing', () => {
    expect(fixedMonthlyCost(none, P).total).toBe(0);
  });

  test('with the real us-east-1 prices, one NAT with its EIP is $36.50 a month', () => {
    expect(fixedMonthlyCost({ ...none, natGateways: 1, publicIpv4: { ...none.publicIpv4, elasticIps: 1 } }, PRICES).total).toBeCloseTo(36.5);
  });
});

describe('fargateTaskMonthly', () => {
  test('x86 on-demand bills task vCPU and GB by the hour', () => {
    expect(fargateTaskMonthly({ vcpu: 1, memoryGb: 2, arm64: false, spotShare: 0 }, P)).toBeCloseTo(4.8);
  });
  test('ARM64 uses the ARM prices', () => {
    expect(fargateTaskMonthly({ vcpu: 1, memoryGb: 2, arm64: true, spotShare: 0 }, P)).toBeCloseTo(3.6);
  });
  test('a Spot share takes the discount off that share only', () => {
    expect(fargateTaskMonthly({ vcpu: 1, memoryGb: 2, arm64: false, spotShare: 0.5 }, P)).toBeCloseTo(4.8 * 0.65);
    expect(fargateTaskMonthly({ vcpu: 1, memoryGb: 2, arm64: false, spotShare: 1 }, P)).toBeCloseTo(4.8 * 0.3);
  });
  test('ephemeral storage above 20 GiB is added at on-demand price', () => {
    expect(fargateTaskMonthly({ vcpu: 1, memoryGb: 2, arm64: false, spotShare: 0, extraStorageGb: 30 }, P)).toBeCloseTo(4.8 + 0.3);
  });
  test('with the real prices, 0.25 vCPU / 0.5 GB x86 is about $9.01 a month', () => {
    expect(fargateTaskMonthly({ vcpu: 0.25, memoryGb: 0.5, arm64: false, spotShare: 0 }, PRICES)).toBeCloseTo(9.01, 2);
  });
});

test('fargateServiceMonthly multiplies by the running tasks', () => {
  expect(fargateServiceMonthly({ logicalId: 'S', vcpu: 1, memoryGb: 2, arm64: false, desiredCount: 3, spotShare: 0, extraStorageGb: 0 }, P)).toBeCloseTo(14.4);
});

describe('breakEvenGb', () => {
  test('where a cheap-fixed, dear-per-GB line meets a dear-fixed, cheap-per-GB line', () => {
    const nat = { fixed: 36.5, perGb: 0.045 };
    const endpoints = { fixed: 43.8, perGb: 0.01 };
    const gb = breakEvenGb(nat, endpoints)!;
    expect(gb).toBeCloseTo(208.57, 1);
    expect(costAt(nat, gb)).toBeCloseTo(costAt(endpoints, gb));
  });
  test('never, when one line is cheaper at every volume', () => {
    expect(breakEvenGb({ fixed: 73, perGb: 0.045 }, { fixed: 43.8, perGb: 0.01 })).toBeUndefined();
  });
  test('never, with equal per-GB prices', () => {
    expect(breakEvenGb({ fixed: 1, perGb: 0.01 }, { fixed: 2, perGb: 0.01 })).toBeUndefined();
  });
});
