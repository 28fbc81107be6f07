import { parseCidr } from '../../src/validation/cidr';

describe('parseCidr', () => {
  test.each([
    ['10.0.0.0/16', 4, 16], ['0.0.0.0/0', 4, 0], ['203.0.113.7/32', 4, 32], ['::/0', 6, 0], ['2001:db8::/32', 6, 32], ['fd00::1/128', 6, 128],
  ])('%s is IPv%s /%s', (cidr, version, prefix) => expect(parseCidr(cidr)).toEqual({ version, prefix }));
  test.each(['10.0.0.0', '10.0.0.0/33', '256.0.0.0/8', '10.1/16', '10.0.0.0/-1', '::/129', 'abc', '', '10.0.0.0/16 '])('%p is not a CIDR block', cidr =>
    expect(parseCidr(cidr)).toBeUndefined());
});
