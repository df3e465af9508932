"""The words of the app's screens in English and Bahasa Indonesia, keyed by message id.

Domain vocabularies keep their labels in :mod:`eska_network.codes`; this table holds everything
else a screen says. Add a message as ``"message_id": {"en": ..., "id": ...}``; ``{name}`` fields
are filled by :func:`text`.
"""

from __future__ import annotations

from .codes import LANGUAGES

LANGUAGE_NAMES = {"en": "English", "id": "Bahasa Indonesia"}

MESSAGES: dict[str, dict[str, str]] = {
    # The shell
    "app.title": {"en": "ESKA support networks", "id": "Jaringan dukungan ESKA"},
    "app.language": {"en": "Language", "id": "Bahasa"},
    "app.signed_in_as": {
        "en": "Signed in as {user} ({role})",
        "id": "Masuk sebagai {user} ({role})",
    },
    "app.logout": {"en": "Log out", "id": "Keluar"},
    "app.timed_out": {
        "en": "You were logged out after {minutes} minutes without activity.",
        "id": "Anda dikeluarkan setelah {minutes} menit tanpa aktivitas.",
    },
    "app.logged_out": {"en": "You are logged out.", "id": "Anda sudah keluar."},
    "app.demo_banner": {
        "en": "Demo mode: fictional data, demo accounts. Do not enter real children's records.",
        "id": "Mode demo: data fiktif, akun demo. Jangan memasukkan catatan anak yang nyata.",
    },
    "app.refused": {
        "en": "You may not see this. The attempt has been recorded.",
        "id": "Anda tidak boleh melihat ini. Percobaan ini telah dicatat.",
    },
    "app.no_child_in_url": {
        "en": "Children are never chosen through the address bar; pick the child on the page.",
        "id": "Anak tidak pernah dipilih lewat bilah alamat; pilih anak di halaman.",
    },
    "app.coming_soon": {"en": "Coming soon.", "id": "Segera hadir."},
    "app.child": {"en": "Child", "id": "Anak"},
    # Login
    "login.title": {"en": "Log in", "id": "Masuk"},
    "login.user": {"en": "User name", "id": "Nama pengguna"},
    "login.password": {"en": "Password", "id": "Kata sandi"},
    "login.submit": {"en": "Log in", "id": "Masuk"},
    "login.failed": {
        "en": "Wrong user name or password.",
        "id": "Nama pengguna atau kata sandi salah.",
    },
    "login.locked": {
        "en": "Too many failed attempts: this account is locked until {until} UTC.",
        "id": "Terlalu banyak percobaan gagal: akun ini dikunci sampai {until} UTC.",
    },
    "login.no_accounts_hint": {
        "en": "No account yet? An operator creates the first administrator on the server with "
        "`python -m eska_network users add NAME --role admin --password-stdin`.",
        "id": "Belum punya akun? Operator membuat administrator pertama di server dengan "
        "`python -m eska_network users add NAMA --role admin --password-stdin`.",
    },
    "login.demo_accounts": {
        "en": "Demo accounts (password `{password}` for each):",
        "id": "Akun demo (kata sandi `{password}` untuk masing-masing):",
    },
    "login.demo_as": {"en": "Log in as {role}", "id": "Masuk sebagai {role}"},
    "login.oidc": {
        "en": "Log in with the agency's identity provider",
        "id": "Masuk dengan penyedia identitas lembaga",
    },
    "login.oidc_unknown": {
        "en": "Your agency account has no local user here; ask an administrator.",
        "id": "Akun lembaga Anda belum punya pengguna lokal di sini; hubungi administrator.",
    },
    "login.preparing": {
        "en": "Preparing the data store...",
        "id": "Menyiapkan penyimpanan data...",
    },
    # Roles
    "role.caseworker": {"en": "caseworker", "id": "pekerja sosial"},
    "role.supervisor": {"en": "supervisor", "id": "supervisor"},
    "role.planner": {"en": "planner", "id": "perencana"},
    "role.auditor": {"en": "auditor", "id": "auditor"},
    "role.admin": {"en": "administrator", "id": "administrator"},
    # Pages
    "page.home": {"en": "Home", "id": "Beranda"},
    "page.child_map": {"en": "Child map", "id": "Peta anak"},
    "page.record_assessment": {"en": "Record an assessment", "id": "Catat asesmen"},
    "page.caseload": {"en": "Caseload", "id": "Beban kasus"},
    "page.districts": {"en": "Districts", "id": "Kabupaten/kota"},
    "page.import_data": {"en": "Import data", "id": "Impor data"},
    "page.audit_log": {"en": "Audit log", "id": "Log audit"},
    "page.accounts": {"en": "Accounts", "id": "Akun"},
    # Home
    "home.welcome": {"en": "Welcome, {user}.", "id": "Selamat datang, {user}."},
    "home.intro.caseworker": {
        "en": "You see and edit the children assigned to you: {count} children.",
        "id": "Anda melihat dan mengubah anak yang ditugaskan kepada Anda: {count} anak.",
    },
    "home.intro.supervisor": {
        "en": "You see the children of your team's caseworkers ({count} children) and can "
        "reassign them.",
        "id": "Anda melihat anak-anak dari pekerja sosial tim Anda ({count} anak) dan dapat "
        "memindahkan penugasannya.",
    },
    "home.intro.planner": {
        "en": "You see district aggregates, with small counts suppressed; never a single child.",
        "id": "Anda melihat agregat per kabupaten/kota, dengan jumlah kecil disembunyikan; "
        "tidak pernah satu anak.",
    },
    "home.intro.auditor": {
        "en": "You read the audit log: who looked at what, and when.",
        "id": "Anda membaca log audit: siapa melihat apa, dan kapan.",
    },
    "home.intro.admin": {
        "en": "You manage accounts and teams. Administrators see no child data.",
        "id": "Anda mengelola akun dan tim. Administrator tidak melihat data anak.",
    },
    "home.pages": {"en": "Your pages:", "id": "Halaman Anda:"},
    # Audit log page
    "audit.from": {"en": "From (UTC)", "id": "Dari (UTC)"},
    "audit.to": {"en": "To (UTC)", "id": "Sampai (UTC)"},
    "audit.user": {"en": "User", "id": "Pengguna"},
    "audit.action": {"en": "Action", "id": "Tindakan"},
    "audit.child": {"en": "Child code", "id": "Kode anak"},
    "audit.outcome": {"en": "Outcome", "id": "Hasil"},
    "audit.any": {"en": "(any)", "id": "(semua)"},
    "audit.rows": {"en": "{count} rows", "id": "{count} baris"},
    "audit.limited": {
        "en": "Showing the latest {limit} rows; narrow the filters to see older ones.",
        "id": "Menampilkan {limit} baris terbaru; persempit filter untuk melihat yang lebih lama.",
    },
    "audit.export": {"en": "Download CSV", "id": "Unduh CSV"},
    # Accounts page
    "accounts.users": {"en": "Users", "id": "Pengguna"},
    "accounts.teams": {"en": "Teams", "id": "Tim"},
    "accounts.add_user": {"en": "Add a user", "id": "Tambah pengguna"},
    "accounts.add_team": {"en": "Add a team", "id": "Tambah tim"},
    "accounts.change_user": {"en": "Change a user", "id": "Ubah pengguna"},
    "accounts.user_name": {"en": "User name", "id": "Nama pengguna"},
    "accounts.display_name": {"en": "Display name", "id": "Nama tampilan"},
    "accounts.role": {"en": "Role", "id": "Peran"},
    "accounts.team": {"en": "Team", "id": "Tim"},
    "accounts.no_team": {"en": "(no team)", "id": "(tanpa tim)"},
    "accounts.team_code": {"en": "Team code", "id": "Kode tim"},
    "accounts.team_name": {"en": "Team name", "id": "Nama tim"},
    "accounts.password": {"en": "Initial password", "id": "Kata sandi awal"},
    "accounts.new_password": {"en": "New password", "id": "Kata sandi baru"},
    "accounts.save": {"en": "Save", "id": "Simpan"},
    "accounts.lock": {"en": "Lock", "id": "Kunci"},
    "accounts.unlock": {"en": "Unlock", "id": "Buka kunci"},
    "accounts.set_password": {"en": "Set password", "id": "Atur kata sandi"},
    "accounts.done": {"en": "Saved.", "id": "Tersimpan."},
}


def text(message_id: str, lang: str = "en", **fields: object) -> str:
    """The message in ``lang`` (English when ``lang`` is unknown), with ``fields`` filled in.

    Examples
    --------
    >>> text("home.welcome", "id", user="ani")
    'Selamat datang, ani.'
    >>> text("page.home", "fr")
    'Home'
    """
    entry = MESSAGES[message_id]
    message = entry[lang] if lang in LANGUAGES else entry["en"]
    return message.format(**fields) if fields else message
