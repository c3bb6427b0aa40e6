// The running host and sandbox the live tests use, from the contract's variables, defaulting to the local demo.
export const API_BASE = process.env.PAYFUNCTIONS_API_BASE || 'http://127.0.0.1:7071/api';
export const API_KEY = process.env.PAYFUNCTIONS_API_KEY || 'sk_test_demo_0000000000000000000000';
export const SANDBOX_URL = (process.env.PAYFUNCTIONS_SANDBOX_URL || 'http://127.0.0.1:7080').replace(/\/+$/, '');
export const WEBHOOK_SECRET = process.env.PAYFUNCTIONS_WEBHOOK_SECRET || 'whsec_ZGVtby13ZWJob29rLXNlY3JldC0wMDAwMDA=';
