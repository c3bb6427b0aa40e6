"""Store codes: fixed QR codes a shop prints for payers to scan."""

from typing import Optional

from ..models import Store
from ..pagination import Page
from ._base import Resource, seg


class StoreService(Resource):
    """``client.stores``: store codes and their QR images."""

    def create(
        self,
        *,
        name: str,
        currency: str,
        amount: Optional[int] = None,
        idempotency_key: Optional[str] = None,
    ) -> Store:
        """Creates a store code; without ``amount`` the payer enters it."""
        return self._call(
            Store, "POST", "/v1/stores",
            body={"name": name, "amount": amount, "currency": currency},
            idempotency_key=idempotency_key,
        )

    def retrieve(self, id: str) -> Store:
        return self._call(Store, "GET", "/v1/stores/" + seg(id))

    def list(
        self, *, limit: Optional[int] = None, starting_after: Optional[str] = None
    ) -> Page[Store]:
        return self._page(Store, "/v1/stores", {"limit": limit, "starting_after": starting_after})

    def qr_png(self, id: str) -> bytes:
        """The store code's QR image, as PNG bytes."""
        return self._bytes("/v1/stores/%s/qr.png" % seg(id))

    def qr_svg(self, id: str) -> bytes:
        """The store code's QR image, as SVG (UTF-8) bytes."""
        return self._bytes("/v1/stores/%s/qr.svg" % seg(id))
