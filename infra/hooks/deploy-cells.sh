#!/bin/sh
# azd deploys the app to cell 1, the one app tagged as its service "api" (azd deploys a service to
# exactly one resource). This sends the same build to cells 2 to N, so every cell runs the same code.
set -eu

# CELL_FUNCTION_APP_NAMES is a provision output, a JSON array of app names, cell 1 first.
names="$(printf '%s' "${CELL_FUNCTION_APP_NAMES:-[]}" | tr -d '[]" ' | tr ',' ' ')"
# Split on purpose: each name is checked below before it is used.
set -- $names
if [ "$#" -le 1 ]; then
  echo "One cell: azd has deployed it."
  exit 0
fi
shift

for app in "$@"; do
  case "$app" in
    *[!a-z0-9-]*)
      echo "Refusing to deploy to '$app': not a function app name of this template." >&2
      exit 1 ;;
  esac
done

group="${AZURE_RESOURCE_GROUP:?AZURE_RESOURCE_GROUP is not set; run azd provision first}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet publish ./functions/PayFunctions.FunctionApp -c Release -o "$work/app" --nologo
(cd "$work/app" && zip -qr "$work/app.zip" .)

for app in "$@"; do
  az functionapp deployment source config-zip --resource-group "$group" --name "$app" --src "$work/app.zip" --output none
  echo "$app deployed."
done
