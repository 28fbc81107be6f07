import { awscdk, javascript, typescript } from 'projen';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-fargate-kit',
  description: 'Secure-by-default AWS CDK constructs to run containerized apps on ECS Fargate: VPC topologies, least-privilege task roles, validated task definitions, services and ALB-fronted services.',
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

  // jsii targets (built by `npx projen package-all` on a machine that reaches their registries)
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
    extraCliOptions: ['--json', '--outputFile=test-reports/jest-results.json'],
    jestConfig: {
      testTimeout: 120_000,
    },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'scripts'],
  },
  tsconfigDev: {
    include: ['../examples/**/*.ts', '../scripts/**/*.ts'],
    compilerOptions: {},
  },

  // runtime dependencies of a jsii library are bundled into its npm package
  bundledDeps: ['ipaddr.js@^2.2.0'],
  devDeps: [
    'aws-cdk@^2.1148.1',
    'cdk-nag@^3',
    'tsx@^4.23.0',
  ],
  gitignore: ['cdk.out/', '.cdk.staging/', 'test-reports/', 'dist/', '.jsii.tabl.json'],
});

// Type-checked folders outside src/ (eslint's project service needs a tsconfig beside them).
for (const dir of ['examples', 'scripts']) {
  new javascript.TypescriptConfig(project, {
    fileName: `${dir}/tsconfig.json`,
    extends: javascript.TypescriptConfigExtends.fromPaths(['../tsconfig.json']),
    compilerOptions: { noEmit: true, rootDir: '..' },
    include: ['**/*.ts'],
  });
}

for (const pattern of ['/examples/', '/cdk.out/', '/scripts/', '/.ci/', '/cdk.json', '/BENCHMARKS.md', '/rosetta/']) {
  project.addPackageIgnore(pattern);
}

// The npm package is an allowlist (package.json "files"; npm adds README.md, LICENSE and
// package.json itself): compiled code and types, the jsii assembly, the API reference.
// Nothing else — no src/*.ts, tests, examples, scripts, cdk.out or rosetta tablet.
// scripts/consumer-test.sh asserts the packed file list.
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
  exec: 'bash scripts/check-languages.sh',
});
project.addTask('check:readme', {
  description: 'Compile every README code block with jsii-rosetta in strict mode and translate it to Python, Java, C# and Go',
  exec: 'bash scripts/check-readme.sh',
});
project.addTask('test:consumer', {
  description: 'npm pack the library, install the tarball into a fresh CDK app outside the repo, synthesize README\'s example',
  exec: 'bash scripts/consumer-test.sh',
});
// jsii-diff against the last release on npm; skips (exit 0) while nothing is published.
project.tasks.tryFind('compat')!.reset('bash scripts/compat.sh');

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
// The one-command demo: synthesize, deploy Scorekeep (and BatchJob) to a local AWS emulator
// (moto_server on 127.0.0.1) with the real cdk CLI, print outputs, run the emitted run-task.
project.addTask('demo', {
  description: 'Synthesize the example app and deploy it to a local AWS emulator (moto_server on 127.0.0.1)',
  exec: 'tsx scripts/demo.ts',
});

// `npm run bench`: synth time, template size and monthly cost vs aws-ecs-patterns, rewrites BENCHMARKS.md.
// A script, not a test (timings inside jest would measure jest); --expose-gc for clean heap figures.
project.addTask('bench', {
  description: 'Benchmark synth time, template size and monthly cost against aws-ecs-patterns; rewrites BENCHMARKS.md',
  exec: 'node --expose-gc --import tsx scripts/bench/main.ts',
});

project.synth();
