"""Every page, for every role that may open it, in both languages: no code on screen, and in
Bahasa Indonesia no English word the product itself says.

What a page shows is gathered from AppTest (titles, text, notices, metrics, every widget's label,
options and help, tabs, expanders, table headings and cells, chart titles, axes and legends).
The data shown as typed (member labels, service names, child codes, user names, districts, the
text of actions) is taken out first: it is the agency's, not the product's. What is left must hold
no code (``behavioral_health``, ``view_child``, ``map.refer``) and, in Indonesian, none of the
English words of the product's own English catalogue, but for the proper names of
:data:`PROPER_NAMES`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from eska_network import i18n
from eska_network.domain import codes, io, severity
from eska_network.domain.gap_kinds import GAP_KINDS
from eska_network.domain.member_roles import MEMBER_ROLES
from eska_network.services import accounts, demo_setup
from eska_network.store import open_store
from ui import pages
from ui.map_page import TAB_KEY

from .access_fixtures import fast_hashing, navigation_only
from .conftest import SAMPLE_DATA

APP = Path(__file__).parents[1] / "app.py"
ROLE_USERS = {
    "caseworker": "cw_bdg1",
    "supervisor": "demo_supervisor",
    "planner": "demo_planner",
    "auditor": "demo_auditor",
    "admin": "demo_admin",
}
CASEWORKERS = {"SBY-003": "cw_sby1"}
"""The caseworker of a child a caseworker's page is opened on."""
PROPER_NAMES = {
    # Names of programmes, offices and tools, the same in both languages.
    "PATBM", "CBCPM", "UPTD", "PPA", "LPSK", "LKSA", "PKBM", "BLK", "RSUD", "LBH", "LSM", "NGO",
    "Sakti", "Peksos", "Kemensos", "Dinas", "Sosial", "easyNWK", "CSV", "PNG", "PDF", "HTML",
    "GeoJSON", "JSON", "ZIP", "OIDC", "WIB", "WITA", "WIT", "UTC", "ESKA", "CSEC", "K",
    # Words both languages write alike.
    "status", "material", "instrumental", "mentor", "personal", "interpersonal", "demo", "online",
    "email", "login", "logout", "admin", "supervisor", "planner", "auditor", "median", "total",
}  # fmt: skip
"""Words allowed in Indonesian text although the English catalogue uses them too."""
CODE = re.compile(
    r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\b[a-z]+\.(?!(?:csv|zip|json|toml)\b)[a-z_]+\b"
)
"""A code: ``snake_case`` or a dotted message id (a file name such as ``ties.csv`` is no code)."""


def _english_only_words() -> set[str]:
    """The words of the product's English catalogue and vocabularies no Indonesian text has."""
    english, indonesian = [], []
    for entry in i18n.MESSAGES.values():
        english.append(entry["en"])
        indonesian.append(entry["id"])
    for vocabulary in (
        codes.LEVELS, codes.FUNCTIONS, codes.SUPPORT_TYPES, codes.NEEDS, codes.RISK_FACTORS,
        codes.WELLBEING, codes.VALENCES, codes.PLACEMENTS, codes.STAGES, codes.WORKER_ROLES,
        codes.ACTION_STATUSES, codes.LEVEL_PAIRS, codes.LEVEL_STATUSES, codes.SEXES, MEMBER_ROLES,
    ):  # fmt: skip
        for item in vocabulary.items:
            english.append(item.en)
            indonesian.append(item.id)
    for kind in GAP_KINDS:
        for words in (kind.name, kind.sentence, kind.reason):
            english.append(words.en)
            indonesian.append(words.id)
    said = set(_words(" ".join(indonesian)))
    return {word for word in _words(" ".join(english)) if word not in said and len(word) > 2}


def _words(text: str) -> list[str]:
    text = re.sub(r"\{[a-z_]+\}", " ", text)
    return [word.lower() for word in re.findall(r"[A-Za-z]+", text)]


ENGLISH = _english_only_words() - {name.lower() for name in PROPER_NAMES}


@pytest.fixture(scope="module")
def sample_store_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('words') / 'eska.db'}"
    store = open_store(url)
    demo_setup.prepare_demo(store, SAMPLE_DATA)
    store.engine.dispose()
    return url


