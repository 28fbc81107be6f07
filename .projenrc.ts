import { awscdk, javascript, typescript } from 'projen';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-fargate-kit',
  description: 'Secure-by-default AWS CDK constructs to run containerized apps on ECS Fargate: VPC topologies, least-privilege task roles, validated task definitions, services, ALB-fronted services, and environments that share one network, cluster and load balancer.',
  author: 'cdk-fargate-kit developers',
  authorAddress: 'dev@cdk-fargate-kit.invalid',
  repositoryUrl: 'https://example.invalid/cdk-fargate-kit.git',
  license: 'Apache-2.0',
  keywords: ['aws-cdk', 'ecs', 'fargate', 'containers', 'alb', 'vpc', 'jsii'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  minNodeVersion: '20.16.0',

  // toolchain versions measured to work together offline (see issue #2)
  cdkVersion: '2.258.0',
  constructsVersion: '10.5.1',
  jsiiVersion: '~6.0.0',
  typescriptVersion: '~6.0.0',
  projenVersion: '0.103.25',
  projenrcTs: true,
  runner: typescript.TypeScriptRunner.tsx(),

  // no CI/CD workflows: they cannot run on this project's machines
  github: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,

  // jsii targets: `npx projen package` builds them all (C# as sources only: no .NET SDK here)
  publishToPypi: { distName: 'cdk-fargate-kit', module: 'cdk_fargate_kit' },
  publishToMaven: {
    javaPackage: 'io.github.cdkfargatekit',
    mavenGroupId: 'io.github.cdkfargatekit',
    mavenArtifactId: 'cdk-fargate-kit',
  },
  publishToNuget: { dotNetNamespace: 'CdkFargateKit', packageId: 'CdkFargateKit' },
  publishToGo: { moduleName: 'github.com/cdk-fargate-kit/cdk-fargate-kit-go' },

  docgen: true,
  typecheckTests: true,
  jestOptions: {
    jestVersion: '^30',
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    // every core for the unit suite (jest's default leaves one idle: on 2 cores, 198 s -> 98 s measured);
    // only `npm test`: the integration tests keep their own options
    extraCliOptions: ['--json', '--outputFile=test-reports/jest-results.json', '--maxWorkers=100%'],
    jestConfig: {
      testTimeout: 120_000,
      // `npm test` is the unit suite, Node only: the integration tests (cfn-lint, cdk-nag,
      // emulator) run in `test:integ`, the tools' own tests in `test:tools`.
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/integ/'],
    },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'tools'],
  },
  tsconfigDev: {
    include: ['../examples/**/*.ts', '../tools/**/*.ts'],
    compilerOptions: {},
  },

  // runtime dependencies of a jsii library are bundled into its npm package
  // commander@14: the report command's argument parser (15 needs Node 22, this project supports 20).
  // @aws-cdk/aws-service-spec: the CloudFormation resource specification (which property change
  // replaces a resource), read by `report --compare` for its day-2 hazards; the database that
  // @aws-cdk/cloudformation-diff reads, without that package's table/diff/chalk/ajv tree
  // (2.9 MB with its two dependencies, all Apache-2.0, against 9 MB; docs/report.md).
  bundledDeps: ['ipaddr.js@^2.2.0', 'commander@^14.0.0', '@aws-cdk/aws-service-spec@^0.1.216'],
  // `npx cdk-fargate-kit report [cdk.out]`: the review report of a cloud assembly (docs/report.md).
  bin: { 'cdk-fargate-kit': 'lib/report/cli.js' },
  devDeps: [
    '@aws-cdk/cloudformation-diff@^2.187.5',
    'aws-cdk@^2.1148.1',
    'cdk-nag@^3',
    'tsx@^4.23.0',
    'fast-check@^4',
  ],
  gitignore: ['cdk.out/', '.cdk.staging/', 'test-reports/', 'dist/', '.jsii.tabl.json', '/.venv/'],
});

// Type-checked folders outside src/ (eslint's project service needs a tsconfig beside them).
for (const dir of ['examples', 'tools']) {
  new javascript.TypescriptConfig(project, {
    fileName: `${dir}/tsconfig.json`,
    extends: javascript.TypescriptConfigExtends.fromPaths(['../tsconfig.json']),
    compilerOptions: { noEmit: true, rootDir: '..' },
    include: ['**/*.ts'],
  });
}

for (const pattern of ['/examples/', '/cdk.out/', '/tools/', '/.venv/', '/.ci/', '/cdk.json', '/BENCHMARKS.md', '/rosetta/']) {
  project.addPackageIgnore(pattern);
}

// The npm package is an allowlist (package.json "files"; npm adds README.md, LICENSE and
// package.json itself): compiled code and types, the jsii assembly, the API reference.
// Nothing else — no src/*.ts, tests, examples, scripts, cdk.out or rosetta tablet.
// tools/ci/consumer-test.sh asserts the packed file list.
project.package.addField('files', ['lib/**/*.js', 'lib/**/*.d.ts', '.jsii', 'API.md']);

// jsii must compile with zero warnings: projen silences reserved-word warnings by default,
// but a member named like a keyword of Python, Java, C# or Go reads badly there, so any
// jsii warning fails the compile instead.
project.compileTask.reset('jsii --fail-on-warnings');
project.watchTask.reset('jsii -w --fail-on-warnings');

