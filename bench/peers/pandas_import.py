#!/usr/bin/python3
"""Peer of bench_import: pandas read_csv + DataFrame.to_sql into a new SQLite file.

usage: pandas_import.py CSV DB   -> prints "wall cpu": seconds spent reading and writing (the
time to start Python and import pandas is left out, in pandas' favour).
"""
import sqlite3
import sys
import time

import pandas as pd


def main():
    csv_path, db_path = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    cpu = time.process_time()
    frame = pd.read_csv(csv_path, parse_dates=["date"])
    con = sqlite3.connect(db_path)
    frame.to_sql("prices", con, index=False, if_exists="replace", chunksize=100_000)
    con.commit()
    con.close()
    print(f"{time.perf_counter() - start:.6f} {time.process_time() - cpu:.6f}")


if __name__ == "__main__":
    main()
