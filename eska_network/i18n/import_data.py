"""Words of importing and exporting a data set."""

MESSAGES: dict[str, dict[str, str]] = {
    "import.intro": {
        "en": "Upload a data set as one zip file, or as its CSV files (children.csv, members.csv, "
        "ties.csv and, if you have it, resources.csv). At most {limit} MB. The files are checked "
        "first; nothing changes until you press Import, and then all of it is imported or "
        "nothing.",
        "id": "Unggah data sebagai satu berkas zip, atau sebagai berkas CSV-nya (children.csv, "
        "members.csv, ties.csv dan, bila ada, resources.csv). Paling besar {limit} MB. Berkas "
        "diperiksa dulu; tidak ada yang berubah sampai Anda menekan Impor, lalu semuanya "
        "diimpor atau tidak sama sekali.",
    },
    "import.upload": {"en": "Data files (zip or CSV)", "id": "Berkas data (zip atau CSV)"},
    "import.checking": {"en": "Checking the files...", "id": "Memeriksa berkas..."},
    "import.too_large": {
        "en": "the upload is {size} MB; the limit is {limit} MB",
        "id": "unggahan {size} MB; batasnya {limit} MB",
    },
    "import.unknown_file": {
        "en": "is not a file of the data format: name it children.csv, members.csv, ties.csv or "
        "resources.csv, or upload one zip file",
        "id": "bukan berkas format data: beri nama children.csv, members.csv, ties.csv atau "
        "resources.csv, atau unggah satu berkas zip",
    },
    "import.not_yours": {
        "en": "child {child} is not one of the children you may see, so you may not change it",
        "id": "anak {child} bukan anak yang boleh Anda lihat, jadi Anda tidak boleh mengubahnya",
    },
    "import.caseworker_missing": {
        "en": "a caseworker is required: name an active caseworker{of_team}",
        "id": "pekerja sosial wajib diisi: sebutkan pekerja sosial yang aktif{of_team}",
    },
    "import.caseworker_unknown": {
        "en": "{name} is not an active caseworker{of_team}: an import never assigns a child to "
        "anyone else",
        "id": "{name} bukan pekerja sosial yang aktif{of_team}: impor tidak pernah menugaskan "
        "anak kepada orang lain",
    },
    "import.of_team": {"en": " of your team ({team})", "id": " di tim Anda ({team})"},
    "import.problems": {
        "en": "These files cannot be imported: {n} problem(s). Nothing was changed. Fix them and "
        "upload the files again.",
        "id": "Berkas ini tidak dapat diimpor: {n} masalah. Tidak ada yang diubah. Perbaiki lalu "
        "unggah lagi.",
    },
    "import.column.file": {"en": "File", "id": "Berkas"},
    "import.column.row": {"en": "Row", "id": "Baris"},
    "import.column.column": {"en": "Column", "id": "Kolom"},
    "import.column.problem": {"en": "Problem", "id": "Masalah"},
    "import.download_problems": {
        "en": "Download the problems (CSV)",
        "id": "Unduh daftar masalah (CSV)",
    },
    "import.valid": {
        "en": "The files are valid: {summary}. Importing them would change:",
        "id": "Berkas valid: {summary}. Mengimpornya akan mengubah:",
    },
    "import.column.what": {"en": "What", "id": "Apa"},
    "import.column.added": {"en": "Added", "id": "Ditambah"},
    "import.column.updated": {"en": "Updated", "id": "Diperbarui"},
    "import.column.unchanged": {"en": "Already stored", "id": "Sudah tersimpan"},
    "import.kind.children": {"en": "Children", "id": "Anak"},
    "import.kind.members": {"en": "Members", "id": "Anggota"},
    "import.kind.ties": {"en": "Tie rows", "id": "Baris ikatan"},
    "import.kind.resources": {"en": "Services (resources)", "id": "Layanan (sumber daya)"},
    "import.nothing_new": {
        "en": "Everything in these files is already stored: importing them changes nothing.",
        "id": "Semua isi berkas ini sudah tersimpan: mengimpornya tidak mengubah apa pun.",
    },
    "import.submit": {"en": "Import all of it", "id": "Impor semuanya"},
    "import.progress.check": {"en": "Checking again...", "id": "Memeriksa lagi..."},
    "import.progress.write": {
        "en": "Writing to the database (all or nothing)...",
        "id": "Menulis ke basis data (semua atau tidak sama sekali)...",
    },
    "import.progress.done": {"en": "Done.", "id": "Selesai."},
    "import.done": {
        "en": "Imported, and recorded in the audit log. What changed:",
        "id": "Sudah diimpor dan dicatat di log audit. Yang berubah:",
    },
    "import.export_title": {"en": "Export", "id": "Ekspor"},
    "import.export_intro": {
        "en": "Download the records of the children you may see, with the district services, as "
        "a zip of CSV files in the same format. Every export is recorded in the audit log.",
        "id": "Unduh catatan anak yang boleh Anda lihat, beserta layanan kabupaten/kota, sebagai "
        "zip "
        "berisi berkas CSV dengan format yang sama. Setiap ekspor dicatat di log audit.",
    },
    "import.export_prepare": {"en": "Prepare the export", "id": "Siapkan ekspor"},
    "import.export_download": {
        "en": "Download the zip ({n} children)",
        "id": "Unduh zip ({n} anak)",
    },
    "import.easynwk.title": {"en": "A map drawn in easyNWK", "id": "Peta yang digambar di easyNWK"},
    "import.easynwk.intro": {
        "en": "An easyNWK file (JSON, as easyNWK saves it) becomes one child's record: every "
        "version a dated assessment. It is checked first and imported all or nothing; the "
        "documentation on easyNWK says how sectors and horizons are read.",
        "id": "Berkas easyNWK (JSON, seperti disimpan easyNWK) menjadi catatan satu anak: setiap "
        "versi menjadi asesmen bertanggal. Berkas diperiksa dulu dan diimpor seluruhnya atau "
        "tidak sama sekali; dokumentasi tentang easyNWK menjelaskan cara sektor dan cakrawala "
        "dibaca.",
    },
    "import.easynwk.file": {"en": "easyNWK file", "id": "Berkas easyNWK"},
    "import.easynwk.child": {"en": "The child's code", "id": "Kode anak"},
    "import.easynwk.district": {"en": "Kabupaten/kota", "id": "Kabupaten/kota"},
    "import.easynwk.age": {
        "en": "Age (when the file has none)",
        "id": "Usia (bila berkas tidak memuatnya)",
    },
    "import.easynwk.caseworker": {"en": "Caseworker", "id": "Pekerja sosial"},
    "import.easynwk.check": {"en": "Check the file", "id": "Periksa berkas"},
    "import.easynwk.too_large": {
        "en": "the file is larger than {mb} MB: not an easyNWK map of one person",
        "id": "berkas lebih dari {mb} MB: bukan peta easyNWK satu orang",
    },
}
