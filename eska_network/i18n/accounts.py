"""Words of logging in and of managing accounts and teams."""

MESSAGES: dict[str, dict[str, str]] = {
    "login.title": {"en": "Log in", "id": "Masuk"},
    "login.user": {"en": "User name", "id": "Nama pengguna"},
    "login.password": {"en": "Password", "id": "Kata sandi"},
    "login.submit": {"en": "Log in", "id": "Masuk"},
    "login.failed": {
        "en": "You could not be logged in: the user name or the password is wrong, or the "
        "account is locked ({attempts} failed attempts lock it for {minutes} minutes). Try again "
        "later, or ask your administrator.",
        "id": "Anda tidak dapat masuk: nama pengguna atau kata sandi salah, atau akun sedang "
        "dikunci ({attempts} percobaan gagal menguncinya selama {minutes} menit). Coba lagi "
        "nanti, atau hubungi administrator Anda.",
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
    "accounts.column.user_name": {"en": "User name", "id": "Nama pengguna"},
    "accounts.column.display_name": {"en": "Name", "id": "Nama"},
    "accounts.column.role": {"en": "Role", "id": "Peran"},
    "accounts.column.team": {"en": "Team", "id": "Tim"},
    "accounts.column.state": {"en": "State", "id": "Status"},
    "accounts.column.locked_until": {"en": "Locked until", "id": "Dikunci sampai"},
    "accounts.state.active": {"en": "active", "id": "aktif"},
    "accounts.state.locked": {"en": "locked (failed logins)", "id": "terkunci (gagal masuk)"},
    "accounts.state.deactivated": {"en": "deactivated", "id": "dinonaktifkan"},
}
