import { CodeFacts, DocFile, assemblyFacts, checkDocs, selfCheck } from '../../ci/doc-facts';

// The comparison check:readme makes between what the docs say and the code, on small made-up
// docs and facts: it must pass on true statements and trip on each kind of wrong one.

const FACTS: CodeFacts = {
  constructs: ['Api', 'Db', 'Web'],
  topologies: ['OPEN', 'CLOSED'],
  exampleStacks: ['Shop', 'Batch', 'Blog'],
  demoStacks: ['Shop', 'Batch'],
  reportProgressMinStacks: 10,
  stability: {
    'Api': 'stable',
    'ApiProps': 'stable',
    'ApiProps.fast': 'experimental',
    'BaseProps': 'stable',
    'BaseProps.region': 'deprecated',
    'Db': 'stable',
    'Web': 'experimental',
    'Web.url': 'experimental',
  },
  bases: { ApiProps: ['BaseProps'], BaseProps: [] },
};

const TRUE_DOC = `# Lib

The library has three constructs and two topologies. The example app has three example stacks,
and \`npm run demo\` deploys two of them: \`Shop\` and \`Batch\`. On assemblies of ten stacks or
more the report prints progress.

| Construct | What | Stability |
|---|---|---|
| \`Api\` | an API | stable; \`fast\` experimental, \`region\` deprecated |
| \`Db\` | a database | stable |
| \`Web\` (\`Web.url\`) | a website | experimental |

\`\`\`ts
// code blocks are not read: five constructs, one topologies
\`\`\`
`;

function problems(text: string, name = 'README.md', facts = FACTS): string[] {
  return checkDocs([{ name, text }], facts).problems;
}

test('true statements pass, and every one of them is found', () => {
  const { statements, problems: found } = checkDocs([{ name: 'README.md', text: TRUE_DOC }], FACTS);
  expect(found).toEqual([]);
  expect(statements.map(s => s.what)).toEqual([
    '3 constructs', '2 topologies', '3 example stacks', '10 stacks from which the report prints progress',
    'the demo deploys 2 stacks', 'the demo deploys Shop, Batch',
    'a table of the 3 constructs', 'Api is stable', 'ApiProps.fast is experimental', 'BaseProps.region is deprecated',
    'Db is stable', 'Web is experimental', 'Web.url is experimental',
  ]);
});

test.each([
  ['a wrong number of constructs', 'has three constructs', 'has four constructs', /README.md:3: says 'four constructs', but there are 3 constructs .*Api, Db, Web.*Fix: write 'three constructs'/],
  ['a wrong number of topologies (digits)', 'two topologies', '3 topologies', /README.md:3: says '3 topologies', but there are 2 topologies .*OPEN, CLOSED/],
  ['a wrong number of example stacks', 'three example stacks', 'four example stacks', /says 'four example stacks', but there are 3 example stacks/],
  ['a wrong number of demo stacks', 'deploys two of them', 'deploys three of them', /says the demo deploys three stacks, but it deploys 2 \(Shop, Batch/],
  ['a demo stack left out', '`Shop` and `Batch`', '`Shop` only', /names Shop, but the demo deploys Shop, Batch .*Missing: Batch/],
  ['a stack the demo does not deploy', '`Shop` and `Batch`', '`Shop`, `Batch` and `Blog`', /Not deployed by the demo: Blog/],
  ['a wrong report threshold', 'assemblies of ten stacks', 'assemblies of five stacks', /says 'assemblies of five stacks or more', but the report prints progress lines from 10 stacks on/],
  ['a wrong stability of a type', '| a database | stable |', '| a database | experimental |', /README.md:10: says Db is experimental, but the jsii assembly says stable/],
  ['a wrong stability of a member', '`fast` experimental', '`fast` stable', /says ApiProps.fast is stable, but the jsii assembly says experimental/],
  ['a member of a base interface', '`region` deprecated', '`region` stable', /says BaseProps.region is stable, but the jsii assembly says deprecated/],
  ['a member that does not exist', '`fast` experimental', '`slow` experimental', /says `slow` of Api is experimental, but neither it nor its props have a member slow/],
  ['a type that does not exist', '`Web` (`Web.url`)', '`Web` (`Web.uri`)', /names Web.uri, which the jsii assembly does not have/],
  ['a construct missing from the table', '| `Db` | a database | stable |\n', '', /the construct table misses Db/],
])('%s fails with where, what and the fix', (_name, from, to, message) => {
  expect(TRUE_DOC).toContain(from);
  const found = problems(TRUE_DOC.replace(from, to));
  expect(found).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
});

test('the topology table of the FargateVpc guide must name every topology', () => {
  const doc = '| topology | tasks |\n|---|---|\n| `OPEN` | public |\n';
  expect(problems(doc, 'docs/fargate-vpc.md')).toEqual([
    'docs/fargate-vpc.md:3: the topology table misses CLOSED. Fix: one row per VpcTopology member.',
  ]);
  expect(problems(`${doc}| \`CLOSED\` (default) | isolated |\n`, 'docs/fargate-vpc.md')).toEqual([]);
});

test('a sentence about the demo that names no stack and no number states nothing', () => {
  expect(checkDocs([{ name: 'a.md', text: 'The demo deploys to a local emulator. Shop is an example.' }], FACTS).statements).toEqual([]);
});

test('the self-check: each true statement, made wrong, fails the check', () => {
  const files: DocFile[] = [{ name: 'README.md', text: TRUE_DOC }];
  expect(selfCheck(files, FACTS)).toEqual([]);
});

test('the self-check reports a statement whose falsification the check does not see', () => {
  // made wrong, the true 'three constructs' gives exactly the problem the line already has
  // ('four constructs'), so the check cannot tell the falsified text from the true one
  const doc = 'Here three constructs, there four constructs.';
  expect(problems(doc, 'a.md')).toHaveLength(1);
  expect(selfCheck([{ name: 'a.md', text: doc }], FACTS).map(s => `${s.file}:${s.line} ${s.what}`)).toEqual(['a.md:1 3 constructs']);
});

test('the assembly facts: construct classes (through their bases), topologies, stabilities, interface bases', () => {
  const facts = assemblyFacts({
    name: 'lib',
    docs: { stability: 'stable' },
    types: {
      'lib.Base': { kind: 'class', base: 'constructs.Construct' },
      'lib.Derived': { kind: 'class', base: 'lib.Base', docs: { stability: 'experimental' }, properties: [{ name: 'x' }] },
      'lib.Helper': { kind: 'class' },
      'lib.VpcTopology': { kind: 'enum', members: [{ name: 'A' }, { name: 'B' }] },
      'lib.Props': { kind: 'interface', interfaces: ['lib.BaseProps'], properties: [{ name: 'y', docs: { stability: 'deprecated' } }] },
    },
  });
  expect(facts.constructs).toEqual(['Base', 'Derived']);
  expect(facts.topologies).toEqual(['A', 'B']);
  expect(facts.stability).toMatchObject({ 'Derived': 'experimental', 'Derived.x': 'experimental', 'Helper': 'stable', 'Props.y': 'deprecated' });
  expect(facts.bases).toEqual({ Props: ['BaseProps'] });
});
