"""Words of the district pages."""

MESSAGES: dict[str, dict[str, str]] = {
    "districts.intro": {
        "en": "Gaps of {children} children in {districts} districts, as of each child's latest "
        "assessment. Counts below {k} show as <{k}, and any figure that would reveal one as x.",
        "id": "Kesenjangan {children} anak di {districts} kabupaten/kota, per asesmen terakhir "
        "setiap anak. Jumlah di bawah {k} tampil sebagai <{k}, dan angka yang bisa "
        "mengungkapnya sebagai x.",
    },
    "districts.published": {
        "en": "Published figures as of the end of {period} (published {unit}): the records as "
        "they were then; saves since then show in the next period. {rounding} A district's "
        "figures change only when at least {refresh} of its children's records changed.",
        "id": "Angka terbitan per akhir {period} (terbit {unit}): catatan sebagaimana saat itu; "
        "simpanan sesudahnya tampil pada periode berikutnya. {rounding} Angka suatu "
        "kabupaten/kota berubah hanya bila sedikitnya {refresh} catatan anaknya berubah.",
    },
    "districts.rounded": {
        "en": "Counts are rounded to the nearest {base}, so totals may not add up.",
        "id": "Jumlah dibulatkan ke kelipatan {base} terdekat, jadi totalnya bisa tidak pas.",
    },
    "districts.unrounded": {"en": "Counts are not rounded.", "id": "Jumlah tidak dibulatkan."},
    "districts.earlier_rows": {
        "en": "Figures from an earlier period (too few changes since): {rows}.",
        "id": "Angka dari periode sebelumnya (terlalu sedikit perubahan sejak itu): {rows}.",
    },
    "districts.unit.month": {"en": "monthly", "id": "bulanan"},
    "districts.publishing": {
        "en": "Preparing the published figures...",
        "id": "Menyiapkan angka terbitan...",
    },
    "districts.month_names": {
        "en": "January,February,March,April,May,June,July,August,September,October,November,"
        "December",
        "id": "Januari,Februari,Maret,April,Mei,Juni,Juli,Agustus,September,Oktober,November,"
        "Desember",
    },
    "districts.quarter_name": {"en": "quarter {q} of {year}", "id": "triwulan {q} {year}"},
    "districts.unit.quarter": {"en": "quarterly", "id": "triwulanan"},
    "districts.headline": {"en": "Needs with no service", "id": "Kebutuhan tanpa layanan"},
    "districts.headline_text": {
        "en": "In these districts children have a need unmet and no service is listed for it:",
        "id": "Di kabupaten/kota ini ada anak dengan kebutuhan belum terpenuhi dan tidak ada "
        "layanan yang tercatat untuknya:",
    },
    "districts.headline_none": {
        "en": "Every need that children have unmet has a service listed in their district.",
        "id": "Setiap kebutuhan anak yang belum terpenuhi memiliki layanan yang tercatat di "
        "kabupaten/kotanya.",
    },
    "districts.need": {"en": "Need", "id": "Kebutuhan"},
    "districts.unmet": {
        "en": "Children with the need unmet",
        "id": "Anak dengan kebutuhan belum terpenuhi",
    },
    "districts.compare": {"en": "Compare districts", "id": "Bandingkan kabupaten/kota"},
    "districts.choose": {"en": "Districts", "id": "Kabupaten/kota"},
    "districts.none_chosen": {
        "en": "Choose at least one district.",
        "id": "Pilih setidaknya satu kabupaten/kota.",
    },
    "districts.all_small": {
        "en": "Each chosen district has fewer than {k} children: to protect them, no figures "
        "are shown.",
        "id": "Setiap kabupaten/kota yang dipilih memiliki kurang dari {k} anak: demi melindungi "
        "mereka, tidak ada angka yang ditampilkan.",
    },
    "districts.group": {"en": "Gaps to compare", "id": "Kesenjangan yang dibandingkan"},
    "districts.group.levels": {"en": "Levels absent or weak", "id": "Tingkat kosong atau lemah"},
    "districts.group.needs": {"en": "Unmet needs", "id": "Kebutuhan belum terpenuhi"},
    "districts.group.keys": {"en": "Missing keys", "id": "Kunci belum ada"},
    "districts.group.support": {
        "en": "Missing kinds of support",
        "id": "Jenis dukungan belum ada",
    },
    "districts.group.links": {
        "en": "Weakest link between levels",
        "id": "Hubungan terlemah antar tingkat",
    },
    "districts.group.ties": {
        "en": "Stressful, single and stale ties",
        "id": "Ikatan penuh tekanan, tunggal dan tanpa kontak",
    },
    "districts.side_by_side": {"en": "Side by side", "id": "Berdampingan"},
    "districts.heatmap": {"en": "Heatmap", "id": "Peta panas"},
    "districts.map": {"en": "Map", "id": "Peta"},
    "districts.map_upload": {
        "en": "GeoJSON of your districts (optional)",
        "id": "GeoJSON kabupaten/kota Anda (opsional)",
    },
    "districts.map_help": {
        "en": "A FeatureCollection of district outlines, at most {mb} MB. Only this file is "
        "drawn: nothing is loaded from the internet.",
        "id": "FeatureCollection batas kabupaten/kota, paling besar {mb} MB. Hanya berkas ini "
        "yang digambar: tidak ada yang dimuat dari internet.",
    },
    "districts.map_property": {
        "en": "Property holding the district name",
        "id": "Properti yang berisi nama kabupaten/kota",
    },
    "districts.map_measure": {
        "en": "Gap shown on the map",
        "id": "Kesenjangan yang ditampilkan di peta",
    },
    "districts.map_bad": {
        "en": "This file cannot be used: {reason}.",
        "id": "Berkas ini tidak dapat digunakan: {reason}.",
    },
    "districts.map_unmatched": {
        "en": "No outline in the file for: {names}.",
        "id": "Tidak ada batas wilayah dalam berkas untuk: {names}.",
    },
    "districts.services": {
        "en": "Unmet needs and the services each district lists",
        "id": "Kebutuhan belum terpenuhi dan layanan yang tercatat di setiap kabupaten/kota",
    },
    "districts.services_district": {"en": "District", "id": "Kabupaten/kota"},
    "districts.trend": {
        "en": "Trend by quarter of assessment",
        "id": "Tren per triwulan asesmen",
    },
    "districts.trend_note": {
        "en": "All districts together. Each quarter counts the children assessed in it, as they "
        "were then.",
        "id": "Semua kabupaten/kota. Setiap triwulan menghitung anak yang diases pada triwulan "
        "itu, sebagaimana keadaan mereka saat itu.",
    },
    "districts.trend_measures": {"en": "Gaps to follow", "id": "Kesenjangan yang diikuti"},
    "districts.trend_compute": {
        "en": "Compute the trend (reads every assessment: it takes a while on large data)",
        "id": "Hitung tren (membaca setiap asesmen: perlu waktu pada data besar)",
    },
    "districts.table": {"en": "The figures", "id": "Angka-angkanya"},
    "districts.table_note": {
        "en": "The chosen districts and all districts together; the download holds exactly "
        "this table.",
        "id": "Kabupaten/kota yang dipilih dan semua kabupaten/kota; unduhan berisi tepat "
        "tabel ini.",
    },
    "districts.export": {"en": "Download this table (CSV)", "id": "Unduh tabel ini (CSV)"},
    "districts.headline_small": {
        "en": "Districts with fewer than {k} children are left out: too few to say.",
        "id": "Kabupaten/kota dengan kurang dari {k} anak tidak dimasukkan: terlalu sedikit untuk "
        "disimpulkan.",
    },
    "districts.measure.children": {"en": "children", "id": "anak"},
    "districts.measure.weakest_link": {"en": "Weakest link", "id": "Hubungan terlemah"},
    "districts.measure.link_strength": {
        "en": "Link strength (median)",
        "id": "Kekuatan hubungan (median)",
    },
    "districts.measure.stressful_family": {
        "en": "Stressful family tie",
        "id": "Ikatan keluarga penuh tekanan",
    },
    "districts.by.district.heading": {"en": "District", "id": "Kabupaten/kota"},
    "districts.by.district.total": {"en": "All districts", "id": "Semua kabupaten/kota"},
    "districts.by.quarter.heading": {"en": "Quarter", "id": "Triwulan"},
    "districts.by.quarter.total": {"en": "All quarters", "id": "Semua triwulan"},
    "districts.figure.share": {"en": "% of children", "id": "% anak"},
    "districts.figure.grey_suppressed": {
        "en": "Grey: suppressed to protect children (hover for why); never zero.",
        "id": "Abu-abu: disembunyikan demi melindungi anak (arahkan kursor untuk alasannya); "
        "bukan nol.",
    },
    "districts.figure.children": {"en": "children", "id": "anak"},
    "districts.figure.suppressed": {"en": "suppressed", "id": "disembunyikan"},
    "districts.figure.services": {"en": "{n} services", "id": "{n} layanan"},
    "districts.figure.one_service": {"en": "1 service", "id": "1 layanan"},
    "districts.figure.no_service": {"en": "no service", "id": "tidak ada layanan"},
    "districts.figure.unmet": {
        "en": "children with the need unmet (%)",
        "id": "anak dengan kebutuhan belum terpenuhi (%)",
    },
    "districts.figure.services_title": {
        "en": "{district}: unmet needs and the services listed",
        "id": "{district}: kebutuhan belum terpenuhi dan layanan yang tersedia",
    },
    "districts.figure.heatmap_title": {
        "en": "Gaps by district (% of children)",
        "id": "Kesenjangan per kabupaten/kota (% anak)",
    },
    "districts.figure.bars_title": {
        "en": "Districts side by side",
        "id": "Perbandingan kabupaten/kota",
    },
    "districts.figure.trend_title": {
        "en": "Trend by quarter of assessment",
        "id": "Tren per triwulan asesmen",
    },
    "districts.hidden.small": {
        "en": "suppressed: fewer than {k} children",
        "id": "disembunyikan: kurang dari {k} anak",
    },
    "districts.hidden.secondary": {
        "en": "suppressed to protect a small count",
        "id": "disembunyikan untuk melindungi angka kecil",
    },
    "districts.too_few": {
        "en": "Fewer than {k} children match this choice; to protect them, no figures are shown.",
        "id": "Kurang dari {k} anak cocok dengan pilihan ini; demi melindungi mereka, tidak ada "
        "angka yang ditampilkan.",
    },
    "districts.figure.province_heatmap_title": {
        "en": "Provinces by gap: share of children (%)",
        "id": "Provinsi menurut kesenjangan: persentase anak (%)",
    },
    "districts.figure.unknown_province": {
        "en": "Province not in the product's table",
        "id": "Provinsi tidak ada di tabel produk",
    },
    "districts.by.province.heading": {"en": "Province", "id": "Provinsi"},
    "districts.by.province.total": {"en": "All provinces", "id": "Semua provinsi"},
    "districts.provinces": {"en": "Provinces", "id": "Provinsi"},
    "districts.provinces_note": {
        "en": "Each province adds up the published figures of its districts (the province of a "
        "district comes from the product's table of kabupaten/kota). More children are counted "
        "together, so fewer figures are suppressed; cells that would let a hidden district "
        "figure be worked out are suppressed too.",
        "id": "Setiap provinsi menjumlahkan angka terbitan kabupaten/kotanya (provinsi suatu "
        "kabupaten/kota diambil dari tabel kabupaten/kota di produk ini). Lebih banyak anak "
        "dihitung bersama, jadi lebih sedikit angka yang disembunyikan; sel yang memungkinkan "
        "angka kabupaten/kota yang tersembunyi dihitung ulang ikut disembunyikan.",
    },
    "districts.provinces_left_out": {
        "en": "Left out of the provinces, because their number of children is suppressed "
        "(fewer than {k}, or hidden to protect one): {names}.",
        "id": "Tidak dihitung dalam provinsi, karena jumlah anaknya disembunyikan (kurang dari "
        "{k}, atau disembunyikan untuk melindungi angka kecil): {names}.",
    },
    "districts.provinces_all_hidden": {
        "en": "With K = {k}, every province figure for these gaps is suppressed: too few "
        "children have them. Choose another group of gaps, or read the total row of the table.",
        "id": "Dengan K = {k}, semua angka provinsi untuk kesenjangan ini disembunyikan: terlalu "
        "sedikit anak yang mengalaminya. Pilih kelompok kesenjangan lain, atau baca baris total "
        "pada tabel.",
    },
    "districts.every_district_hidden": {
        "en": "With K = {k}, every district figure for these gaps is suppressed, so a comparison "
        "of districts shows nothing. Compare the provinces above instead: they count more "
        "children together.",
        "id": "Dengan K = {k}, semua angka kabupaten/kota untuk kesenjangan ini disembunyikan, "
        "jadi perbandingan kabupaten/kota tidak menampilkan apa pun. Bandingkan provinsi di atas: "
        "provinsi menghitung lebih banyak anak bersama.",
    },
    "districts.chosen_all_hidden": {
        "en": "With K = {k}, every figure of the chosen districts for these gaps is suppressed "
        "(grey). Choose larger districts, another group of gaps, or compare the provinces above.",
        "id": "Dengan K = {k}, semua angka kabupaten/kota yang dipilih untuk kesenjangan ini "
        "disembunyikan (abu-abu). Pilih kabupaten/kota yang lebih besar, kelompok kesenjangan "
        "lain, atau bandingkan provinsi di atas.",
    },
    "districts.trend_all_hidden": {
        "en": "With K = {k}, every quarter of these gaps is suppressed. Choose more common gaps; "
        "the total over all quarters is in the table above.",
        "id": "Dengan K = {k}, semua triwulan untuk kesenjangan ini disembunyikan. Pilih "
        "kesenjangan yang lebih umum; total seluruh triwulan ada di tabel di atas.",
    },
    "districts.choose_placeholder": {"en": "Choose districts", "id": "Pilih kabupaten/kota"},
    "districts.choose_measures": {"en": "Choose gaps", "id": "Pilih kesenjangan"},
    "districts.choose_one": {"en": "Choose one", "id": "Pilih salah satu"},
}
