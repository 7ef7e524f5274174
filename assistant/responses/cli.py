"""The respondent-data commands of `python -m assistant` (messages in Norwegian; exit 0 ok, 1 refused, 2 usage)."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from . import contract


def _fail(message: str, code: int = 2) -> int:
    print(f"Feil: {message}", file=sys.stderr)
    return code


def _wave(args) -> str | None:
    waves = contract.wave_ids()
    if not args.wave:
        return None
    return args.wave if args.wave in waves else None


def run(args) -> int:
    waves = ", ".join(contract.wave_ids())
    if args.cmd == "codebook":
        data = contract.export()
        if args.json:
            print(json.dumps(data, ensure_ascii=False, indent=2))
            return 0
        for q in data["questions"]:
            print(f"{q['id']} ({q['wave']}, {q['type']}): {q['text']}")
        print(f"\n{len(data['questions'])} spørsmål. Bruk --json for koder, filtre og kolonnenavn.")
        return 0
    if args.cmd != "codebook" and _wave(args) is None:
        what = f"ukjent bølge «{args.wave}»" if args.wave else "oppgi bølgen med --wave"
        return _fail(f"{what}. Gyldige bølger: {waves}.")
    if args.cmd == "responses-template":
        names = [c.name for c in contract.template_columns(args.wave)]
        if args.out and args.out != "-":
            with open(args.out, "w", encoding="utf-8", newline="") as fh:
                csv.writer(fh).writerow(names)
            print(
                f"Malen for {args.wave} er skrevet til {args.out} ({len(names)} kolonner).", file=sys.stderr
            )
        else:
            csv.writer(sys.stdout).writerow(names)
        return 0
    if args.cmd == "remove-responses":
        from .store import remove_wave

        print(remove_wave(args.wave).message)
        return 0
    # import-responses
    from .store import ImportRefused, import_file
    from .validate import ImportRejected, code_file

    if not args.file:
        return _fail(
            "oppgi filen som skal importeres, for eksempel: import-responses svar.csv --wave 2021-11"
        )
    path = Path(args.file)
    mapping = Path(args.mapping) if args.mapping else None
    if mapping is not None and not mapping.is_file():
        return _fail(f"fant ikke mappingfilen «{mapping}».")
    try:
        if args.check:
            coded = code_file(path, args.wave, mapping)
            print(
                f"Filen er i orden: {len(coded.respondents)} svar for {args.wave}. Ingenting ble importert."
            )
            return 0
        outcome = import_file(path, args.wave, mapping, replace=args.replace)
    except ImportRejected as err:
        print(err.report(), file=sys.stderr)
        return 1
    except ImportRefused as err:
        return _fail(str(err), 1)
    print(outcome.message)
    return 0
