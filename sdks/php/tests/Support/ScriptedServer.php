<?php

declare(strict_types=1);

namespace PayFunctions\Tests\Support;

/**
 * Runs scripted_server.php in a child process for one test and reads back the requests it got.
 */
final class ScriptedServer
{
    /** @var resource */
    private $process;
    private string $logFile;
    private string $scriptFile;
    public readonly int $port;

    /**
     * @param list<array<string, mixed>> $steps one answer per request, in order
     * @param int $port 0 for any free port
     */
    public function __construct(array $steps, int $port = 0)
    {
        $this->scriptFile = (string) tempnam(sys_get_temp_dir(), 'pf-script-');
        $this->logFile = (string) tempnam(sys_get_temp_dir(), 'pf-log-');
        file_put_contents($this->scriptFile, json_encode($steps, JSON_THROW_ON_ERROR));
        $process = proc_open(
            [PHP_BINARY, __DIR__ . '/scripted_server.php', (string) $port, $this->scriptFile, $this->logFile],
            [1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']],
            $pipes,
        );
        if (!is_resource($process)) {
            throw new \RuntimeException('Could not start the scripted server');
        }
        $this->process = $process;
        $ready = (string) fgets($pipes[1]);
        if (!str_starts_with($ready, 'READY ')) {
            $this->stop();
            throw new \RuntimeException('The scripted server did not start');
        }
        $this->port = (int) substr(trim($ready), 6);
    }

    public function url(): string
    {
        return "http://127.0.0.1:{$this->port}/api";
    }

    /** @return list<array{method: string, target: string, headers: array<string, string>, body: string}> */
    public function requests(): array
    {
        $lines = file($this->logFile, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) ?: [];

        return array_map(static fn (string $line): array => json_decode($line, true), $lines);
    }

    public function stop(): void
    {
        if (is_resource($this->process)) {
            proc_terminate($this->process);
            proc_close($this->process);
        }
        @unlink($this->scriptFile);
        @unlink($this->logFile);
    }

    /** A loopback port nothing listens on (just released by the system). */
    public static function freePort(): int
    {
        $socket = stream_socket_server('tcp://127.0.0.1:0');
        $name = (string) stream_socket_get_name($socket, false);
        fclose($socket);

        return (int) substr($name, strrpos($name, ':') + 1);
    }

    /** @param array<string, mixed> $body */
    public static function json(int $status, array $body, array $headers = []): array
    {
        $type = $status >= 400 ? 'application/problem+json' : 'application/json';

        return ['status' => $status, 'headers' => $headers + ['Content-Type' => $type], 'body' => json_encode($body)];
    }
}
