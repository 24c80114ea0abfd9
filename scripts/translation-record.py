#!/usr/bin/env python3
"""Records, in content/<lang>/translation.json, the English file each translated file now matches.

Run after bringing a translation up to date with its English file (content/tests/spanish.rs says
which files changed):  python3 scripts/translation-record.py es ui.json [more files...]
The hash is FNV-1a 64 of the English file's bytes, as the test computes it.
"""
import datetime, json, sys
from collections import OrderedDict
from pathlib import Path

root = Path(__file__).resolve().parent.parent / "content"

def fnv64(data: bytes) -> str:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h

lang, files = sys.argv[1], sys.argv[2:]
record_path = root / lang / "translation.json"
record = json.loads(record_path.read_text(), object_pairs_hook=OrderedDict)
for f in files:
    record["files"][f] = OrderedDict(
        english_fnv64=fnv64((root / "en" / f).read_bytes()),
        translated_on=datetime.date.today().isoformat(),
    )
record_path.write_text(json.dumps(record, indent=2) + "\n")
print(f"recorded {', '.join(files)} for {lang}")
