#!/usr/bin/env python3
"""Builds the hand-written .xlsx fixtures from the XML in xlsx_hand/ (python3 standard library
only; the zip entries get a fixed date so the output is reproducible). Run from this folder:
    python3 make_xlsx_fixtures.py
hand_1904.xlsx   xlsx_hand/ as it is
no_workbook.xlsx the same zip without xl/workbook.xml
bad_cell.xlsx    sheet Daily's B6 refers to shared string 99 (the workbook has 6)
"""
import os
import zipfile

SRC = "xlsx_hand"


def parts(replace=None, skip=()):
    for root, dirs, files in os.walk(SRC):
        dirs.sort()
        for name in sorted(files):
            full = os.path.join(root, name)
            rel = os.path.relpath(full, SRC)
            if rel in skip:
                continue
            data = open(full, "rb").read()
            if replace and rel in replace:
                old, new = replace[rel]
                assert old in data, (rel, old)
                data = data.replace(old, new)
            yield rel, data


def build(out, **kw):
    with zipfile.ZipFile(out, "w") as z:
        for rel, data in parts(**kw):
            info = zipfile.ZipInfo(rel, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


build("hand_1904.xlsx")
build("no_workbook.xlsx", skip=("xl/workbook.xml",))
build("bad_cell.xlsx", replace={"xl/worksheets/sheet1.xml": (
    b'<c r="B6" t="str"><f>"AB"&amp;"C"</f><v>ABC</v></c>', b'<c r="B6" t="s"><v>99</v></c>')})