// Every jsii language, checked on every CI run (registries other than npm are not reachable,
// so full packaging for PyPI/Maven/NuGet/Go stays in `package-all`, run on a machine that has them).
project.addTask('check:languages', {
  description: 'Generate Python, Java, C# and Go sources (jsii-pacmak --code-only) and syntax-check them',
  exec: 'bash tools/ci/check-languages.sh',
});
project.addTask('check:readme', {
  description: 'Compile every TypeScript block of README.md, docs/ and CONTRIBUTING.md with jsii-rosetta in strict mode, translate it to Python, Java, C# and Go, and check relative links',
  exec: 'bash tools/ci/check-readme.sh',
});
project.addTask('test:consumer', {
  description: 'Consumers in TypeScript, Python, Java and Go: install the built package into a fresh app outside the repo, synthesize README\'s example in that language, compare the templates',
  exec: 'bash tools/ci/consumers.sh',
});

// One package step for everyone: projen's default builds only JavaScript when CI is set and
// every language otherwise, so CI never ran what a newcomer runs. Now both build the npm
// tarball, the Python wheel, the Java jar (Maven) and the Go module; C# is generated only
// (no .NET SDK on the project's machines). Go is built by tools/ci/package-go.sh (see there why).
project.packageTask.reset();
project.packageTask.spawn(project.tasks.tryFind('package-all')!);
project.tasks.tryFind('package:go')!.reset('bash tools/ci/package-go.sh');
project.tasks.tryFind('package:dotnet')!.reset('jsii-pacmak -v --code-only --target dotnet');
// jsii-diff against the last release on npm; skips (exit 0) while nothing is published.
project.tasks.tryFind('compat')!.reset('bash tools/ci/compat.sh');

// RULES.md is generated from the rule catalogue (src/validation/rules.ts) on every build, so
// the committed file is always current (CI fails when the build changes a tracked file).
project.postCompileTask.exec('tsx tools/ci/rules-md.ts', { name: 'rules-md' });

// Node 20 is this project's runtime (minNodeVersion); jsii's end-of-life banner is noise here.
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');

// cdk.json: the example app, one stack per scenario, run with tsx (no ts-node).
new awscdk.CdkConfig(project, {
  app: 'npx tsx examples/app.ts',
  watchIncludes: ['src/**/*.ts', 'examples/**/*.ts'],
});

// The main job: synthesize every example stack into cdk.out/.
project.addTask('synth:examples', {
  description: 'Synthesize every example stack into cdk.out/',
  exec: 'cdk synth --quiet',
});
// The one-command demo: synthesize, deploy the stacks of DEMO_STACKS in tools/demo-stacks.ts (Scorekeep,
// BatchJob, ManyServices) to a local AWS emulator (moto_server on 127.0.0.1) with the real cdk
// CLI, print outputs, run the emitted run-task.
const demo = project.addTask('demo', {
  description: 'Synthesize the example app and deploy it to a local AWS emulator (moto_server on 127.0.0.1)',
});
demo.exec('bash tools/python/setup.sh');
demo.exec('tsx tools/demo.ts');

// `npm run bench`: synth time, template size and monthly cost vs aws-ecs-patterns, rewrites BENCHMARKS.md.
// A script, not a test (timings inside jest would measure jest); --expose-gc for clean heap figures.
project.addTask('bench', {
  description: 'Benchmark synth time, template size and monthly cost against aws-ecs-patterns; rewrites BENCHMARKS.md',
  exec: 'node --expose-gc --import tsx tools/bench/main.ts',
});

// The integration tests: cfn-lint over every example template, cdk-nag AwsSolutionsChecks, and
// every example deployed to the local AWS emulator. They need the project's Python tools, which
// the first step installs into .venv/ (seconds when already there).
const integ = project.addTask('test:integ', {
  description: 'Integration tests: cfn-lint, cdk-nag and the local AWS emulator (installs the Python tools into .venv/ first)',
});
integ.exec('bash tools/python/setup.sh');
integ.exec(`jest --ci --coverage=false ${jestOnly('<rootDir>/test/integ/**/*.test.ts', 'jest-integ.json')}`, { receiveArgs: true });

// The tools (benchmark, emulator helpers) have their own tests, apart from the library's unit suite.
project.addTask('test:tools', {
  description: 'Tests of the tools under tools/ (benchmark cost model and statistics, the docs-versus-code comparison of check:readme)',
  exec: `jest --ci --coverage=false ${jestOnly('<rootDir>/tools/**/*.test.ts', 'jest-tools.json')}`,
  receiveArgs: true,
});

// README's test command: everything CI runs, in the order CI runs it. It ends with the
// `N passed, N failed, N skipped` line of all the jest runs.
const verify = project.addTask('verify', {
  description: 'The whole test suite as CI runs it: build (unit tests, jsii, every language package), tools tests, integration tests, example synth, README and docs, consumers, API compatibility',
});
verify.exec('rm -f test-reports/jest-results.json test-reports/jest-integ.json test-reports/jest-tools.json');
for (const t of ['build', 'test:tools', 'test:integ', 'synth:examples', 'check:languages', 'check:readme', 'test:consumer', 'compat']) {
  verify.spawn(project.tasks.tryFind(t)!);
}
verify.exec('tsx tools/ci/test-summary.ts test-reports/jest-results.json test-reports/jest-tools.json test-reports/jest-integ.json');

project.synth();

/** jest options that run only the tests matching `testMatch` and write their JSON results to test-reports/`file`. */
function jestOnly(testMatch: string, file: string): string {
  return `--testMatch '${testMatch}' --testPathIgnorePatterns /node_modules/ --json --outputFile=test-reports/${file}`;
}
