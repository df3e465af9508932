"""Words of checking data: every problem an import, a form or the store can find, and where.

Fields in quotes (``{cell}``, ``{value}``, ``{child}``...) come quoted already; codes and column
names stay as the file has them, since the user must find them in the file.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # Where a problem is
    "validation.place.row": {"en": "row {row}", "id": "baris {row}"},
    "validation.place.column": {"en": "column {column}", "id": "kolom {column}"},
    # Files
    "validation.file_missing": {
        "en": "required file is missing",
        "id": "berkas wajib tidak ada",
    },
    "validation.no_source": {
        "en": "no such folder or zip file",
        "id": "folder atau berkas zip ini tidak ada",
    },
    "validation.not_zip": {"en": "is not a zip file", "id": "bukan berkas zip"},
    "validation.zip_folders": {
        "en": "holds data files in more than one folder ({names})",
        "id": "menyimpan berkas data di lebih dari satu folder ({names})",
    },
    "validation.zip_top_level": {"en": "the top level", "id": "tingkat teratas"},
    "validation.zip_too_big": {
        "en": "unpacks to {size} MB, more than the limit of {limit} MB (set {variable} to change "
        "it); nothing was unpacked",
        "id": "setelah dibuka menjadi {size} MB, lebih dari batas {limit} MB (ubah dengan "
        "{variable}); tidak ada yang dibuka",
    },
    "validation.zip_bomb": {
        "en": "unpacks to {size} MB from {packed} MB, {ratio} times its size: no data set packs "
        "more than {most} times, so this looks like a zip bomb; nothing was unpacked",
        "id": "setelah dibuka menjadi {size} MB dari {packed} MB, {ratio} kali ukurannya: tidak "
        "ada kumpulan data yang memampat lebih dari {most} kali, jadi ini tampak seperti bom zip; "
        "tidak ada yang dibuka",
    },
    "validation.zip_broken": {
        "en": "cannot be unpacked: {error}",
        "id": "tidak dapat dibuka: {error}",
    },
    "validation.utf16": {
        "en": "is UTF-16 text, not UTF-8: save it as CSV UTF-8",
        "id": "berupa teks UTF-16, bukan UTF-8: simpan sebagai CSV UTF-8",
    },
    "validation.workbook": {
        "en": "is a zip archive or an Excel workbook, not a CSV file",
        "id": "berupa arsip zip atau buku kerja Excel, bukan berkas CSV",
    },
    "validation.binary": {
        "en": "is not a CSV file: it holds binary data",
        "id": "bukan berkas CSV: berisi data biner",
    },
    "validation.not_utf8": {
        "en": "is not UTF-8 text: save it as CSV UTF-8",
        "id": "bukan teks UTF-8: simpan sebagai CSV UTF-8",
    },
    "validation.odd_quotes": {
        "en": 'is not a CSV file: it has an odd number of quotes ("), so a quoted cell is never '
        "closed or a quote inside a cell is not doubled",
        "id": 'bukan berkas CSV: jumlah tanda kutip (") ganjil, sehingga sel berkutip tidak '
        "pernah ditutup atau tanda kutip di dalam sel tidak digandakan",
    },
    "validation.empty_file": {
        "en": "is empty: the first row must name the columns",
        "id": "kosong: baris pertama harus berisi nama kolom",
    },
    "validation.not_csv": {
        "en": "is not a CSV file ({error})",
        "id": "bukan berkas CSV ({error})",
    },
    "validation.cells": {
        "en": "has {cells} cells but the header has {width}",
        "id": "berisi {cells} sel, padahal judul kolom ada {width}",
    },
    "validation.unnamed_column": {
        "en": "column {number} has values but no name in the header",
        "id": "kolom {number} berisi nilai tetapi tidak bernama di baris judul",
    },
    "validation.repeated_column": {
        "en": "this column appears more than once in the header",
        "id": "kolom ini muncul lebih dari sekali di baris judul",
    },
    "validation.column_missing": {
        "en": "required column {column} is missing",
        "id": "kolom wajib {column} tidak ada",
    },
    "validation.more_problems": {
        "en": "{count} more problems in this column, not listed one by one",
        "id": "{count} masalah lain di kolom ini, tidak dirinci satu per satu",
    },
    # Cells
    "validation.required": {"en": "a value is required", "id": "wajib diisi"},
    "validation.bad_id": {
        "en": "{cell} is not a valid id: use 1 to 32 letters, digits, _ or -",
        "id": "{cell} bukan kode yang sah: gunakan 1 sampai 32 huruf, angka, _ atau -",
    },
    "validation.not_whole": {
        "en": "{cell} is not a whole number",
        "id": "{cell} bukan bilangan bulat",
    },
    "validation.out_of_range": {
        "en": "{number} is out of range {low} to {high}",
        "id": "{number} di luar rentang {low} sampai {high}",
    },
    "validation.bad_date": {
        "en": "{cell} is not a date in YYYY-MM-DD form",
        "id": "{cell} bukan tanggal berformat TTTT-BB-HH",
    },
    "validation.unknown_code": {
        "en": "unknown code {cell} (expected one of: {expected})",
        "id": "kode tidak dikenal {cell} (seharusnya salah satu dari: {expected})",
    },
    "validation.unknown_codes": {
        "en": "unknown codes {cells} (expected any of: {expected})",
        "id": "kode tidak dikenal {cells} (seharusnya di antara: {expected})",
    },
    "validation.unknown_code_in_list": {
        "en": "unknown code {cells} (expected any of: {expected})",
        "id": "kode tidak dikenal {cells} (seharusnya di antara: {expected})",
    },
    "validation.none_alone": {
        "en": "'none' cannot be listed with other codes",
        "id": "'none' tidak boleh ditulis bersama kode lain",
    },
    # Keys
    "validation.duplicate_for_child": {
        "en": "duplicate {column} {value} for child {child} (first in row {first})",
        "id": "{column} {value} ganda untuk anak {child} (pertama di baris {first})",
    },
    "validation.second_assessment": {
        "en": "a second assessment of child {child} on {day} (first in row {first})",
        "id": "asesmen kedua untuk anak {child} pada {day} (pertama di baris {first})",
    },
    "validation.duplicate": {
        "en": "duplicate {column} {value} (first in row {first})",
        "id": "{column} {value} ganda (pertama di baris {first})",
    },
    "validation.second_tie_row": {
        "en": "a second row for the tie {a} - {b} of child {child} on {day} (first in row {first})",
        "id": "baris kedua untuk ikatan {a} - {b} anak {child} pada {day} (pertama di baris "
        "{first})",
    },
    # References between files
    "validation.child_reserved": {
        "en": "'child' is reserved for the child at the centre of the map",
        "id": "'child' khusus untuk anak di tengah peta",
    },
    "validation.no_child": {
        "en": "no child {cell} in children.csv",
        "id": "tidak ada anak {cell} di children.csv",
    },
    "validation.no_resource": {
        "en": "no resource {cell} in resources.csv",
        "id": "tidak ada layanan {cell} di resources.csv",
    },
    "validation.same_ends": {
        "en": "source and target are both {cell}",
        "id": "source dan target sama-sama {cell}",
    },
    "validation.child_as_target": {
        "en": "target must be a member_id; the child ('child') goes in source",
        "id": "target harus member_id; anak ('child') ditulis di source",
    },
    "validation.not_a_member": {
        "en": "{member} is not a member of child {child} in members.csv",
        "id": "{member} bukan anggota jaringan anak {child} di members.csv",
    },
    "validation.unknown_gap": {
        "en": "{cell} names no kind of gap (expected kind:subject, kind one of: {expected})",
        "id": "{cell} tidak menyebut jenis kesenjangan (seharusnya jenis:pokok, jenis salah satu "
        "dari: {expected})",
    },
    "validation.referral_service": {
        "en": "a referral names the service it goes to",
        "id": "rujukan harus menyebut layanan tujuannya",
    },
    "validation.referral_broker": {
        "en": "a referral is the broker's action: worker_role must be broker",
        "id": "rujukan adalah rencana tindak lanjut oleh perantara: worker_role harus broker",
    },
    "validation.other_district": {
        "en": "{cell} is a service of {where}, not of the child's district ({home})",
        "id": "{cell} adalah layanan {where}, bukan kabupaten/kota anak ({home})",
    },
    "validation.status_before_agreed": {
        "en": "the status changed on {day}, before the action was agreed ({start})",
        "id": "status berubah pada {day}, sebelum rencana tindak lanjut disepakati ({start})",
    },
    # Against what the store holds
    "validation.tie_stored_otherwise": {
        "en": "tie {a}–{b} of child {child} on {day} is already stored with other values "
        "({differences})",
        "id": "ikatan {a}–{b} anak {child} pada {day} sudah tersimpan dengan nilai lain "
        "({differences})",
    },
    "validation.assessment_stored_otherwise": {
        "en": "the assessment of child {child} on {day} is already stored with other values "
        "({differences})",
        "id": "asesmen anak {child} pada {day} sudah tersimpan dengan nilai lain ({differences})",
    },
    "validation.difference": {
        "en": "{column} {here} here, {stored} in the store",
        "id": "{column} {here} di sini, {stored} di basis data",
    },
    "validation.empty_value": {"en": "(empty)", "id": "(kosong)"},
    "validation.tie_row_twice": {
        "en": "a second row for tie {a}–{b} of child {child} on {day}",
        "id": "baris kedua untuk ikatan {a}–{b} anak {child} pada {day}",
    },
    # A form's changes, against the child's record
    "validation.form.not_a_date": {"en": "must be a date", "id": "harus berupa tanggal"},
    "validation.form.after_today": {
        "en": "is after today ({today})",
        "id": "setelah hari ini ({today})",
    },
    "validation.form.before_latest": {
        "en": "is before this child's latest assessment ({latest}); an earlier date would change "
        "the map as of the dates in between",
        "id": "sebelum asesmen terakhir anak ini ({latest}); tanggal yang lebih awal akan mengubah "
        "peta pada tanggal-tanggal di antaranya",
    },
    "validation.form.cannot_empty": {
        "en": "a recorded value cannot be emptied; record the current one instead",
        "id": "nilai yang sudah dicatat tidak dapat dikosongkan; catat nilai saat ini",
    },
    "validation.form.already_recorded": {
        "en": "already recorded for {day}; record a change at a later date",
        "id": "sudah dicatat untuk {day}; catat perubahan pada tanggal berikutnya",
    },
    "validation.form.no_service": {
        "en": "no service {cell} is listed",
        "id": "layanan {cell} tidak terdaftar",
    },
    "validation.form.child_reserved": {
        "en": "'child' is reserved",
        "id": "'child' khusus untuk anak",
    },
    "validation.form.member_id_taken": {
        "en": "this child already has this member id",
        "id": "anak ini sudah memiliki kode anggota ini",
    },
    "validation.form.no_such_member": {
        "en": "no such current member",
        "id": "tidak ada anggota ini saat ini",
    },
    "validation.form.changed_twice": {
        "en": "changed twice in one assessment",
        "id": "diubah dua kali dalam satu asesmen",
    },
    "validation.form.no_member_named": {
        "en": "no current member {cell}",
        "id": "tidak ada anggota {cell} saat ini",
    },
    "validation.form.removed_twice": {"en": "removed twice", "id": "dihapus dua kali"},
    "validation.form.same_ends": {
        "en": "a tie joins two different ends",
        "id": "ikatan menghubungkan dua pihak yang berbeda",
    },
    "validation.form.tie_twice": {
        "en": "this tie is changed twice",
        "id": "ikatan ini diubah dua kali",
    },
    "validation.form.tie_dated": {
        "en": "this tie already has a row dated {day}; record a change at a later date",
        "id": "ikatan ini sudah memiliki baris bertanggal {day}; catat perubahan pada tanggal "
        "berikutnya",
    },
    "validation.form.removed_tie_dated": {
        "en": "tie {a}–{b} already has a row dated {day}",
        "id": "ikatan {a}–{b} sudah memiliki baris bertanggal {day}",
    },
    "validation.form.tie_of_removed": {
        "en": "a tie of a member removed in this assessment",
        "id": "ikatan dari anggota yang dihapus dalam asesmen ini",
    },
}
