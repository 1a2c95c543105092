#!/usr/bin/env bash
# Peer of bench_import: the sqlite3 shell's CSV import into a new, untyped table (every value
# stays text; nothing is parsed or validated). usage: sqlite3_import.sh CSV DB
# Prints nothing: bench_import times the whole process.
set -euo pipefail
sqlite3 "$2" ".import --csv '$1' prices"
