#!/usr/bin/env python3
"""Fill in a fill-in template (layout 2) as a Dinas Sosial clerk would, and let LibreOffice save it.

What it makes
    input-samples/Template SPM 34.04 Kabupaten Sleman 2026-TW3 SOS (terisi).xlsx: the template
    `pantau template --region 34.04 --period 2026-TW3 --field SOS` writes, with the office, the
    officer and the officer's contact filled in on the first sheet (so the report and the chase
    list know whom to call), and on the SOS sheet SASARAN and TERLAYANI of the five social
    services, budget in rupiah, the four stages, and problems and solutions in words.

Why
    The bundled samples must show a newcomer's first run every part of the Laporan Penerapan SPM
    (issue 11), including an office contact, which only a template carries.

How
    python3 src/test/samples/make-template-sample.py TEMPLATE.xlsx   (from the repository root;
    TEMPLATE.xlsx from the `pantau template` command above). Python 3 standard library only; the
    cells are filled in the workbook's XML, then LibreOffice (`soffice --headless`) saves the
    workbook again as .xlsx, as a clerk's spreadsheet program would.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "input-samples" / "Template SPM 34.04 Kabupaten Sleman 2026-TW3 SOS (terisi).xlsx"
LIBREOFFICE = os.environ.get("LIBREOFFICE", "soffice")

INFO = {  # first sheet, column B
    "B9": "Dinas Sosial Kabupaten Sleman",
    "B10": "Sri Wahyuni, S.Sos.",
    "B11": "0274 868405 / dinsos@slemankab.go.id",
    "B12": "2026-10-14",
}

# measure code -> value (a number, or words for PERMASALAHAN and SOLUSI)
VALUES = {
    "SOS-K01.SASARAN": 412, "SOS-K01.TERLAYANI": 287,
    "SOS-K02.SASARAN": 356, "SOS-K02.TERLAYANI": 301,
    "SOS-K03.SASARAN": 298, "SOS-K03.TERLAYANI": 190,
    "SOS-K04.SASARAN": 64, "SOS-K04.TERLAYANI": 41,
    "SOS-K05.SASARAN": 1250, "SOS-K05.TERLAYANI": 1250,
    "SOS-K01.ANGGARAN_RENCANA": 865000000, "SOS-K01.ANGGARAN_REALISASI": 512400000,
    "SOS-K03.ANGGARAN_RENCANA": 640000000, "SOS-K03.ANGGARAN_REALISASI": 301750000,
    "SOS-K01.TAHAP1_PENGUMPULAN_DATA": 100, "SOS-K01.TAHAP2_PENGHITUNGAN_KEBUTUHAN": 100,
    "SOS-K01.TAHAP3_PENYUSUNAN_RENCANA": 90, "SOS-K01.TAHAP4_PELAKSANAAN": 70,
    "SOS-K03.TAHAP1_PENGUMPULAN_DATA": 100, "SOS-K03.TAHAP2_PENGHITUNGAN_KEBUTUHAN": 80,
    "SOS-K03.TAHAP3_PENYUSUNAN_RENCANA": 60, "SOS-K03.TAHAP4_PELAKSANAAN": 55,
    "SOS-K01.PERMASALAHAN": "Data penyandang disabilitas telantar belum padan dengan DTKS di 6 kapanewon",
    "SOS-K01.SOLUSI": "Verifikasi lapangan bersama TKSK dan pemutakhiran DTKS bulan November",
    "SOS-K03.PERMASALAHAN": "Pendamping lanjut usia hanya 12 orang untuk 17 kapanewon",
    "SOS-K03.SOLUSI": "Kerja sama dengan karang werda dan relawan puskesos",
}


def shared_strings(z):
    xml = z.read("xl/sharedStrings.xml").decode("utf-8")
    return [re.sub(r"<[^>]+>", "", si) for si in re.findall(r"<si>(.*?)</si>", xml, re.S)]


def fill(xml, cell, value):
    """Replace the empty styled cell <c r="F5" s="14"/> with a value (a number or inline text)."""
    m = re.search(r'<c r="%s"( s="\d+")?/>' % cell, xml)
    if not m:
        sys.exit(f"cell {cell} not found empty in the template")
    style = m.group(1) or ""
    if isinstance(value, str):
        new = f'<c r="{cell}"{style} t="inlineStr"><is><t>{escape(value)}</t></is></c>'
    else:
        new = f'<c r="{cell}"{style}><v>{value}</v></c>'
    return xml[:m.start()] + new + xml[m.end():]


def main():
    template = Path(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="pantau-template-") as t:
        tmp = Path(t)
        filled = tmp / "filled" / "Template SPM 34.04 Kabupaten Sleman 2026-TW3 SOS (terisi).xlsx"
        filled.parent.mkdir()
        with zipfile.ZipFile(template) as z:
            strings = shared_strings(z)
            info = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
            sheet = z.read("xl/worksheets/sheet2.xml").decode("utf-8")
            for cell, value in INFO.items():
                info = fill(info, cell, value)
            # column B of the SOS sheet holds the measure codes (shared strings)
            rows = {}
            for r, idx in re.findall(r'<c r="B(\d+)"[^>]*t="s"[^>]*><v>(\d+)</v></c>', sheet):
                rows[strings[int(idx)]] = int(r)
            for code, value in VALUES.items():
                if code not in rows:
                    sys.exit(f"{code} is not a row of the template")
                sheet = fill(sheet, f"F{rows[code]}", value)
            with zipfile.ZipFile(filled, "w", zipfile.ZIP_DEFLATED) as out:
                for item in z.infolist():
                    data = z.read(item.filename)
                    if item.filename == "xl/worksheets/sheet1.xml":
                        data = info.encode("utf-8")
                    elif item.filename == "xl/worksheets/sheet2.xml":
                        data = sheet.encode("utf-8")
                    out.writestr(item, data)
        # Saved again by a spreadsheet program, as the office's copy would be.
        outdir = tmp / "saved"
        subprocess.run([LIBREOFFICE, f"-env:UserInstallation={(tmp / 'lo-profile').as_uri()}", "--headless",
                        "--convert-to", "xlsx", "--outdir", str(outdir), str(filled)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        made = outdir / filled.name
        if not made.is_file():
            sys.exit(f"LibreOffice did not produce {made}")
        shutil.move(str(made), OUT)
    print(f"Wrote {OUT}")


if __name__ == "__main__":
    main()
