"""Reports over the merchant's payments."""

from typing import Literal, Optional, Union, overload

from ..models import PaymentReport
from ._base import Resource


class ReportService(Resource):
    """``client.reports``: reports over payments."""

    @overload
    def payments(
        self,
        *,
        from_: Optional[str] = ...,
        to: Optional[str] = ...,
        group_by: Optional[str] = ...,
        format: Literal["json", None] = ...,
    ) -> PaymentReport: ...

    @overload
    def payments(
        self,
        *,
        from_: Optional[str] = ...,
        to: Optional[str] = ...,
        group_by: Optional[str] = ...,
        format: Literal["csv"],
    ) -> str: ...

    def payments(
        self,
        *,
        from_: Optional[str] = None,
        to: Optional[str] = None,
        group_by: Optional[str] = None,
        format: Optional[str] = None,
    ) -> Union[PaymentReport, str]:
        """Payments from ``from_`` to ``to`` (yyyy-MM-dd) grouped by ``group_by`` (method,
        channel, hour, weekday, region or day); ``format="csv"`` answers the CSV text instead.
        """
        query = {"from": from_, "to": to, "group_by": group_by, "format": format}
        if format == "csv":
            response = self._transport.request(
                "GET", "/v1/reports/payments", query=query, headers={"Accept": "text/csv"}
            )
            return response.body.decode("utf-8")
        return self._call(PaymentReport, "GET", "/v1/reports/payments", query=query)
