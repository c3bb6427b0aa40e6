"""The channel accounts routing may choose from."""

from .._model import ListObject
from ..models import ChannelAccount
from ._base import Resource


class ChannelAccountService(Resource):
    """``client.channel_accounts``: the channel accounts routing may choose."""

    def list(self) -> ListObject[ChannelAccount]:
        return self._list(ChannelAccount, "/v1/channel_accounts")
