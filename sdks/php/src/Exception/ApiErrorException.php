<?php

declare(strict_types=1);

namespace PayFunctions\Exception;

use PayFunctions\HttpClient\Response;

/**
 * An answer outside 2xx, carrying its problem document (RFC 9457) and the Request-Id header.
 *
 * The subclass follows the HTTP status; {@see ApiErrorException::fromResponse()} picks it.
 */
abstract class ApiErrorException extends PayFunctionsException
{
    private const CLASSES = [
        400 => InvalidRequestException::class,
        401 => AuthenticationException::class,
        403 => PermissionException::class,
        404 => NotFoundException::class,
        409 => ConflictException::class,
        429 => RateLimitException::class,
    ];

    /**
     * @param array<string, mixed> $problem the problem document as parsed (empty when the body was not JSON)
     */
    final public function __construct(
        string $message,
        private readonly int $httpStatus,
        private readonly array $problem,
        private readonly ?string $requestId,
        private readonly string $rawBody,
    ) {
        parent::__construct($message, $httpStatus);
    }

    public static function fromResponse(Response $response): self
    {
        $decoded = json_decode($response->body, true);
        $problem = is_array($decoded) ? $decoded : [];
        $class = self::CLASSES[$response->status] ?? ApiException::class;

        return new $class(
            self::describe($response->status, $problem),
            $response->status,
            $problem,
            $response->header('request-id'),
            $response->body,
        );
    }

    /** The HTTP status of the answer. */
    public function getHttpStatus(): int
    {
        return $this->httpStatus;
    }

    /** The stable machine-readable code, e.g. `parameter_invalid`. */
    public function getErrorCode(): ?string
    {
        return $this->stringField('code');
    }

    /** The request parameter the problem is about, when there is one. */
    public function getParam(): ?string
    {
        return $this->stringField('param');
    }

    public function getTitle(): ?string
    {
        return $this->stringField('title');
    }

    public function getDetail(): ?string
    {
        return $this->stringField('detail');
    }

    /** The problem type URI. */
    public function getType(): ?string
    {
        return $this->stringField('type');
    }

    /** @return array<string, mixed> the whole problem document, including members this library does not name */
    public function getProblem(): array
    {
        return $this->problem;
    }

    /** The `Request-Id` response header, to quote when asking about this request. */
    public function getRequestId(): ?string
    {
        return $this->requestId;
    }

    public function getRawBody(): string
    {
        return $this->rawBody;
    }

    private function stringField(string $name): ?string
    {
        $value = $this->problem[$name] ?? null;

        return is_scalar($value) ? (string) $value : null;
    }

    /** @param array<string, mixed> $problem */
    private static function describe(int $status, array $problem): string
    {
        $text = $problem['detail'] ?? $problem['title'] ?? null;
        $message = is_string($text) && $text !== '' ? $text : "HTTP $status";
        if (isset($problem['code']) && is_string($problem['code'])) {
            $message .= " ({$problem['code']})";
        }

        return $message;
    }
}
