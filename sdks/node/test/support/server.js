// A loopback HTTP server that answers each request with the next scripted handler and records what it received.

import { createServer } from 'node:http';

/**
 * @param {Array<(req, res) => void>} script one handler per request; the last one answers any further requests
 */
export async function scriptedServer(script, { port = 0 } = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const index = requests.length;
      requests.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
      script[Math.min(index, script.length - 1)](req, res);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}/api`,
    requests,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A port nothing listens on (for now): bound once by the system, then released. */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function json(status, body, headers = {}) {
  return (req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

export function problem(status, code, { param = null, headers = {}, requestId = 'req_test_1' } = {}) {
  const document = {
    type: `https://payfunctions.dev/problems/${code}`,
    title: `Problem ${code}`,
    status,
    detail: `Details of ${code}`,
    code,
    param,
  };
  return (req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/problem+json', 'Request-Id': requestId, ...headers });
    res.end(JSON.stringify(document));
  };
}

/** Cuts the connection after the request arrived, without any answer. */
export function drop() {
  return (req) => req.socket.destroy();
}

/** Never answers, so the client's timeout fires. */
export function hang() {
  return () => {};
}

/** A sleeper that records the waits it is asked for and returns at once. */
export function recordingSleep() {
  const waits = [];
  const sleep = async (ms) => {
    waits.push(ms);
  };
  return { waits, sleep };
}
