"""What a user sees when the store fails: what failed, that nothing was saved, what to do.

Every write is one transaction, so a failure leaves the store as it was. The details (which may
name tables or values) go to the server's log, never to the screen.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
import streamlit as st

from eska_network.services.demo_setup import DemoRefused

from .lang import t

LOG = logging.getLogger("eska_network.app")


def fault_message(error: BaseException, now: dt.datetime) -> str:
    """The translated words for a store fault: what failed, then what it means and what to do."""
    if isinstance(error, sa.exc.ProgrammingError | sa.exc.IntegrityError):
        what = "app.fault.refused"
    elif isinstance(error, sa.exc.SQLAlchemyError):
        what = "app.fault.unreachable"
    else:
        what = "app.fault.files"
    return f"{t(what)} {t('app.fault.then', time=f'{now:%H:%M:%S}')}"


@contextmanager
def store_faults() -> Iterator[None]:
    """Turn a failure of the store into a clear message, and stop the page there."""
    try:
        yield
    except DemoRefused as refusal:
        st.error(t("app.demo_refused", reason=str(refusal)), icon=":material/block:")
        st.stop()
    except (sa.exc.SQLAlchemyError, OSError) as error:
        now = dt.datetime.now(dt.UTC)
        LOG.exception("store fault at %s", now.isoformat(timespec="seconds"))
        st.error(fault_message(error, now), icon=":material/database:")
        st.stop()
