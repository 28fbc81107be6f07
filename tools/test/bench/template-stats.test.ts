import { markdownTable, usd } from '../../bench/markdown';
import { LINEAR_GROWTH_LIMIT, growthRatio, median, perServiceSlope } from '../../bench/stats';
import { countByType, diffByType, formatDifferences, totalResources } from '../../bench/template-stats';

describe('resource counts', () => {
  const a = countByType([
    { Resources: { R1: { Type: 'AWS::IAM::Role' }, R2: { Type: 'AWS::IAM::Role' } } },
    { Resources: { L: { Type: 'AWS::Logs::LogGroup' } } },
    {},
  ]);
  const b = countByType([{ Resources: { R1: { Type: 'AWS::IAM::Role' }, P: { Type: 'AWS::IAM::Policy' }, L: { Type: 'AWS::Logs::LogGroup' } } }]);

  test('countByType sums types over all templates', () => {
    expect(a).toEqual({ 'AWS::IAM::Role': 2, 'AWS::Logs::LogGroup': 1 });
    expect(totalResources(a)).toBe(3);
  });

  test('diffByType lists only the types whose counts differ', () => {
    expect(diffByType(a, b)).toEqual([
      { type: 'AWS::IAM::Policy', base: 0, other: 1 },
      { type: 'AWS::IAM::Role', base: 2, other: 1 },
    ]);
    expect(formatDifferences(diffByType(a, b))).toBe('IAM::Policy +1, IAM::Role -1');
    expect(formatDifferences(diffByType(a, a))).toBe('none');
  });
});

describe('timing statistics', () => {
  test('median of odd and even lists, order-independent', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/empty/);
  });

  test('per-service slope and growth ratio: linear growth is 1.0', () => {
    expect(perServiceSlope({ n: 1, ms: 100 }, { n: 11, ms: 300 })).toBe(20);
    expect(growthRatio([{ n: 1, ms: 100 }, { n: 10, ms: 190 }, { n: 50, ms: 590 }])).toBeCloseTo(1);
    // quadratic: t = n^2
    expect(growthRatio([{ n: 1, ms: 1 }, { n: 10, ms: 100 }, { n: 50, ms: 2500 }])).toBeGreaterThan(LINEAR_GROWTH_LIMIT);
    expect(() => growthRatio([{ n: 1, ms: 1 }])).toThrow(/three sizes/);
  });
});

describe('markdown', () => {
  test('table escapes pipes', () => {
    expect(markdownTable(['a', 'b'], [['1', 'x|y']])).toBe('| a | b |\n| --- | --- |\n| 1 | x\\|y |');
  });
  test('usd', () => {
    expect(usd(1234.5)).toBe('$1,234.50');
  });
});
