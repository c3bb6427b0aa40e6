<?php

/*
 * A loopback HTTP server that answers from a script, one connection per step, and logs every request.
 *
 * Usage: php scripted_server.php <port, 0 for any> <script.json> <log.jsonl>
 * A step is {"status": int, "headers": {...}, "body": string} (or "body_base64" for bytes that are not
 * UTF-8), {"action": "drop"}, which closes the connection without answering, or {"action": "hang"}, which
 * keeps it open and never answers, so the client times out. Once the script is spent every request gets 418,
 * which is never retried.
 * Prints "READY <port>" once it listens.
 */

declare(strict_types=1);

[, $port, $scriptFile, $logFile] = $argv;
$server = stream_socket_server("tcp://127.0.0.1:$port", $errno, $error);
if ($server === false) {
    fwrite(STDERR, "listen failed: $error\n");
    exit(1);
}
$name = stream_socket_get_name($server, false);
echo 'READY ', substr($name, strrpos($name, ':') + 1), "\n";
fflush(STDOUT);

$steps = json_decode((string) file_get_contents($scriptFile), true);
$hung = [];
$exhausted = ['status' => 418, 'headers' => ['Content-Type' => 'application/problem+json'],
    'body' => '{"type":"about:blank","title":"Script spent","status":418,"code":"script_spent"}'];

while (true) {
    $connection = @stream_socket_accept($server, 600);
    if ($connection === false) {
        continue;
    }
    $request = readRequest($connection);
    if ($request === null) {
        fclose($connection);
        continue;
    }
    file_put_contents($logFile, json_encode($request) . "\n", FILE_APPEND | LOCK_EX);
    $step = array_shift($steps) ?? $exhausted;
    $action = $step['action'] ?? null;
    if ($action === 'hang') {
        $hung[] = $connection;
        continue;
    }
    if ($action !== 'drop') {
        writeResponse($connection, $step);
    }
    fclose($connection);
}

/** @return array{method: string, target: string, headers: array<string, string>, body: string}|null */
function readRequest($connection): ?array
{
    $head = '';
    while (!str_contains($head, "\r\n\r\n")) {
        $chunk = fread($connection, 8192);
        if ($chunk === false || $chunk === '') {
            return null;
        }
        $head .= $chunk;
    }
    [$head, $body] = explode("\r\n\r\n", $head, 2);
    $lines = explode("\r\n", $head);
    [$method, $target] = explode(' ', array_shift($lines));
    $headers = [];
    foreach ($lines as $line) {
        [$name, $value] = array_map('trim', explode(':', $line, 2));
        $headers[strtolower($name)] = $value;
    }
    $length = (int) ($headers['content-length'] ?? 0);
    while (strlen($body) < $length) {
        $chunk = fread($connection, $length - strlen($body));
        if ($chunk === false || $chunk === '') {
            break;
        }
        $body .= $chunk;
    }

    return ['method' => $method, 'target' => $target, 'headers' => $headers, 'body' => $body];
}

/** @param array{status: int, headers?: array<string, string>, body?: string, body_base64?: string} $step */
function writeResponse($connection, array $step): void
{
    $body = isset($step['body_base64']) ? base64_decode($step['body_base64']) : ($step['body'] ?? '');
    $out = "HTTP/1.1 {$step['status']} Scripted\r\n";
    foreach (($step['headers'] ?? []) + ['Content-Length' => (string) strlen($body), 'Connection' => 'close'] as $name => $value) {
        $out .= "$name: $value\r\n";
    }
    fwrite($connection, $out . "\r\n" . $body);
}
