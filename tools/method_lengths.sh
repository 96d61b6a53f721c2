#!/usr/bin/env bash
# Lists the product's longest methods (lines, file:line, name) and fails when one is longer than the limit in
# tests/Transcoder.Deploy.Tests/Code/MethodLengthsTests.cs. It is that test, run on its own with its output shown.
# Usage: tools/method_lengths.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test tests/Transcoder.Deploy.Tests -v q --filter "FullyQualifiedName~Code.MethodLengthsTests" \
  --logger "console;verbosity=detailed" 2>&1 |
  awk '/product methods; the longest/ && !shown { listing = 1; shown = 1 } listing && /^ *$/ { listing = 0 }
       listing || /(Passed|Failed)!|error/ { print }'
