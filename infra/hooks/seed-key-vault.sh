#!/bin/sh
# Creates a placeholder for each channel secret the app reads, so the vault lists what must be
# loaded. A secret that already exists is never touched: re-provisioning must not overwrite a
# real key with a placeholder.
set -eu

if [ "${VNET_ENABLED:-false}" = "true" ]; then
  echo "Key Vault ${AZURE_KEY_VAULT_NAME:-} only accepts traffic from its private endpoint; seed it from inside the VNet."
  exit 0
fi

vault="${AZURE_KEY_VAULT_NAME:?AZURE_KEY_VAULT_NAME is not set; run azd provision first}"
attempts="${SEED_KEY_VAULT_ATTEMPTS:-10}"
delay="${SEED_KEY_VAULT_DELAY_SECONDS:-15}"

# A role assignment made by this provision can take minutes to reach Key Vault: wait for the
# listing to succeed before deciding what is missing.
attempt=1
until existing="$(az keyvault secret list --vault-name "$vault" --query "[].name" --output tsv)"; do
  if [ "$attempt" -ge "$attempts" ]; then
    echo "Could not list secrets in $vault; is the Key Vault Secrets Officer role assigned to you?" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep "$delay"
done

# The channel accounts' keys, as the channels declare them (infra/channels.json, an output of the provision).
for name in ${CHANNEL_SECRET_NAMES:?CHANNEL_SECRET_NAMES is not set; run azd provision first}; do
  if printf '%s\n' "$existing" | grep -qx "$name"; then
    echo "$name exists; left as is."
  else
    az keyvault secret set --vault-name "$vault" --name "$name" --value "placeholder" \
      --tags placeholder=true --output none
    echo "$name created as a placeholder; load the real value (see docs/deployment.md)."
  fi
done

# Secrets the platform makes for itself: generated once, never rotated by a re-provision.
# key-encryption-key wraps the data keys of what the app seals in Tables (merchants' webhook
# secrets, receivers' payout details); the app only reads it, so "Key Vault Secrets User" suffices.
for name in api-key-pepper bootstrap-operator-key key-encryption-key token-signing-key; do
  if printf '%s\n' "$existing" | grep -qx "$name"; then
    echo "$name exists; left as is."
  else
    az keyvault secret set --vault-name "$vault" --name "$name" \
      --value "$(head -c 32 /dev/urandom | base64 | tr -d '\n')" --output none
    echo "$name generated."
  fi
done
