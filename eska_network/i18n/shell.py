"""Words of the app's frame: title, menu, pages, roles, the home page."""

MESSAGES: dict[str, dict[str, str]] = {
    # Dates are written day first in both languages (Streamlit's date inputs and date columns).
    "app.date_format": {"en": "DD/MM/YYYY", "id": "DD/MM/YYYY"},
    # Streamlit's own placeholders ("Choose an option") are English: every select box says ours.
    "app.choose_one": {"en": "Choose one", "id": "Pilih salah satu"},
    "app.choose_many": {"en": "Choose one or more", "id": "Pilih satu atau lebih"},
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
    "app.demo_refused": {
        "en": "Demo mode did not start: {reason}. Demo mode opens only an empty store or one it "
        "created itself. Point ESKA_DATABASE_URL at a new file (`make run` uses data/demo.db), or "
        "start the app without ESKA_DEMO.",
        "id": "Mode demo tidak dimulai: {reason}. Mode demo hanya membuka penyimpanan kosong atau "
        "yang dibuatnya sendiri. Arahkan ESKA_DATABASE_URL ke berkas baru (`make run` memakai "
        "data/demo.db), atau jalankan aplikasi tanpa ESKA_DEMO.",
    },
    "app.fault.unreachable": {
        "en": "The database could not be reached or could not write (it may be stopped, busy or "
        "out of disk space).",
        "id": "Basis data tidak dapat dihubungi atau tidak dapat menulis (mungkin berhenti, sibuk "
        "atau kehabisan ruang disk).",
    },
    "app.fault.refused": {
        "en": "The database refused the app's request (a permission or schema problem).",
        "id": "Basis data menolak permintaan aplikasi (masalah izin atau skema).",
    },
    "app.fault.files": {
        "en": "A file of the data store could not be read or written.",
        "id": "Sebuah berkas penyimpanan data tidak dapat dibaca atau ditulis.",
    },
    "app.fault.then": {
        "en": "Nothing was saved by this step. Try again in a few minutes; if it keeps happening, "
        "tell your administrator (the server's log says what happened, at {time} UTC).",
        "id": "Langkah ini tidak menyimpan apa pun. Coba lagi beberapa menit lagi; bila terus "
        "terjadi, beri tahu administrator Anda (log server mencatat kejadiannya, pukul {time} "
        "UTC).",
    },
    "app.no_child_in_url": {
        "en": "Children are never chosen through the address bar; pick the child on the page.",
        "id": "Anak tidak pernah dipilih lewat bilah alamat; pilih anak di halaman.",
    },
    "app.coming_soon": {"en": "Coming soon.", "id": "Segera hadir."},
    "app.child": {"en": "Child", "id": "Anak"},
    "app.child_search": {"en": "Find a child by id", "id": "Cari anak menurut ID"},
    "app.child_search_placeholder": {"en": "Start of the id", "id": "Awal ID"},
    "app.child_search_help": {
        "en": "You may see many children: type the start of an id; the list below shows the "
        "first {limit} that match.",
        "id": "Anda dapat melihat banyak anak: ketik awal ID; daftar di bawah menampilkan "
        "{limit} pertama yang cocok.",
    },
    "role.caseworker": {"en": "caseworker", "id": "pekerja sosial"},
    "role.supervisor": {"en": "supervisor", "id": "supervisor"},
    "role.planner": {"en": "planner", "id": "perencana"},
    "role.auditor": {"en": "auditor", "id": "auditor"},
    "role.admin": {"en": "administrator", "id": "administrator"},
    "role.operator": {"en": "command line", "id": "baris perintah"},
    "role.cli": {"en": "command line", "id": "baris perintah"},
    "page.home": {"en": "Home", "id": "Beranda"},
    "page.child_map": {"en": "Child map", "id": "Peta anak"},
    "page.record_assessment": {"en": "Record an assessment", "id": "Catat asesmen"},
    "page.caseload": {"en": "Caseload", "id": "Daftar kasus"},
    "page.districts": {"en": "Districts", "id": "Kabupaten/kota"},
    "page.import_data": {"en": "Import data", "id": "Impor data"},
    "page.audit_log": {"en": "Audit log", "id": "Log audit"},
    "page.accounts": {"en": "Accounts", "id": "Akun"},
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
}
