"""The running host and sandbox: the contract's variables, defaulting to the local demo."""

import os

API_BASE = os.environ.get("PAYFUNCTIONS_API_BASE", "http://127.0.0.1:7071/api")
API_KEY = os.environ.get("PAYFUNCTIONS_API_KEY", "sk_test_demo_0000000000000000000000")
SANDBOX_URL = os.environ.get("PAYFUNCTIONS_SANDBOX_URL", "http://127.0.0.1:7080").rstrip("/")
WEBHOOK_SECRET = os.environ.get(
    "PAYFUNCTIONS_WEBHOOK_SECRET", "whsec_ZGVtby13ZWJob29rLXNlY3JldC0wMDAwMDA="
)
