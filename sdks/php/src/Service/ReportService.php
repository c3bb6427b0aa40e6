<?php

declare(strict_types=1);

namespace PayFunctions\Service;

use PayFunctions\Model\Report;

/**
 * Reports over the merchant's payments.
 */
final class ReportService extends AbstractService
{
    /**
     * The payments report: counts, amounts, refunds and fees per group, over a range of days.
     *
     * @param array{from?: string, to?: string, group_by?: string, format?: string} $params
     *        `format` `csv` answers the same rows as CSV text instead of a Report
     * @param array<string, mixed> $opts
     */
    public function payments(array $params = [], array $opts = []): Report|string
    {
        if (($params['format'] ?? 'json') === 'csv') {
            $opts['headers'] = ($opts['headers'] ?? []) + ['Accept' => 'text/csv'];

            return $this->requestor->request('GET', '/v1/reports/payments', $params, null, $opts)->body;
        }

        return $this->requestObject('GET', '/v1/reports/payments', Report::class, $params, null, $opts);
    }
}
