#!/usr/bin/env bash
# Builds the NuGet package into dist/ and runs every test of the SDK: the client against a scripted loopback
# server, webhook verification, and the live tests and coverage check against the running host and sandbox.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

rm -rf dist
dotnet build PayFunctions.Sdk.sln -c Release -nologo -v quiet -m:1
dotnet pack src/PayFunctions.Sdk/PayFunctions.Sdk.csproj -c Release --no-build -o dist -nologo -v quiet
test -f dist/PayFunctions.Sdk.0.1.0.nupkg
dotnet test PayFunctions.Sdk.sln -c Release --no-build -nologo --logger "console;verbosity=minimal"
