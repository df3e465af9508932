"""The app's pages: file, address, menu icon, the permission that opens each, what each offers.

The menu of a role lists the pages its permissions open; that is a convenience. The protection is
:func:`require_page` (and the record-level checks of :mod:`eska_network.services.access`), run on
the server at the top of every page.
"""

from __future__ import annotations

from dataclasses import dataclass

from eska_network.services import access
from eska_network.services.access import Principal
from eska_network.store import Store


@dataclass(frozen=True)
class Page:
    """One page of the app: its file, the permission needed to open it, the actions it offers."""

    key: str
    path: str
    permission: str | None
    actions: tuple[str, ...]
    icon: str

    @property
    def title_id(self) -> str:
        """The :mod:`eska_network.i18n` message id of the page's title."""
        return f"page.{self.key}"


PAGES = (
    Page("home", "pages/home.py", None, (), ":material/home:"),
    Page(
        "child_map",
        "pages/child_map.py",
        access.VIEW_CHILD,
        (access.VIEW_CHILD, access.EXPORT_CHILD),
        ":material/hub:",
    ),
    Page(
        "record_assessment",
        "pages/record_assessment.py",
        access.EDIT_CHILD,
        (access.VIEW_CHILD, access.EDIT_CHILD),
        ":material/edit_note:",
    ),
    Page(
        "caseload",
        "pages/caseload.py",
        access.VIEW_CASELOAD,
        (access.VIEW_CASELOAD, access.VIEW_CHILD, access.REASSIGN, access.EXPORT_CHILD),
        ":material/groups:",
    ),
    Page(
        "districts",
        "pages/districts.py",
        access.VIEW_DISTRICTS,
        (access.VIEW_DISTRICTS, access.EXPORT_AGGREGATE),
        ":material/map:",
    ),
    Page(
        "import_data",
        "pages/import_data.py",
        access.IMPORT_DATA,
        (access.IMPORT_DATA,),
        ":material/upload:",
    ),
    Page(
        "audit_log",
        "pages/audit_log.py",
        access.READ_AUDIT,
        (access.READ_AUDIT, access.EXPORT_AUDIT),
        ":material/policy:",
    ),
    Page(
        "accounts",
        "pages/accounts.py",
        access.MANAGE_ACCOUNTS,
        (access.MANAGE_ACCOUNTS,),
        ":material/manage_accounts:",
    ),
)


def pages_for(role: str) -> tuple[Page, ...]:
    """The pages ``role`` may open, in menu order.

    Examples
    --------
    >>> [page.key for page in pages_for("planner")]
    ['home', 'districts']
    """
    return tuple(
        page for page in PAGES if page.permission is None or access.allows(role, page.permission)
    )


def page(key: str) -> Page:
    """The page with this key (KeyError when there is none)."""
    for candidate in PAGES:
        if candidate.key == key:
            return candidate
    raise KeyError(key)


def require_page(store: Store, principal: Principal, page_key: str) -> None:
    """Check that ``principal`` may open the page; only a refusal is audited.

    Raises
    ------
    AccessDenied
        When the role may not open the page.
    """
    permission = page(page_key).permission
    if permission is not None:
        access.require(store, principal, permission, audit_use=False)