@pytest.fixture(scope="module")
def agency_data() -> list[str]:
    """Every text of the sample that a page shows as typed, longest first."""
    dataset = io.read_dataset(SAMPLE_DATA)
    texts = {
        *dataset.members["label"],
        *dataset.resources["name"],
        *dataset.children["child_id"],
        *dataset.children["district"],
        *dataset.children["caseworker"].dropna(),
        *dataset.actions["text"],
        *dataset.actions["responsible"].dropna(),
        *(account.user_name for account in demo_setup.demo_accounts(SAMPLE_DATA)),
        "Demo team",
        "demo_team",
        demo_setup.DEMO_PASSWORD,
    }
    return sorted((text for text in texts if isinstance(text, str) and text), key=len, reverse=True)


def _shown(app: AppTest) -> list[str]:
    """Every text the page shows, as the reader sees it."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "latex"):
        parts.extend(str(element.value) for element in getattr(app, kind))
    for kind in ("info", "warning", "error", "success", "exception"):
        parts.extend(str(element.value) for element in getattr(app, kind))
    for metric in app.metric:
        parts.extend([metric.label, str(metric.value)])
    widgets = (
        *app.selectbox, *app.multiselect, *app.radio, *app.text_input, *app.number_input,
        *app.date_input, *app.checkbox, *app.toggle, *app.slider, *app.select_slider,
        *app.text_area,
    )  # fmt: skip
    for widget in widgets:
        parts.append(str(widget.label))
        parts.append(str(getattr(widget.proto, "help", "") or ""))
        options = getattr(widget, "options", None)
        if options is not None:
            parts.extend(str(option) for option in options)
    parts.extend(button.label for button in app.button)
    parts.extend(tab.label for tab in app.tabs)
    parts.extend(expander.label for expander in app.expander)
    for frame in app.dataframe:
        table = frame.value
        parts.extend(str(name) for name in table.columns)
        parts.extend(str(cell) for cell in table.astype(str).to_numpy().ravel())
    for chart in app.get("plotly_chart"):
        parts.extend(_chart_words(json.loads(chart.proto.spec)))
    return parts


def _chart_words(figure: dict) -> list[str]:
    """The words a reader of a chart sees without pointing: titles, axes, legend, annotations."""
    layout = figure.get("layout", {})
    words = [str(layout.get("title", {}).get("text", ""))]
    for key, axis in layout.items():
        if key.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
            words.append(str(axis.get("title", {}).get("text", "")))
    words += [str(note.get("text", "")) for note in layout.get("annotations", [])]
    words += [
        str(trace.get("name", ""))
        for trace in figure.get("data", [])
        if trace.get("showlegend", True)
    ]
    return words


def _without_data(parts: list[str], data: list[str]) -> str:
    # A chart breaks long labels with <br> and marks some in italics: read them as text.
    text = re.sub(r"<br>", " ", "\n".join(parts))
    text = re.sub(r"</?[a-z]+>", "", text)
    # Text written escaped for Markdown reads without its backslashes.
    text = re.sub(r"\\(.)", r"\1", text)
    for typed in data:
        text = text.replace(typed, " ")
    # Dates, times and numbers are no words.
    return re.sub(r"\d[\d\-:./,]*", " ", text)


CHILDREN = {"child_map": ("SBY-003", "IDM-001", "BDG-002"), "record_assessment": ("SBY-003",)}
"""Children a page is also opened on (by the supervisor or the caseworker of their team)."""


def _cases():
    for role in ROLE_USERS:
        for page in pages.pages_for(role):
            for lang in ("en", "id"):
                yield pytest.param(page.key, role, lang, None, id=f"{page.key}-{role}-{lang}")
    for page_key, children in CHILDREN.items():
        role = "supervisor" if page_key == "child_map" else "caseworker"
        for child_id in children:
            for lang in ("en", "id"):
                yield pytest.param(
                    page_key, role, lang, child_id, id=f"{page_key}-{child_id}-{lang}"
                )


@pytest.mark.parametrize(("page_key", "role", "lang", "child_id"), list(_cases()))
def test_a_page_shows_no_code_and_in_indonesian_no_english_word(
    sample_store_url, agency_data, monkeypatch, page_key, role, lang, child_id
):
    monkeypatch.delenv("ESKA_DEMO", raising=False)
    monkeypatch.setenv("ESKA_DATABASE_URL", sample_store_url)
    navigation_only(monkeypatch)
    fast_hashing(monkeypatch)
    store = open_store(sample_store_url)
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.session_state["eska_principal"] = accounts.get_user(store, ROLE_USERS[role]).principal()
    app.session_state["eska_last_activity"] = accounts.utc_now()
    app.session_state["eska_language"] = lang
    if child_id:
        app.session_state["eska_child"] = child_id
    user = ROLE_USERS[role] if child_id is None or role == "supervisor" else CASEWORKERS[child_id]
    app.session_state["eska_principal"] = accounts.get_user(store, user).principal()
    store.engine.dispose()
    app.run()
    app.switch_page(pages.page(page_key).path).run()
    assert not app.exception, app.exception
    shown = _shown(app)
    untranslated = _streamlit_defaults(app)
    if page_key == "child_map":
        # Its tabs are computed only when open: open each one in turn.
        for tab in [tab.label for tab in app.tabs][1:]:
            app.session_state[TAB_KEY] = tab
            app.run()
            assert not app.exception, app.exception
            shown += _shown(app)
            untranslated += _streamlit_defaults(app)
    if lang == "id":
        assert untranslated == [], untranslated
    text = _without_data(shown, agency_data)
    codes_shown = sorted(set(CODE.findall(text)))
    assert codes_shown == [], codes_shown
    if lang == "id":
        english = sorted({word for word in _words(text) if word in ENGLISH})
        assert english == [], english


INDONESIAN = {entry["id"] for entry in i18n.MESSAGES.values()}


def _streamlit_defaults(app: AppTest) -> list[str]:
    """Widgets that leave a text to Streamlit: a select box or multiselect without a placeholder
    of the catalogue (Streamlit's own reads "Choose an option"), a date input not written
    DD/MM/YYYY (Streamlit's own is YYYY/MM/DD)."""
    found = []
    for widget in (*app.selectbox, *app.multiselect):
        if widget.proto.placeholder not in INDONESIAN:
            found.append(f"{widget.label}: placeholder {widget.proto.placeholder!r}")
    for widget in app.date_input:
        if widget.proto.format != i18n.text("app.date_format", "id"):
            found.append(f"{widget.label}: format {widget.proto.format!r}")
    return found


# --- One word per concept, in the words Indonesian social workers use ---------------------------

TERMS = {
    r"\bgaps?\b": "kesenjangan",
    r"\breferrals?\b": "rujukan",
    r"\bcaseload\b": "daftar kasus",
    r"\bcase conferences?\b": "konferensi kasus",
    r"\bcaseworkers?\b": "pekerja sosial",
    r"\bdistricts?\b": "kabupaten/kota",
    r"\b(?:overdue|agreed|new) actions?\b|\bactions?\b(?! (?:log|taken))": "rencana tindak lanjut",
}
"""English terms and the one Indonesian word each always becomes."""
NEVER = re.compile(r"\bcelah\b|\bdistrik\b|\bbeban kasus\b|\bmenekan\b(?! [A-Z])", re.IGNORECASE)
"""Words the Indonesian text never uses: another word for a gap or a district, or *menekan* for a
stressful tie (it is *penuh tekanan*; *menekan* stays only as "press" before a button's name)."""
OTHER_CONCEPTS = ("audit.",)
"""Message areas where "action" is something else (an audited event of the log)."""


def _pairs():
    for key, entry in i18n.MESSAGES.items():
        yield key, entry["en"], entry["id"]
    for kind in GAP_KINDS:
        for field in ("name", "sentence", "reason", "short"):
            words = getattr(kind, field)
            yield f"{kind.code}.{field}", words.en, words.id
    for part, words in {**severity.SHORT_WORDS, **severity.BAND_WORDS}.items():
        yield f"severity.{part}", words.en, words.id


@pytest.mark.parametrize(
    ("key", "english", "indonesian"), list(_pairs()), ids=lambda v: str(v)[:40]
)
def test_each_concept_has_its_one_indonesian_word(key, english, indonesian):
    assert not NEVER.search(indonesian), indonesian
    english = re.sub(r"\{[a-z_]+\}", " ", english)
    for term, word in TERMS.items():
        if "action" in term and key.startswith(OTHER_CONCEPTS):
            continue
        if re.search(term, english, re.IGNORECASE):
            assert word in indonesian.lower(), (term, word, indonesian)
