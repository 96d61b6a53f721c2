#!/usr/bin/env node
// Runs the pinned npm cfn-lint (package.json) on a template: `node deploy/lint/cfn-lint.js deploy/transcoder.json`.
//
// cfn-lint 1.9.7 is the last release of the npm package and bundles CloudFormation's resource specification 2.29.0
// (early 2019). It reports every property CloudFormation added since as "not a valid property" (SQS
// SqsManagedSseEnabled, ECS capacity providers, EphemeralStorage, StopTimeout, Tags on IAM roles, ...), and it has
// no flag to accept them. So this wrapper adds those properties, typed as in today's specification
// (spec-additions.json beside it: only the ones the template uses), and then runs the unchanged cfn-lint command
// line: same output, exit code 1 on any error. Everything else (intrinsic functions, Ref and GetAtt targets,
// parameter types, required properties, value types) is checked by cfn-lint itself.
// Extra arguments are passed on, e.g. `--parameters NamePrefix=demo` or `--verbose`.
'use strict';

const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const cfnLint = path.join(root, 'node_modules', 'cfn-lint');
const resourcesSpec = require(path.join(cfnLint, 'lib', 'resourcesSpec'));
const bundled = require(path.join(cfnLint, 'lib', 'awsData')).awsResources;
const additions = require('./spec-additions.json');

// A property the bundled specification already has (a newer cfn-lint) must come from there, not from here.
for (const section of ['ResourceTypes', 'PropertyTypes']) {
    for (const [type, spec] of Object.entries(additions[section])) {
        for (const property of Object.keys(spec.Properties)) {
            if (bundled[section][type] && bundled[section][type].Properties[property]) {
                console.error(`deploy/lint/spec-additions.json: ${type}.${property} is in cfn-lint's own specification now; remove it here.`);
                process.exit(2);
            }
        }
    }
}

resourcesSpec.extendSpecification(additions);

const [file, ...rest] = process.argv.slice(2);
if (!file) {
    console.error('usage: node deploy/lint/cfn-lint.js <template> [cfn-lint validate options]');
    process.exit(2);
}

process.argv = [process.argv[0], path.join(cfnLint, 'lib', 'index.js'), 'validate', file, ...rest];
require(path.join(cfnLint, 'lib', 'index.js'));
