"""The build's clock: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else now."""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")


def build_time() -> dt.datetime:
    """The moment the build pretends to run at, in Europe/Helsinki."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=HELSINKI)
    return dt.datetime.now(tz=HELSINKI)


def build_date() -> dt.date:
    return build_time().date()
