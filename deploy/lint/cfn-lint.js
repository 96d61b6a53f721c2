#!/usr/bin/env node
// Runs the pinned npm cfn-lint (package.json) on a template against a current CloudFormation resource specification:
// `node deploy/lint/cfn-lint.js deploy/transcoder.json`.
//
// cfn-lint 1.9.7 is the last release of the npm package and bundles the resource specification 2.29.0 (early 2019),
// which lacks most of what CloudFormation added since (SqsManagedSseEnabled, ECS capacity providers,
// EphemeralStorage, ...), and it has no option to read another specification. So this wrapper swaps the bundled
// resource and property types for those of the npm package @aws-cdk/cfnspec (pinned in package.json: version 2.72.1
// carries the CloudFormation resource specification 117), then runs the unchanged cfn-lint command line: same output,
// exit code 1 on any error. Everything else (intrinsic functions, Ref and GetAtt targets, parameter types, required
// properties, value types) is checked by cfn-lint itself, now against the newer types.
// Extra arguments are passed on, e.g. `--parameters NamePrefix=demo` or `--verbose`.
'use strict';

const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const cfnLint = path.join(root, 'node_modules', 'cfn-lint');
const specFile = path.join(root, 'node_modules', '@aws-cdk', 'cfnspec', 'spec', 'specification.json');

const [file, ...rest] = process.argv.slice(2);
if (!file) {
    console.error('usage: node deploy/lint/cfn-lint.js <template> [cfn-lint validate options]');
    process.exit(2);
}

let spec;
let bundled;
try {
    spec = require(specFile);
    bundled = require(path.join(cfnLint, 'lib', 'awsData')).awsResources;
} catch (error) {
    console.error(`cannot load cfn-lint or @aws-cdk/cfnspec (run \`npm ci\` in the repository root): ${error.message}`);
    process.exit(2);
}

// AWS::Serverless::* stay out: cfn-lint brings its own SAM specification for templates with the SAM transform, and
// the CDK's SAM types use union types (PrimitiveTypes/Types lists) that cfn-lint 1.9.7 cannot read.
const withoutSam = (types) =>
    Object.fromEntries(Object.entries(types).filter(([name]) => !name.startsWith('AWS::Serverless::')));

// Replaced, not merged: a property CloudFormation no longer has must not pass because the 2019 list had it.
// cfn-lint reads these objects on every lookup, so changing them before it starts is enough.
bundled.ResourceTypes = withoutSam(spec.ResourceTypes);
bundled.PropertyTypes = withoutSam(spec.PropertyTypes);
bundled.ResourceSpecificationVersion = spec.ResourceSpecificationVersion;

// On stderr, so that the report on stdout is cfn-lint's own; the tests check which specification was used.
console.error(`CloudFormation resource specification ${spec.ResourceSpecificationVersion} (@aws-cdk/cfnspec)`);

process.argv = [process.argv[0], path.join(cfnLint, 'lib', 'index.js'), 'validate', file, ...rest];
require(path.join(cfnLint, 'lib', 'index.js'));
